import { WEEKDAYS, type Channel, type Destination, type Hours, type Weekday } from './schema';

/** A line's hours: which apply, whether it is open now, and how they read. */

/** Hours of a channel (its own, else the destination's). */
export function hoursOf(d: Destination, c?: Channel): Hours {
  return c?.hours ?? d.hours;
}

/** Wall-clock weekday and HH:MM of `at` in a time zone. */
function localParts(at: Date, tz: string): { day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').slice(0, 3).toLowerCase() as Weekday, time: `${get('hour')}:${get('minute')}` };
}

/** Is it open at `at`? true / false; null when the hours are not known (never guessed). Holidays are not known here. */
export function isOpen(hours: Hours, at: Date): boolean | null {
  if (hours.kind === 'always') return true;
  if (hours.kind === 'unknown') return null;
  const { day, time } = localParts(at, hours.tz);
  return (hours.days[day] ?? []).some(([a, b]) => time >= a && time < b);
}

/** Hours as text, e.g. "24/7" or "mon–fri 08:30–16:30; sat 09:00–18:00 (America/Winnipeg)". Words come from `L`. */
export function hoursText(hours: Hours, L: (key: string, subs?: string[]) => string): string {
  if (hours.kind === 'always') return L('report_hours_always');
  if (hours.kind === 'unknown') return L('report_hours_unknown');
  const groups: { days: Weekday[]; ranges: string }[] = [];
  for (const day of WEEKDAYS) {
    const ranges = (hours.days[day] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
    if (!ranges) continue;
    const last = groups[groups.length - 1];
    if (last && last.ranges === ranges && WEEKDAYS.indexOf(last.days[last.days.length - 1]) === WEEKDAYS.indexOf(day) - 1) last.days.push(day);
    else groups.push({ days: [day], ranges });
  }
  const days = (g: { days: Weekday[] }) => (g.days.length === 1 ? L(`report_day_${g.days[0]}`) : `${L(`report_day_${g.days[0]}`)}–${L(`report_day_${g.days[g.days.length - 1]}`)}`);
  const text = groups.map((g) => `${days(g)} ${g.ranges}`).join('; ');
  return L('report_hours_weekly', [text, hours.tz, hours.closedOnHolidays ? L('report_hours_holidays') : '']).trim();
}
