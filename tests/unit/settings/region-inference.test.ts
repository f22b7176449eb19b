import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTimeZone, inferRegion } from '../../../utils/settings/region-inference';
import { defaultSchoolTimeZone, schoolHoursState } from '../../../utils/boundaries/schedule';

describe('where a teacher teaches, guessed from the browser (issue 15)', () => {
  it.each([
    // The five fresh profiles of the issue.
    [['fr-CA'], 'America/Montreal', 'qc', undefined, 'both'],
    [['en-CA'], 'America/Vancouver', 'ca', 'BC', 'both'],
    [['fr-FR'], 'Europe/Paris', 'fr', undefined, 'both'],
    [['en-GB'], 'Europe/London', 'uk', undefined, 'both'],
    [['en-US'], 'America/New_York', 'other', undefined, 'none'],
    // Toronto's zone is Ontario's and most of Québec's: French makes it Québec.
    [['fr-CA', 'fr'], 'America/Toronto', 'qc', undefined, 'both'],
    [['fr'], 'America/Toronto', 'qc', undefined, 'time-zone'],
    [['en-CA'], 'America/Toronto', 'ca', 'ON', 'both'],
    [['en-US'], 'America/Toronto', 'ca', 'ON', 'time-zone'],
    // Another Canadian zone: the rest of Canada, with the province.
    [['en-CA'], 'America/Halifax', 'ca', 'NS', 'both'],
    [['en'], 'America/Winnipeg', 'ca', 'MB', 'time-zone'],
    [['en-CA'], 'America/St_Johns', 'ca', 'NL', 'both'],
    [['en-CA'], 'America/Edmonton', 'ca', 'AB', 'both'],
    [['en-CA'], 'America/Regina', 'ca', 'SK', 'both'],
    [['en-CA'], 'America/Moncton', 'ca', 'NB', 'both'],
    [['en-CA'], 'America/Iqaluit', 'ca', 'NU', 'both'],
    [[], 'Canada/Pacific', 'ca', 'BC', 'time-zone'],
    // A French speaker whose machine is in British Columbia teaches in British Columbia.
    [['fr-CA'], 'America/Vancouver', 'ca', 'BC', 'time-zone'],
    // An English speaker in Montréal teaches under Québec's law.
    [['en-CA'], 'America/Montreal', 'qc', undefined, 'time-zone'],
    // The time zone decides when it belongs to a region; the language when it does not.
    [['en-GB'], 'Europe/Paris', 'fr', undefined, 'time-zone'],
    [['fr-FR'], 'Europe/London', 'uk', undefined, 'time-zone'],
    [['fr-FR'], 'Indian/Reunion', 'fr', undefined, 'both'],
    [['fr-CA'], 'UTC', 'qc', undefined, 'language'],
    [['en-GB'], 'Etc/UTC', 'uk', undefined, 'language'],
    [['fr-FR'], 'America/New_York', 'fr', undefined, 'language'],
    [['de-DE', 'en-GB'], 'Europe/Berlin', 'uk', undefined, 'language'],
    [['fr_CA'], undefined, 'qc', undefined, 'language'],
    // Unknown languages and zones: nothing is guessed.
    [['fr'], 'UTC', 'other', undefined, 'none'],
    [['en'], 'Asia/Tokyo', 'other', undefined, 'none'],
    [['zz-ZZ', 'x-klingon'], 'Mars/Olympus_Mons', 'other', undefined, 'none'],
    [['fr-BE'], 'Europe/Brussels', 'other', undefined, 'none'],
    [['en-US'], 'America/New_York', 'other', undefined, 'none'],
    [[], '', 'other', undefined, 'none'],
    [[], undefined, 'other', undefined, 'none'],
  ] as const)('%j + %s → %s %s (%s)', (languages, timeZone, region, province, from) => {
    const guess = inferRegion({ languages, timeZone });
    expect(guess.region).toBe(region);
    expect(guess.province).toBe(province);
    expect(guess.from).toBe(from);
  });

  it('junk never throws and guesses nothing', () => {
    for (const junk of [null, 42, {}, [42, null, {}], ['x'.repeat(100) + '-CA']]) {
      expect(inferRegion({ languages: junk as never, timeZone: junk as never })).toEqual({ region: 'other', from: 'none' });
    }
  });
});

describe('school hours default to the browser’s own time zone', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('reads Intl.DateTimeFormat().resolvedOptions().timeZone', () => {
    expect(browserTimeZone(() => 'Europe/Paris')).toBe('Europe/Paris');
    expect(browserTimeZone()).toBe('UTC'); // tests/setup.ts pins TZ=UTC
  });

  it('the boundaries code uses the same function as the settings defaults', () => {
    expect(defaultSchoolTimeZone).toBe(browserTimeZone);
  });

  it('an unknown or missing zone falls back to UTC, never throws', () => {
    expect(browserTimeZone(() => 'Mars/Olympus_Mons')).toBe('UTC');
    expect(browserTimeZone(() => undefined)).toBe('UTC');
    expect(browserTimeZone(() => {
      throw new Error('no Intl');
    })).toBe('UTC');
  });

  it('a Paris browser: the default school hours are Paris hours (9:00 in, 21:00 out)', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Europe/Paris';
    try {
      vi.resetModules();
      const { DEFAULT_SETTINGS } = await import('../../../utils/settings/schema');
      expect(DEFAULT_SETTINGS.schoolHours.timeZone).toBe('Europe/Paris');
      // Tuesday 24 November 2026: Paris is UTC+1, Toronto UTC-5.
      expect(schoolHoursState(new Date('2026-11-24T08:00:00Z'), DEFAULT_SETTINGS.schoolHours)).toBe('in'); // 09:00 Paris
      expect(schoolHoursState(new Date('2026-11-24T20:00:00Z'), DEFAULT_SETTINGS.schoolHours)).toBe('out'); // 21:00 Paris
      // The old default (America/Toronto) said the opposite.
      expect(schoolHoursState(new Date('2026-11-24T08:00:00Z'), { ...DEFAULT_SETTINGS.schoolHours, timeZone: 'America/Toronto' })).toBe('out');
      expect(schoolHoursState(new Date('2026-11-24T20:00:00Z'), { ...DEFAULT_SETTINGS.schoolHours, timeZone: 'America/Toronto' })).toBe('in');
    } finally {
      process.env.TZ = previous;
    }
  });

  it('a Montréal browser in French: the default region is Québec; an en-US one in New York: no region', async () => {
    const previous = process.env.TZ;
    try {
      process.env.TZ = 'America/Montreal';
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA']);
      vi.resetModules();
      expect((await import('../../../utils/settings/schema')).DEFAULT_SETTINGS.region).toBe('qc');
      process.env.TZ = 'America/New_York';
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
      vi.resetModules();
      expect((await import('../../../utils/settings/schema')).DEFAULT_SETTINGS.region).toBe('other');
    } finally {
      process.env.TZ = previous;
    }
  });
});
