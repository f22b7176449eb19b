import { describe, expect, it } from 'vitest';
import { instantAt, isHoliday, nextSchoolSlot, schoolHoursState, wallTime, type SchoolHours } from '../../../utils/boundaries/schedule';

const weekday = [{ start: '08:00', end: '16:30' }];
const montreal: SchoolHours = { timeZone: 'America/Toronto', days: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] }, holidays: ['2026-12-21/2027-01-05', '2026-11-11'] };
const paris: SchoolHours = {
  timeZone: 'Europe/Paris',
  days: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:00' }], tue: weekday, wed: [{ start: '08:00', end: '12:00' }], thu: weekday, fri: weekday, sat: [], sun: [] },
  holidays: [],
};
const at = (iso: string) => new Date(iso);

describe('school hours in the school’s time zone', () => {
  it.each([
    ['2026-11-23T13:00:00Z', 'in'], // Mon 08:00 Toronto (EST, UTC-5): opening minute counts
    ['2026-11-23T12:59:00Z', 'out'], // Mon 07:59
    ['2026-11-23T21:29:00Z', 'in'], // Mon 16:29
    ['2026-11-23T21:30:00Z', 'out'], // Mon 16:30: end is exclusive
    ['2026-11-29T03:40:00Z', 'out'], // Sat 22:40
    ['2026-11-29T15:00:00Z', 'out'], // Sun 10:00
    ['2026-11-11T15:00:00Z', 'out'], // Wed, a holiday
    ['2026-12-28T15:00:00Z', 'out'], // Mon inside the winter break range
    ['2027-01-06T15:00:00Z', 'in'], // Wed, first day back
    ['2026-07-06T12:30:00Z', 'in'], // Mon 08:30 in summer (EDT, UTC-4)
    ['2026-07-06T11:30:00Z', 'out'], // Mon 07:30 EDT (would be 06:30 EST: the offset must follow DST)
  ])('%s is %s in Toronto', (iso, want) => {
    expect(schoolHoursState(at(iso), montreal)).toBe(want);
  });

  it('handles a lunch break and a half day (Paris)', () => {
    expect(schoolHoursState(at('2026-11-23T11:30:00Z'), paris)).toBe('out'); // Mon 12:30 CET
    expect(schoolHoursState(at('2026-11-23T12:45:00Z'), paris)).toBe('in'); // Mon 13:45
    expect(schoolHoursState(at('2026-11-25T13:00:00Z'), paris)).toBe('out'); // Wed 14:00
  });

  it('is unknown (never out) for a bad time zone or missing hours', () => {
    expect(schoolHoursState(at('2026-11-29T03:40:00Z'), { ...montreal, timeZone: 'Mars/Olympus' })).toBe('unknown');
    expect(schoolHoursState(at('2026-11-29T03:40:00Z'), null)).toBe('unknown');
    expect(schoolHoursState(new Date(NaN), montreal)).toBe('unknown');
    expect(nextSchoolSlot(at('2026-11-29T03:40:00Z'), { ...montreal, timeZone: '' })).toBeNull();
  });

  it('ignores malformed slots and holidays instead of throwing', () => {
    const odd = { ...montreal, days: { ...montreal.days, mon: [{ start: '25:00', end: '09:00' }, { start: '10:00', end: '09:00' }] }, holidays: ['nope', '2026-13-40/x'] } as SchoolHours;
    expect(schoolHoursState(at('2026-11-23T15:00:00Z'), odd)).toBe('out');
    expect(isHoliday('2026-11-23', odd.holidays)).toBe(false);
  });
});

