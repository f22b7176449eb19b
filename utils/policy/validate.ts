import type { SettingKey, Settings } from '../settings/schema';
import { POLICY_FIELDS, POLICY_KEYS, type PolicyKey } from './schema';

/**
 * One problem found in a school policy. Chromium drops values that do not match public/managed_schema.json
 * before Vigie sees them; Firefox passes policies.json through as written. Either way each key is checked here on
 * its own, so one bad value never costs the school its other settings.
 */
export interface PolicyProblem {
  key: string;
  kind: 'invalid' | 'unknown' | 'not-an-object';
  /** Technical detail for the administrator (English, from the validator). */
  detail: string;
}

export interface PolicyLayer {
  values: Partial<Settings>;
  locked: SettingKey[];
  problems: PolicyProblem[];
}

export const EMPTY_POLICY: PolicyLayer = Object.freeze({ values: {}, locked: [], problems: [] }) as PolicyLayer;

/** Pure: raw managed storage → the values Vigie may apply, the locked keys and what was ignored. Never throws. */
export function validatePolicy(raw: unknown): PolicyLayer {
  const values: Partial<Settings> = {};
  const problems: PolicyProblem[] = [];
  let locked: SettingKey[] = [];
  if (raw === undefined || raw === null) return { values, locked, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { values, locked, problems: [{ key: '', kind: 'not-an-object', detail: 'the policy is not a JSON object' }] };
  let entries: [string, unknown][];
  try {
    entries = Object.entries(raw);
  } catch {
    return { values, locked, problems: [{ key: '', kind: 'not-an-object', detail: 'the policy could not be read' }] };
  }
  for (const [key, value] of entries) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      problems.push({ key, kind: 'unknown', detail: 'not a Vigie policy key (ignored)' });
      continue;
    }
    let parsed: ReturnType<(typeof POLICY_FIELDS)[PolicyKey]['safeParse']>;
    try {
      parsed = POLICY_FIELDS[key as PolicyKey].safeParse(value);
    } catch {
      problems.push({ key, kind: 'invalid', detail: 'could not be read' });
      continue;
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path?.length ? `${key}.${issue.path.join('.')}` : key;
      problems.push({ key, kind: 'invalid', detail: `${where}: ${issue?.message ?? 'bad value'}` });
      continue;
    }
    if (key === 'lockedSettings') locked = [...new Set(parsed.data as SettingKey[])];
    else (values as Record<string, unknown>)[key] = parsed.data;
  }
  return { values, locked, problems };
}
