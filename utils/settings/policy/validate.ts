import type { SettingKey, Settings } from '../schema';
import { SETTING_KEYS } from '../schema';
import { chromeForms, holidayProblem, readLockList, shown } from './lists';
import { HOLIDAY_ITEM, POLICY_FIELDS, POLICY_KEYS, POLICY_LIST_ITEMS, type PolicyKey } from './schema';

/**
 * One problem found in a school policy. Chromium drops values that do not match public/managed_schema.json
 * before Vigie sees them; Firefox passes policies.json through as written. Either way each key is checked here on
 * its own, so one bad value never costs the school its other settings, and each list entry on its own, so one bad
 * entry never costs the school the rest of the list.
 */
export interface PolicyProblem {
  key: string;
  /**
   * invalid: the key's value is ignored. entries: some entries of a list were ignored, the rest applies.
   * unknown: not a Vigie key. not-an-object: the whole policy is unreadable.
   */
  kind: 'invalid' | 'entries' | 'unknown' | 'not-an-object';
  /** Technical detail for the administrator (English, from the validator). */
  detail: string;
  /** For `entries`: the ignored entries, as written. */
  entries?: string[];
}

export interface PolicyLayer {
  values: Partial<Settings>;
  locked: SettingKey[];
  problems: PolicyProblem[];
}

export const EMPTY_POLICY: PolicyLayer = Object.freeze({ values: {}, locked: [], problems: [] }) as PolicyLayer;

type Parsed = { success: true; data: unknown } | { success: false; error: { issues: { path?: PropertyKey[]; message?: string }[] } };

function parse(key: PolicyKey, value: unknown): Parsed {
  const schema = POLICY_FIELDS[key];
  const first = schema.safeParse(value) as Parsed;
  if (first.success) return first;
  // A JSON string or a numeric string, read the way Chrome reads a registry value (lists.ts, chromeForms).
  for (const form of chromeForms(value)) {
    const again = schema.safeParse(form) as Parsed;
    if (again.success) return again;
  }
  return first;
}

function describe(key: string, parsed: Parsed & { success: false }): string {
  const issue = parsed.error.issues[0];
  const where = issue?.path?.length ? `${key}.${issue.path.map(String).join('.')}` : key;
  return `${where}: ${issue?.message ?? 'bad value'}`;
}

/** A list written as a JSON string (Windows registry on Firefox) is read as Chrome would. */
function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  return (chromeForms(value).find(Array.isArray) as unknown[] | undefined) ?? null;
}

/** Keep the entries that pass `item` (in order), name the others. */
function splitList(list: unknown[], item: { safeParse(v: unknown): unknown }): { kept: unknown[]; bad: string[]; reasons: string[] } {
  const kept: unknown[] = [];
  const bad: string[] = [];
  const reasons: string[] = [];
  for (const entry of list) {
    let r: Parsed;
    try {
      r = item.safeParse(entry) as Parsed;
    } catch {
      r = { success: false, error: { issues: [{ message: 'could not be read' }] } };
    }
    if (r.success) kept.push(r.data);
    else {
      bad.push(shown(entry));
      const reason = r.error.issues[0]?.message ?? 'bad value';
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  return { kept, bad, reasons };
}

/** Pure: raw managed storage → the values Vigie may apply, the locked keys and what was ignored. Never throws. */
export function validatePolicy(raw: unknown): PolicyLayer {
  const values: Partial<Settings> = {};
  const problems: PolicyProblem[] = [];
  if (raw === undefined || raw === null) return { values, locked: [], problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { values, locked: [], problems: [{ key: '', kind: 'not-an-object', detail: 'the policy is not a JSON object' }] };
  let entries: [string, unknown][];
  try {
    entries = Object.entries(raw);
  } catch {
    return { values, locked: [], problems: [{ key: '', kind: 'not-an-object', detail: 'the policy could not be read' }] };
  }
  let lockRaw: { value: unknown } | undefined;
  for (const [key, value] of entries) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      problems.push({ key, kind: 'unknown', detail: 'not a Vigie policy key (ignored)' });
      continue;
    }
    if (key === 'lockedSettings') {
      lockRaw = { value };
      continue;
    }
    try {
      let candidate: unknown = value;
      const itemSchema = POLICY_LIST_ITEMS[key as PolicyKey];
      const list = itemSchema ? asList(value) : null;
      if (itemSchema && list) {
        const { kept, bad, reasons } = splitList(list, itemSchema);
        if (bad.length) {
          const emptied = key === 'enabledDestinations' && kept.length === 0;
          problems.push({
            key,
            kind: emptied ? 'invalid' : 'entries',
            entries: bad,
            detail: `${key}: ${bad.length === 1 ? '1 entry' : `${bad.length} entries`} ignored (${reasons.join('; ')}): ${bad.join(', ')}${emptied ? '; no known service left, so the list is not applied (every service stays offered)' : ''}`,
          });
          if (emptied) continue;
        }
        candidate = kept;
      } else if (key === 'schoolHours') {
        // Holidays entry by entry: a typo in one date keeps the school's hours and its other holidays.
        const hours = (value && typeof value === 'object' && !Array.isArray(value) ? value : (chromeForms(value)[0] ?? value)) as Record<string, unknown>;
        const holidays = hours && typeof hours === 'object' ? asList(hours.holidays) : null;
        if (holidays) {
          const { kept, bad } = splitList(holidays, HOLIDAY_ITEM);
          if (bad.length) {
            const why = holidays.filter((h) => typeof h !== 'string' || holidayProblem(h)).map((h) => `${shown(h)} (${typeof h === 'string' ? holidayProblem(h) : 'not a date'})`);
            problems.push({ key, kind: 'entries', entries: bad, detail: `schoolHours.holidays: ${bad.length === 1 ? '1 entry' : `${bad.length} entries`} ignored: ${why.join(', ')}` });
          }
          candidate = { ...hours, holidays: kept };
        }
      }
      const parsed = parse(key as PolicyKey, candidate);
      if (!parsed.success) {
        // Refused as a whole: a note about some of its entries would only confuse.
        for (let i = problems.length - 1; i >= 0; i--) if (problems[i].key === key) problems.splice(i, 1);
        problems.push({ key, kind: 'invalid', detail: describe(key, parsed) });
        continue;
      }
      (values as Record<string, unknown>)[key] = parsed.data;
    } catch {
      problems.push({ key, kind: 'invalid', detail: `${key}: could not be read` });
    }
  }
  let locked: SettingKey[] = [];
  if (lockRaw) {
    const read = readLockList(lockRaw.value, SETTING_KEYS, () => SETTING_KEYS.filter((k) => k in values));
    locked = read.locked as SettingKey[];
    if (read.failedClosed) {
      problems.push({
        key: 'lockedSettings',
        kind: 'invalid',
        entries: read.bad,
        detail: `lockedSettings: no setting name could be read (${read.bad.join(', ')}), so every setting this policy sets is locked${locked.length ? ` (${locked.join(', ')})` : ''}`,
      });
    } else if (read.bad.length) {
      problems.push({
        key: 'lockedSettings',
        kind: 'entries',
        entries: read.bad,
        detail: `lockedSettings: ${read.bad.length === 1 ? '1 entry' : `${read.bad.length} entries`} ignored (not a setting name): ${read.bad.join(', ')}; the others stay locked`,
      });
    }
  }
  return { values, locked, problems };
}
