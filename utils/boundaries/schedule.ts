/**
 * School hours, pure: "is this instant inside school hours?" and "when does school next open?", in the school's
 * IANA time zone, through Intl only (no dependency). DST is handled by asking Intl for the wall-clock time of an
 * instant, never by adding fixed offsets. Bad input (unknown time zone, malformed slot) never throws: the answer
 * is `unknown` and callers show nothing (unknown is never "out of hours").
 *
 * Types mirror utils/settings/schema.ts SchoolHoursSchema, restated here so content scripts need no zod.
 */

/**
 * The default school time zone is the browser's own (issue 15): one function, shared with the settings defaults
 * (DEFAULT_SETTINGS.schoolHours), so a Paris teacher's 9:00 is Paris time everywhere the boundaries code looks.
 */
export { browserTimeZone as defaultSchoolTimeZone } from '../settings/region-inference';

export type DayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const DAY_KEYS: readonly DayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface Slot {
  start: string; // HH:MM
  end: string; // HH:MM, exclusive
}

export interface SchoolHours {
  timeZone: string;
  days: Record<DayKey, Slot[]>;
  /** YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD (inclusive range), in the school's calendar. */
  holidays: string[];
}

/** Wall-clock reading of an instant in a time zone. */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** YYYY-MM-DD */
  date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  } catch {
    return null; // RangeError: not an IANA zone this browser knows
  }
  formatters.set(timeZone, f);
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && timeZone.length > 0 && formatterFor(timeZone) !== null;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const pad = (n: number) => String(n).padStart(2, '0');

export function wallTime(instant: Date, timeZone: string): WallTime | null {
  const f = formatterFor(timeZone);
  if (!f || Number.isNaN(instant.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const weekday = WEEKDAYS[parts.weekday ?? ''];
  if ([year, month, day, hour, minute].some(Number.isNaN) || weekday === undefined) return null;
  return { year, month, day, hour, minute, weekday, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** Minutes since midnight for "HH:MM", or null. */
export function minutesOf(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Is YYYY-MM-DD a listed holiday (single day or inclusive range)? ISO dates compare as strings. */
export function isHoliday(date: string, holidays: readonly string[]): boolean {
  for (const h of holidays ?? []) {
    const [from, to = from] = String(h).split('/');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) continue;
    if (date >= from && date <= to) return true;
  }
  return false;
}

function slotsOf(hours: SchoolHours, weekday: number): Array<[number, number]> {
  const list = hours.days?.[DAY_KEYS[weekday]];
  if (!Array.isArray(list)) return [];
  const out: Array<[number, number]> = [];
  for (const s of list) {
    const a = minutesOf(s?.start);
    const b = minutesOf(s?.end);
    if (a !== null && b !== null && b > a) out.push([a, b]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

export type HoursState = 'in' | 'out' | 'unknown';

export function schoolHoursState(instant: Date, hours: SchoolHours | null | undefined): HoursState {
  if (!hours || !hours.days) return 'unknown';
  const w = wallTime(instant, hours.timeZone);
  if (!w) return 'unknown';
  if (isHoliday(w.date, hours.holidays)) return 'out';
  const now = w.hour * 60 + w.minute;
  return slotsOf(hours, w.weekday).some(([a, b]) => now >= a && now < b) ? 'in' : 'out';
}

/**
 * The instant at which the school's wall clock reads y-m-d h:mi. Found by correcting a UTC guess with the zone's
 * offset, twice (the second pass settles DST edges). A wall time skipped by a spring-forward gap lands just after
 * the gap; a repeated autumn hour takes its first occurrence.
 */
export function instantAt(y: number, m: number, d: number, minutes: number, timeZone: string): Date | null {
  const wanted = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const w = wallTime(new Date(guess), timeZone);
    if (!w) return null;
    const seen = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    const diff = wanted - seen;
    if (diff === 0) break;
    guess += diff;
  }
  // Take the earliest instant that reads the wanted wall time (autumn: the first 01:30).
  const hourEarlier = wallTime(new Date(guess - 3_600_000), timeZone);
  if (hourEarlier && Date.UTC(hourEarlier.year, hourEarlier.month - 1, hourEarlier.day, hourEarlier.hour, hourEarlier.minute) === wanted) guess -= 3_600_000;
  return new Date(guess);
}

export interface NextSlot {
  at: Date;
  wall: WallTime;
}

/**
 * The next time school hours open after `instant` (or null when none within `horizonDays`, e.g. an empty week).
 * Skips weekends (days without slots) and holidays.
 */
export function nextSchoolSlot(instant: Date, hours: SchoolHours | null | undefined, horizonDays = 400): NextSlot | null {
  if (!hours || !hours.days) return null;
  const start = wallTime(instant, hours.timeZone);
  if (!start) return null;
  const nowMinutes = start.hour * 60 + start.minute;
  // Walk calendar days in the school's calendar (UTC date arithmetic on the wall date is DST-free).
  for (let i = 0; i <= horizonDays; i++) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    if (isHoliday(date, hours.holidays)) continue;
    for (const [a] of slotsOf(hours, day.getUTCDay())) {
      if (i === 0 && a <= nowMinutes) continue;
      const at = instantAt(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), a, hours.timeZone);
      if (!at || at.getTime() <= instant.getTime()) continue;
      const wall = wallTime(at, hours.timeZone);
      if (wall) return { at, wall };
    }
  }
  return null;
}
