import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { COMPOSER_TOOLS } from '../../../utils/boundaries/composers';
import type { SchoolHours } from '../../../utils/boundaries/schedule';

const messages = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/boundaries.json`, 'utf8')) as Record<string, { message: string }>;
let lang = 'fr';
vi.mock('../../../utils/i18n', () => ({
  t: (key: string, subs?: string | string[]) => {
    const m = messages(lang)[key]?.message;
    if (!m) return key;
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return m.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  },
}));
const { outOfHoursLine } = await import('../../../utils/boundaries/run-composer');

const weekday = [{ start: '08:00', end: '16:30' }];
const hours: SchoolHours = { timeZone: 'America/Toronto', days: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] }, holidays: ['2026-12-21/2027-01-05'] };

describe('boundaries strings', () => {
  it('EN and FR define the same keys, none empty, same substitutions', () => {
    const en = messages('en');
    const fr = messages('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(en[k].message.trim()).not.toBe('');
      expect(k).toMatch(/^boundaries_[A-Za-z0-9_]+$/);
      expect(fr[k].message.match(/\$\d/g)?.sort()).toEqual(en[k].message.match(/\$\d/g)?.sort());
    }
  });

  it('every key the code asks for exists (including the per-kind and per-tool ones)', () => {
    const en = messages('en');
    const src = readdirSync('utils/boundaries').filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`utils/boundaries/${f}`, 'utf8')).join('\n');
    const used = [...src.matchAll(/t\('(boundaries_[A-Za-z0-9_]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const k of used) expect(en, k).toHaveProperty(k);
    for (const kind of ['phone', 'personalEmail', 'socialHandle', 'invitation']) expect(en).toHaveProperty(`boundaries_contact_${kind}`);
    const options = readFileSync('components/options/BoundarySettings.tsx', 'utf8');
    for (const m of options.matchAll(/t\('(boundaries_[A-Za-z0-9_]+)'/g)) expect(en, m[1]).toHaveProperty(m[1]);
    for (const f of ['socialBanner', 'outOfHours', 'contactDetails']) expect(en).toHaveProperty(`boundaries_opt_feature_${f}`);
    for (const tool of COMPOSER_TOOLS.filter((x) => x.scheduleSend)) expect(en).toHaveProperty(`boundaries_schedule_${tool.id.replace('-', '_')}`);
  });

  it('the out-of-hours line in French formats days and times in French', () => {
    lang = 'fr';
    expect(outOfHoursLine(new Date('2026-11-29T03:40:00Z'), hours)).toBe("Il est 22:40 (samedi) : programmer l'envoi pour lundi 08:00 ?");
  });

  it('in English, and with a date when the next school day is more than a week away (winter break)', () => {
    lang = 'en';
    expect(outOfHoursLine(new Date('2026-11-29T03:40:00Z'), hours)).toBe('It is 22:40 on Saturday; schedule this for Monday 08:00?');
    expect(outOfHoursLine(new Date('2026-12-19T15:00:00Z'), hours)).toBe('It is 10:00 on Saturday; schedule this for Wednesday, January 6 at 08:00?');
  });
});
