import { t } from '../i18n';
import type { PolicyProblem } from './validate';

/**
 * The words the options page shows about the school policy (locales/<lang>/policy.json). One line for the invalid
 * values ("Your school's policy has 2 invalid settings: …"), one for keys Vigie does not know, one when the policy
 * could not be read at all. Each line names the keys so the teacher can pass it on to the IT administrator.
 */
export function policyNotices(problems: readonly PolicyProblem[]): string[] {
  const out: string[] = [];
  const invalid = problems.filter((p) => p.kind === 'invalid');
  const unknown = problems.filter((p) => p.kind === 'unknown');
  if (problems.some((p) => p.kind === 'not-an-object')) out.push(t('policy_problem_unreadable'));
  if (invalid.length) {
    const list = invalid.map((p) => `${p.key} (${p.detail})`).join('; ');
    out.push(invalid.length === 1 ? t('policy_problem_invalid_one', [list]) : t('policy_problem_invalid_many', [String(invalid.length), list]));
  }
  if (unknown.length) out.push(t('policy_problem_unknown', [unknown.map((p) => p.key).join(', ')]));
  return out;
}
