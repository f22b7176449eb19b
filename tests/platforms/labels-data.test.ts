import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PLATFORM_LABELS, sure, unsure } from '../../utils/platforms/labels';

/**
 * The closed platforms' label table (utils/platforms/labels.ts): every label carries where it was seen and when; a
 * verified label cites the vendor's own help page in the label's language. Keys and labels are sorted and unique,
 * so a merge cannot hide a duplicate.
 */

const VENDOR_HOSTS: Record<string, RegExp> = {
  zoom: /^(support\.zoom\.us|support\.zoom\.com|www\.zoom\.com)$/,
  'google-meet': /^support\.google\.com$/,
  teams: /^(support\.microsoft\.com|support\.office\.com|[a-z.]*support\.services\.microsoft\.com|learn\.microsoft\.com)$/,
  webex: /^help\.webex\.com$/,
  whereby: /^whereby\.helpscoutdocs\.com$/,
  'google-classroom': /^support\.google\.com$/,
  classdojo: /^help\.classdojo\.com$/,
  seesaw: /^help\.seesaw\.me$/,
};

/** The language a help-page URL is in, or null when it does not say. */
function urlLanguage(u: URL): 'en' | 'fr' | null {
  const hl = u.searchParams.get('hl');
  if (hl) return hl.toLowerCase().startsWith('fr') ? 'fr' : hl.toLowerCase().startsWith('en') ? 'en' : null;
  const m = /\/(en|fr)(?:-[a-z]{2})?(?:\/|$)/i.exec(u.pathname);
  return m ? (m[1].toLowerCase() as 'en' | 'fr') : null;
}

const Entry = z
  .object({
    text: z.string().min(1).max(120),
    lang: z.enum(['en', 'fr']),
    verified: z.boolean(),
    source: z.string().url().nullable(),
    seen: z.string().regex(/^20\d\d-[01]\d-[0-3]\d$/),
    note: z.string().min(3).optional(),
  })
  .strict()
  .refine((e) => !e.verified || e.source !== null, 'a verified label needs a source URL')
  .refine((e) => e.verified || !!e.note, 'an unverified label says why (note)');

const Table = z.record(z.string(), z.record(z.string(), z.array(Entry).min(1)));

const sorted = (xs: readonly string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'en'));

describe('closed-platform label data', () => {
  it('matches its schema', () => {
    const r = Table.safeParse(PLATFORM_LABELS);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 5))).toBe(true);
  });

  describe.each(Object.entries(PLATFORM_LABELS))('%s', (platform, keys) => {
    it('keys are sorted and each key’s labels are sorted by language then text, without duplicates', () => {
      expect(Object.keys(keys)).toEqual(sorted(Object.keys(keys)));
      for (const [key, list] of Object.entries(keys)) {
        const ids = list.map((e) => `${e.lang}:${e.text}`);
        expect(ids, key).toEqual(sorted(ids));
        expect(new Set(ids).size, `${key} has a duplicate`).toBe(ids.length);
      }
    });

    it('every verified label cites the vendor’s own help page, in the label’s language', () => {
      for (const [key, list] of Object.entries(keys)) {
        for (const e of list.filter((x) => x.verified)) {
          const u = new URL(e.source!);
          expect(u.protocol, `${key} "${e.text}"`).toBe('https:');
          expect(u.hostname, `${key} "${e.text}": ${u.hostname} is not ${platform}'s help site`).toMatch(VENDOR_HOSTS[platform]);
          // whereby.helpscoutdocs.com has no language in its URLs: its help centre is English only.
          const lang = urlLanguage(u) ?? (platform === 'whereby' ? 'en' : null);
          expect(lang, `${key} "${e.text}" (${e.lang}) cites ${e.source}`).toBe(e.lang);
        }
      }
    });

    it('sure() and unsure() split each key exactly along `verified`', () => {
      for (const [key, list] of Object.entries(keys)) {
        expect([...sure(platform as never, key)].sort()).toEqual(list.filter((e) => e.verified).map((e) => e.text).sort());
        expect([...unsure(platform as never, key)].sort()).toEqual(list.filter((e) => !e.verified).map((e) => e.text).sort());
      }
    });
  });

  it('the language test itself tells the URL shapes apart (literal cases)', () => {
    expect(urlLanguage(new URL('https://support.google.com/meet/answer/16229038?hl=fr'))).toBe('fr');
    expect(urlLanguage(new URL('https://support.zoom.com/hc/fr/article?id=zm_kb&sysparm_article=KB0061240'))).toBe('fr');
    expect(urlLanguage(new URL('https://support.zoom.us/hc/en-us/articles/360041848151'))).toBe('en');
    expect(urlLanguage(new URL('https://learn.microsoft.com/fr-fr/microsoftteams/x'))).toBe('fr');
    expect(urlLanguage(new URL('https://whereby.helpscoutdocs.com/article/352-meeting-controls'))).toBeNull();
  });
});
