import { t } from '../../i18n';
import type { PolicyProblem } from './validate';

/**
 * The words the options page shows about the school policy (locales/<lang>/policy.json). One line for the invalid
 * values ("Your school's policy has 2 invalid settings: …"), one for keys Vigie does not know, one when the policy
 * could not be read at all, one for list entries ignored while the rest of each list applies, one when the lock list
 * could not be read and every setting the policy sets is locked (fail closed). Each line names the keys so the teacher can pass it on to the IT administrator.
 */
export function policyNotices(problems: readonly PolicyProblem[]): string[] {
  const out: string[] = [];
  const invalid = problems.filter((p) => p.kind === 'invalid' && !(p.key === 'lockedSettings' && p.entries));
  const entries = problems.filter((p) => p.kind === 'entries');
  const locksClosed = problems.find((p) => p.kind === 'invalid' && p.key === 'lockedSettings' && p.entries);
  const unknown = problems.filter((p) => p.kind === 'unknown');
  if (problems.some((p) => p.kind === 'not-an-object')) out.push(t('policy_problem_unreadable'));
  if (invalid.length) {
    const list = invalid.map((p) => `${p.key} (${p.detail})`).join('; ');
    out.push(invalid.length === 1 ? t('policy_problem_invalid_one', [list]) : t('policy_problem_invalid_many', [String(invalid.length), list]));
  }
  if (entries.length) out.push(t('policy_problem_entries', [entries.map((p) => `${p.key}: ${(p.entries ?? []).join(', ')}`).join('; ')]));
  if (locksClosed) out.push(t('policy_problem_locks_closed', [(locksClosed.entries ?? []).join(', ')]));
  if (unknown.length) out.push(t('policy_problem_unknown', [unknown.map((p) => p.key).join(', ')]));
  return out;
}