describe('next school slot', () => {
  it('Saturday 22:40 → Monday 08:00', () => {
    const next = nextSchoolSlot(at('2026-11-29T03:40:00Z'), montreal)!;
    expect(next.wall).toMatchObject({ date: '2026-11-30', hour: 8, minute: 0, weekday: 1 });
    expect(next.at.toISOString()).toBe('2026-11-30T13:00:00.000Z');
  });

  it('a weekday evening → the next morning; lunch break → the afternoon slot', () => {
    expect(nextSchoolSlot(at('2026-11-24T01:00:00Z'), montreal)!.wall.date).toBe('2026-11-24');
    expect(nextSchoolSlot(at('2026-11-23T11:30:00Z'), paris)!.wall).toMatchObject({ date: '2026-11-23', hour: 13, minute: 30 });
  });

  it('skips holidays: Friday before winter break → first school day in January', () => {
    const next = nextSchoolSlot(at('2026-12-18T22:00:00Z'), montreal)!;
    expect(next.wall.date).toBe('2027-01-06');
    expect(next.at.toISOString()).toBe('2027-01-06T13:00:00.000Z');
  });

  it('crosses a spring-forward weekend (Toronto 2027-03-14): Monday 08:00 is now UTC-4', () => {
    const next = nextSchoolSlot(at('2027-03-13T20:00:00Z'), montreal)!; // Sat 15:00 EST
    expect(next.at.toISOString()).toBe('2027-03-15T12:00:00.000Z');
  });

  it('crosses a fall-back weekend (Paris 2026-10-25): Monday 08:00 is now UTC+1', () => {
    const next = nextSchoolSlot(at('2026-10-24T10:00:00Z'), paris)!; // Sat 12:00 CEST
    expect(next.at.toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('is null for an empty week', () => {
    const none = { ...montreal, days: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(nextSchoolSlot(at('2026-11-29T03:40:00Z'), none)).toBeNull();
  });
});

describe('wall-clock conversion at DST edges', () => {
  it('a skipped wall time (02:30 on spring-forward) lands after the gap; a repeated one takes the first', () => {
    const skipped = instantAt(2027, 3, 14, 150, 'America/Toronto')!;
    expect(wallTime(skipped, 'America/Toronto')!.hour).toBe(3);
    const repeated = instantAt(2026, 11, 1, 90, 'America/Toronto')!; // 01:30 happens twice
    expect(repeated.toISOString()).toBe('2026-11-01T05:30:00.000Z'); // the EDT one
  });

  it('reads the weekday in the school’s zone, not the device’s', () => {
    // 2026-11-29T03:40Z is Saturday evening in Toronto but Sunday morning in Paris.
    expect(wallTime(at('2026-11-29T03:40:00Z'), 'America/Toronto')!.weekday).toBe(6);
    expect(wallTime(at('2026-11-29T03:40:00Z'), 'Europe/Paris')!.weekday).toBe(0);
  });
});

describe('half-hour zones and a clock that moves mid-session', () => {
  // Newfoundland is UTC-3:30 (NST) in winter and UTC-2:30 (NDT) in summer: a Canadian school Vigie serves.
  const stJohns: SchoolHours = { ...montreal, timeZone: 'America/St_Johns', holidays: [] };

  it.each([
    ['2026-11-23T11:30:00Z', 'in'], // Mon 08:00 NST (UTC-3:30)
    ['2026-11-23T11:29:00Z', 'out'], // Mon 07:59 NST
    ['2026-11-23T19:59:00Z', 'in'], // Mon 16:29 NST
    ['2026-11-23T20:00:00Z', 'out'], // Mon 16:30 NST
    ['2026-07-06T10:30:00Z', 'in'], // Mon 08:00 NDT (UTC-2:30)
    ['2026-07-06T10:29:00Z', 'out'], // Mon 07:59 NDT
  ])('%s is %s in St. John’s', (iso, want) => {
    expect(schoolHoursState(at(iso), stJohns)).toBe(want);
  });

  it('the next slot from a Saturday evening in St. John’s is Monday 08:00 NST (11:30 UTC)', () => {
    expect(nextSchoolSlot(at('2026-11-28T23:00:00Z'), stJohns)?.at.toISOString()).toBe('2026-11-30T11:30:00.000Z');
  });

  it('follows the clock when it jumps during a session: in hours, then out after the system clock moves forward, then in again', () => {
    // The same hours object, asked at three instants as a long-running composer would: no cached verdict.
    expect(schoolHoursState(at('2026-11-24T15:00:00Z'), montreal)).toBe('in'); // Tue 10:00 Toronto
    expect(schoolHoursState(at('2026-11-25T02:00:00Z'), montreal)).toBe('out'); // the clock jumps to Tue 21:00
    expect(schoolHoursState(at('2026-11-24T15:05:00Z'), montreal)).toBe('in'); // and back to 10:05
  });

  it('crosses the fall-back hour in Toronto (2026-11-01 02:00 → 01:00) without a wrong verdict', () => {
    const sunday: SchoolHours = { ...montreal, days: { ...montreal.days, sun: [{ start: '01:00', end: '03:00' }] }, holidays: [] };
    expect(schoolHoursState(at('2026-11-01T05:30:00Z'), sunday)).toBe('in'); // 01:30 EDT, first pass
    expect(schoolHoursState(at('2026-11-01T06:30:00Z'), sunday)).toBe('in'); // 01:30 EST, second pass
    expect(schoolHoursState(at('2026-11-01T08:30:00Z'), sunday)).toBe('out'); // 03:30 EST
  });
});
