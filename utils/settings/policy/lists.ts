/**
 * Zod-free pieces of the policy validator, shared with the popup's fast language read (utils/settings/language.ts):
 * how a lock list is read, how a value written the Windows-registry way is turned into what Chrome would deliver,
 * and the calendar-date and domain checks. Pure; never throws.
 */

/**
 * Chrome, reading a policy from the Windows registry, turns a REG_SZ string into the type the schema asks for: a
 * JSON string into a list or an object, a string of digits into an integer (components/policy/core/common/
 * registry_dict.cc, ConvertRegistryValue). Firefox hands policies.json (and its registry form) through as written.
 * So when a value does not fit as delivered, Vigie tries the form Chrome would have made of it, at the top level:
 * `"[\"region\"]"` → `["region"]`, `"90"` → `90`, `"1"` → `true`. The caller re-validates the result.
 */
export function chromeForms(value: unknown): unknown[] {
  if (typeof value !== 'string') return [];
  const s = value.trim();
  const out: unknown[] = [];
  if (s.startsWith('[') || s.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (parsed && typeof parsed === 'object') out.push(parsed);
    } catch {
      /* not JSON: no other form */
    }
  } else if (/^-?\d{1,15}$/.test(s)) {
    out.push(Number(s), Number(s) !== 0);
  }
  return out;
}

export interface LockRead {
  /** Keys to lock. */
  locked: string[];
  /** Entries that are not setting names, as written (for the notice). */
  bad: string[];
  /** The list was present but could not be read as a list of names: every key the policy sets is locked. */
  failedClosed: boolean;
}

/** A rejected entry as the administrator wrote it, short enough for one line. */
export function shown(entry: unknown): string {
  let s: string;
  try {
    s = typeof entry === 'string' ? JSON.stringify(entry) : (JSON.stringify(entry) ?? String(entry));
  } catch {
    s = String(entry);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * Read `lockedSettings`. Fail closed: a bad entry never unlocks the others (they stay locked and the bad one is
 * named), and a list that is present but holds no readable name at all (`"region"`, `["colour"]`, `42`) locks every
 * key the policy sets, because the school meant to lock something and Vigie cannot tell what.
 */
export function readLockList(raw: unknown, settingKeys: readonly string[], setKeys: () => string[]): LockRead {
  let list = raw;
  if (typeof list === 'string') list = chromeForms(list).find(Array.isArray) ?? list;
  if (!Array.isArray(list)) return { locked: setKeys(), bad: [shown(raw)], failedClosed: true };
  const locked: string[] = [];
  const bad: string[] = [];
  for (const entry of list) {
    if (typeof entry === 'string' && settingKeys.includes(entry)) {
      if (!locked.includes(entry)) locked.push(entry);
    } else bad.push(shown(entry));
  }
  if (!locked.length && bad.length) return { locked: setKeys(), bad, failedClosed: true };
  return { locked, bad, failedClosed: false };
}

/** YYYY-MM-DD that exists in the calendar (2026-02-29 does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A holiday: one real date, or a range of two real dates that does not end before it starts. */
export function holidayProblem(s: string): string | null {
  const parts = s.split('/');
  if (parts.length > 2 || !parts.every(isCalendarDate)) return 'not a date (YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD)';
  if (parts.length === 2 && parts[1] < parts[0]) return 'the range ends before it starts';
  return null;
}

const ASCII_DOMAIN = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * A domain as the browser compares it: lower case, internationalised labels in their punycode (ASCII) form, as
 * `new URL()` writes them (`École.qc.ca` → `xn--cole-9oa.qc.ca`). Null when it is not a plain domain name (a URL,
 * an address with a path, a port or spaces, a single label, an IP address). The top-level domain must be plain
 * letters (the settings schema's rule), so an internationalised TLD (`.рф`) is refused, with this reason.
 */
export function toAsciiDomain(raw: string): string | null {
  const s = raw.trim().replace(/\.$/, '');
  if (!s || /[\s/:@?#\\%*]/.test(s)) return null;
  let host: string;
  try {
    host = new URL(`https://${s}/`).hostname;
  } catch {
    return null;
  }
  if (!host.split('.').every((l) => ASCII_LABEL.test(l))) return null;
  return ASCII_DOMAIN.test(host) ? host : null;
}
