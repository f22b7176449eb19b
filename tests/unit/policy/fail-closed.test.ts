import { describe, expect, it } from 'vitest';
import { holidayProblem, isCalendarDate, toAsciiDomain } from '../../../utils/settings/policy/lists';
import { validatePolicy } from '../../../utils/settings/policy/validate';
import { DEFAULT_SETTINGS } from '../../../utils/settings/schema';

/**
 * Issue 18: lists fail closed. Each list keeps its good entries and names the bad ones; a typo in lockedSettings
 * never unlocks the rest; unknown destination ids never empty the list; dates and domains are checked; values
 * written the Windows-registry way (JSON string, numeric string) are read on Firefox as Chrome reads them.
 * Expected values are written by hand.
 */
const LISTS: [key: string, good: unknown[], bad: unknown][] = [
  ['schoolDomains', ['csdm.qc.ca', 'ecole.fr'], 'https://csdm.qc.ca/'],
  ['studentDomains', ['eleves.csdm.qc.ca'], 'not a domain'],
  ['approvedChannels', ['https://www.facebook.com/ecole'], 42],
  ['selfHostedOrigins', [{ origin: 'https://visio.ecole.qc.ca', platform: 'jitsi' }], { origin: 'http://visio.ecole.qc.ca', platform: 'jitsi' }],
  ['disabledPlatforms', ['whereby', 'zoom'], 'wherby'],
  ['disabledChecks', ['passcode'], 'colour'],
  ['disabledFeatures', ['socialBanner'], 'social-banner'],
  ['enabledDestinations', ['lead', 'cybertip'], 'cyberaide'],
  ['lockedSettings', ['region', 'lead'], 'colour'],
];

describe('every list policy with a bad entry keeps its good entries and names the bad one', () => {
  it.each(LISTS)('%s', (key, good, bad) => {
    const list = [good[0], bad, ...good.slice(1)];
    const v = validatePolicy({ region: 'qc', lead: { name: 'L', email: '', phone: '', formUrl: '' }, [key]: list });
    if (key === 'lockedSettings') expect(v.locked).toEqual(good);
    else expect((v.values as Record<string, unknown>)[key]).toEqual(good);
    const problem = v.problems.find((p) => p.key === key);
    expect(problem?.kind).toBe('entries');
    expect(problem?.entries).toEqual([JSON.stringify(bad)]);
    expect(problem?.detail).toContain(JSON.stringify(bad));
  });
});

describe('lockedSettings fails closed', () => {
  it('the lock list of the issue (["region","colour"]) still locks region', () => {
    expect(validatePolicy({ region: 'qc', lockedSettings: ['region', 'colour'] }).locked).toEqual(['region']);
  });
  it.each([[['colour']], ['region'], [42], [{ region: true }]])('an unreadable lock list (%j) locks every key the policy sets', (lockedSettings) => {
    const v = validatePolicy({ region: 'qc', minScoreAlert: 70, outOfHoursMode: 'sometimes', lockedSettings });
    // outOfHoursMode is invalid, so not set, so not locked.
    expect(v.locked).toEqual(['region', 'minScoreAlert']);
    const p = v.problems.find((x) => x.key === 'lockedSettings');
    expect(p?.kind).toBe('invalid');
    expect(p?.detail).toContain('every setting this policy sets is locked');
  });
  it('an empty lock list locks nothing and is not a problem', () => {
    const v = validatePolicy({ region: 'qc', lockedSettings: [] });
    expect(v.locked).toEqual([]);
    expect(v.problems).toEqual([]);
  });
});

describe('enabledDestinations: unknown ids are named and ignored, never empty the list', () => {
  it('only unknown ids: the list is not applied (every service stays offered) and the ids are named', () => {
    const v = validatePolicy({ enabledDestinations: ['cyberaide', '3018'] });
    expect(v.values).toEqual({});
    expect(v.problems[0]).toMatchObject({ key: 'enabledDestinations', kind: 'invalid', entries: ['"cyberaide"', '"3018"'] });
    expect(v.problems[0].detail).toContain('no known service left');
  });
  it('an explicitly empty list is applied as written (empty = all)', () => {
    expect(validatePolicy({ enabledDestinations: [] }).values).toEqual({ enabledDestinations: [] });
  });
});

describe('dates', () => {
  it('a real calendar date only', () => {
    expect(isCalendarDate('2026-12-24')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-45')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
    expect(holidayProblem('2026-12-24/2026-12-01')).toBe('the range ends before it starts');
    expect(holidayProblem('2026-12-21/2027-01-05')).toBeNull();
  });
  it('holidays: "2026-13-45" is named and ignored; the hours and the other holidays apply', () => {
    const hours = { ...DEFAULT_SETTINGS.schoolHours, timeZone: 'America/Toronto', holidays: ['2026-12-21/2027-01-05', '2026-13-45', '2027-04-02'] };
    const v = validatePolicy({ schoolHours: hours });
    expect(v.values.schoolHours?.holidays).toEqual(['2026-12-21/2027-01-05', '2027-04-02']);
    expect(v.values.schoolHours?.timeZone).toBe('America/Toronto');
    expect(v.problems).toEqual([{ key: 'schoolHours', kind: 'entries', entries: ['"2026-13-45"'], detail: expect.stringContaining('"2026-13-45" (not a date') }]);
  });
});

describe('domains: IDN accepted and normalised to punycode', () => {
  it.each([
    ['école.qc.ca', 'xn--cole-9oa.qc.ca'],
    ['ÉCOLE.QC.CA', 'xn--cole-9oa.qc.ca'],
    ['CSDM.qc.ca', 'csdm.qc.ca'],
    ['münchen.de.', 'xn--mnchen-3ya.de'],
    ['xn--cole-9oa.qc.ca', 'xn--cole-9oa.qc.ca'],
  ])('%s → %s', (raw, ascii) => {
    expect(toAsciiDomain(raw)).toBe(ascii);
    expect(validatePolicy({ schoolDomains: [raw] }).values.schoolDomains).toEqual([ascii]);
  });
  it.each(['https://ecole.qc.ca', 'ecole.qc.ca/path', 'ecole.qc.ca:443', 'prof@ecole.qc.ca', 'localhost', '10.0.0.1', 'ex ample.com', 'ex_ample.com', ''])('refuses %j', (raw) => {
    expect(toAsciiDomain(raw)).toBeNull();
  });
});

describe('Firefox: a JSON string or a numeric string is read as Chrome reads a registry value', () => {
  it('lists and objects as JSON strings, integers as strings of digits', () => {
    const lead = { name: 'L', email: 'l@ecole.qc.ca', phone: '', formUrl: '' };
    const v = validatePolicy({
      disabledChecks: '["passcode","colour"]',
      lead: JSON.stringify(lead),
      minScoreAlert: '70',
      lockedSettings: '["lead","disabledChecks"]',
    });
    expect(v.values).toEqual({ disabledChecks: ['passcode'], lead, minScoreAlert: 70 });
    expect(v.locked).toEqual(['lead', 'disabledChecks']);
    expect(v.problems.map((p) => [p.key, p.kind])).toEqual([['disabledChecks', 'entries']]);
  });
  it('a string that is not the right JSON stays invalid, and a string key stays a string', () => {
    const v = validatePolicy({ minScoreAlert: '70.5', lead: '{oops', organisationName: '123' });
    expect(v.values).toEqual({ organisationName: '123' });
    expect(v.problems.map((p) => p.key)).toEqual(['minScoreAlert', 'lead']);
  });
});
