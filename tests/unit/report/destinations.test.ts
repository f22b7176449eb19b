import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESTINATIONS, DUTY_NOTE, EMERGENCY, destinationsFor, emergencyHref, formUrl, telHref } from '../../../utils/report/destinations';
import { REGIONS } from '../../../utils/settings/schema';

/**
 * Pins every destination URL and number (reporting.md §1 and §6). A change here must be a deliberate edit of
 * this table, checked against the source.
 */
const PINNED: Record<string, { form?: string; formFr?: string; tel?: string[]; mailto?: string }> = {
  cybertip: { form: 'https://www.cybertip.ca/en/report/', formFr: 'https://www.cyberaide.ca/', tel: ['tel:+18666589022'] },
  needhelpnow: { form: 'https://needhelpnow.ca/en/contact/', formFr: 'https://aidezmoisvp.ca/' },
  dpj: { tel: ['tel:+18005676810', 'tel:+18005676405'] },
  fr3018: { form: 'https://www.3018.fr/', tel: ['tel:3018'] },
  pharos: { form: 'https://www.internet-signalement.gouv.fr/' },
  allo119: { form: 'https://www.allo119.gouv.fr/', tel: ['tel:119'] },
  ceop: { form: 'https://www.ceop.police.uk/ceop-reporting/' },
  iwf: { form: 'https://report.iwf.org.uk/en' },
  nspcc: { mailto: 'help@nspcc.org.uk', tel: ['tel:08088005000'] },
  rhc: { form: 'https://reportharmfulcontent.com/' },
  posh: { mailto: 'helpline@saferinternet.org.uk', tel: ['tel:03443814772'] },
};

describe('destinations', () => {
  it('pins every destination’s URLs, numbers and addresses', () => {
    const actual = Object.fromEntries(
      DESTINATIONS.map((d) => {
        const form = d.channels.find((c) => c.kind === 'form');
        const mail = d.channels.find((c) => c.kind === 'mailto');
        const tels = d.channels.filter((c) => c.kind === 'tel').map((c) => telHref(c.number));
        return [
          d.id,
          {
            ...(form ? { form: formUrl(form, 'en') } : {}),
            ...(form?.urlFr ? { formFr: formUrl(form, 'fr') } : {}),
            ...(tels.length ? { tel: tels } : {}),
            ...(mail ? { mailto: mail.address } : {}),
          },
        ];
      }),
    );
    expect(actual).toEqual(PINNED);
  });

  it('pins the emergency numbers per region, shown as tel: (or sms: for 114) links', () => {
    const hrefs = Object.fromEntries(REGIONS.map((r) => [r, EMERGENCY[r].map(emergencyHref)]));
    expect(hrefs).toEqual({
      qc: ['tel:911'],
      ca: ['tel:911'],
      fr: ['tel:17', 'tel:112', 'sms:114'],
      uk: ['tel:999', 'tel:112'],
      other: ['tel:112', 'tel:911', 'tel:999'],
    });
  });

  it('every web form is https and every destination belongs to a known region', () => {
    for (const d of DESTINATIONS) {
      for (const c of d.channels) if (c.kind === 'form') for (const u of [c.url, c.urlFr].filter(Boolean)) expect(new URL(u!).protocol).toBe('https:');
      expect(d.regions.every((r) => (REGIONS as readonly string[]).includes(r))).toBe(true);
    }
  });

  it('Québec gets the Canadian destinations plus the DPJ; other regions get only their own', () => {
    expect(destinationsFor('qc').map((d) => d.id)).toEqual(['cybertip', 'needhelpnow', 'dpj']);
    expect(destinationsFor('ca').map((d) => d.id)).toEqual(['cybertip', 'needhelpnow']);
    expect(destinationsFor('fr').map((d) => d.id)).toEqual(['fr3018', 'pharos', 'allo119']);
    expect(destinationsFor('uk').map((d) => d.id)).toEqual(['ceop', 'iwf', 'nspcc', 'rhc', 'posh']);
    expect(destinationsFor('other')).toEqual([]);
  });

  it('every name, scope, warning, field label and note exists in English and French', () => {
    for (const lang of ['en', 'fr']) {
      const table = JSON.parse(readFileSync(`locales/${lang}/report.json`, 'utf8')) as Record<string, { message: string }>;
      const keys = [
        ...DESTINATIONS.flatMap((d) => [`report_dest_${d.id}_name`, `report_dest_${d.id}_scope`, ...(d.warning ? [d.warning] : []), ...(d.formFields ?? []).map((f) => f.label), ...d.channels.flatMap((c) => (c.kind === 'tel' && c.label ? [c.label] : []))]),
        ...Object.values(EMERGENCY).flatMap((list) => list.map((e) => e.label)),
        ...Object.values(DUTY_NOTE),
        'report_dest_lead_name',
        'report_dest_lead_scope',
      ];
      expect(keys.filter((k) => !table[k]?.message)).toEqual([]);
    }
  });

  it('the en and fr report fragments have exactly the same keys, all prefixed report_', () => {
    const en = Object.keys(JSON.parse(readFileSync('locales/en/report.json', 'utf8')));
    const fr = Object.keys(JSON.parse(readFileSync('locales/fr/report.json', 'utf8')));
    expect(fr.sort()).toEqual(en.sort());
    expect(en.filter((k) => !/^report_[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });
});
