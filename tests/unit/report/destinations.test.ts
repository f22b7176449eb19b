import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DPJ_REGIONS, PROVINCES } from '../../../utils/settings/areas';
import { DESTINATIONS, channelsFor, destinationsFor } from '../../../utils/report/destinations';
import { hoursText, isOpen } from '../../../utils/report/destinations/hours';
import { emergencyHref, formUrl, smsHref, telHref } from '../../../utils/report/destinations/links';
import { DUTY_NOTE, EMERGENCY, EMERGENCY_SOURCE, GAPS, STAFF_STEPS } from '../../../utils/report/destinations/regional';
import type { Hours } from '../../../utils/report/destinations/schema';
import { CATEGORIES } from '../../../utils/report/types';
import { REGIONS } from '../../../utils/settings/schema';
import { labelsFor } from './labels';

/**
 * Destinations are data that changes, validated like code (Dark Reader's config files are the model): every row
 * has a source and a check date less than a year old, hours with a time zone, who it is for; every URL, number
 * and address is pinned here, written out by hand from the services' own pages (safeguarding-map.md), so a change
 * is deliberate.
 */

/** "Today" for the freshness rule: the real date, so a row checked more than a year ago fails when it gets old. */
const TODAY = new Date();
const YEAR_MS = 366 * 24 * 3600 * 1000;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const tz = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');
const HoursSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('always'), tz }),
  z.strictObject({ kind: z.literal('unknown'), tz }),
  z.strictObject({ kind: z.literal('weekly'), tz, days: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(z.tuple([time, time]).refine(([a, b]) => a < b, 'range ends before it starts')).min(1)), closedOnHolidays: z.boolean().optional() }),
]);
const httpsUrl = z.url({ protocol: /^https$/ });
const anyUrl = z.url({ protocol: /^https?$/ });
const ChannelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('form'), url: httpsUrl, urlFr: httpsUrl.optional(), hours: HoursSchema.optional() }),
  z.strictObject({ kind: z.literal('tel'), number: z.string().regex(/^\+?\d{2,15}$/), display: z.string().min(2), label: z.string().optional(), area: z.enum([...DPJ_REGIONS, ...PROVINCES]).optional(), hours: HoursSchema.optional() }),
  z.strictObject({ kind: z.literal('sms'), number: z.string().regex(/^\+?\d{2,15}$/), display: z.string().min(2), label: z.string().optional(), hours: HoursSchema.optional() }),
  z.strictObject({ kind: z.literal('mailto'), address: z.email(), hours: HoursSchema.optional() }),
]);
const RowSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+$/, 'ids are i18n key parts: letters and digits only'),
    name: z.strictObject({ en: z.string().min(2), fr: z.string().min(2) }),
    regions: z.array(z.enum(REGIONS)).min(1),
    notInQc: z.boolean().optional(),
    areas: z.array(z.enum([...DPJ_REGIONS, ...PROVINCES])).optional(),
    channels: z.array(ChannelSchema),
    categories: z.array(z.enum(CATEGORIES)),
    condition: z.enum(['public-content', 'platform-reported', 'public-or-stranger']).optional(),
    otherKinds: z.array(z.enum(['unknown', 'adult', 'pupil', 'staff'])).optional(),
    staff: z.boolean().optional(),
    formFields: z.array(z.strictObject({ label: z.string(), from: z.string() })).optional(),
    warning: z.string().optional(),
    hours: HoursSchema,
    outOfHours: z.string().optional(),
    audience: z.strictObject({ minAge: z.number().int().min(0).optional(), maxAge: z.number().int().max(40).optional(), harms: z.string().min(10) }),
    local: z.string().optional(),
    callPrompts: z.boolean().optional(),
    source: z.string().min(1, 'a row needs its source'),
    checked: z.iso.date(),
    check: z.string().optional(),
  })
  .refine((d) => d.source.split(' ; ').every((u) => anyUrl.safeParse(u).success), { message: 'source must be one or more URLs separated by " ; "', path: ['source'] })
  .refine((d) => TODAY.getTime() - Date.parse(d.checked) < YEAR_MS && Date.parse(d.checked) <= TODAY.getTime() + 24 * 3600 * 1000, { message: 'checked more than a year ago (or in the future): check the row again', path: ['checked'] })
  .refine((d) => d.channels.length > 0 || !!d.local, { message: 'a row with no channel must say where the school finds the contact (local)', path: ['channels'] })
  .refine((d) => d.hours.kind === 'always' || !!d.outOfHours, { message: 'a line that is not 24/7 must say what to do outside its hours', path: ['outOfHours'] })
  .refine((d) => d.categories.length > 0 || !!d.staff, { message: 'a row must be suggested for something', path: ['categories'] });

const pinned = (d: (typeof DESTINATIONS)[number]) => {
  const form = d.channels.filter((c) => c.kind === 'form').map((c) => [formUrl(c, 'en'), formUrl(c, 'fr')].filter((u, i, a) => a.indexOf(u) === i).join(' | '));
  const tel = d.channels.filter((c) => c.kind === 'tel').map((c) => telHref(c.number));
  const sms = d.channels.filter((c) => c.kind === 'sms').map((c) => smsHref(c.number));
  const mail = d.channels.filter((c) => c.kind === 'mailto').map((c) => c.address);
  return { ...(form.length ? { form } : {}), ...(tel.length ? { tel } : {}), ...(sms.length ? { sms } : {}), ...(mail.length ? { mail } : {}) };
};

const PINNED: Record<string, ReturnType<typeof pinned>> = {
  cybertip: { form: ['https://www.cybertip.ca/en/report/ | https://www.cyberaide.ca/'], tel: ['tel:+18666589022'] },
  needhelpnow: { form: ['https://needhelpnow.ca/en/contact/ | https://aidezmoisvp.ca/'] },
  ca988: { tel: ['tel:988'], sms: ['sms:988'] },
  kidshelpphone: { tel: ['tel:+18006686868'], sms: ['sms:686868'] },
  cachildwelfare: { form: ['https://www.oacas.org/'], tel: ['tel:+18006639122', 'tel:+18006380715', 'tel:+18669222434'] },
  dpj: {
    tel: ['tel:+18004639009', 'tel:+18004639188', 'tel:+18004634834', 'tel:+18005678520', 'tel:+18004631029', 'tel:+15148963100', 'tel:+15149356196', 'tel:+18005676810', 'tel:+18005676405', 'tel:+18004638547', 'tel:+18004634225', 'tel:+18004630629', 'tel:+18004619331', 'tel:+18889754884', 'tel:+18006651414', 'tel:+18003618665', 'tel:+18003615310'],
  },
  qcsuicide: { form: ['https://suicide.ca/'], tel: ['tel:+18662773553'], sms: ['sms:535353'] },
  qc811: { tel: ['tel:811'] },
  qcprotecteur: {},
  fr3018: { form: ['https://www.3018.fr/'], tel: ['tel:3018'] },
  pharos: { form: ['https://www.internet-signalement.gouv.fr/'] },
  frpolice: { form: ['https://www.masecurite.interieur.gouv.fr/'] },
  allo119: { form: ['https://www.allo119.gouv.fr/'], tel: ['tel:119'] },
  fr3114: { tel: ['tel:3114'] },
  fr15: { tel: ['tel:15'] },
  pointdecontact: { form: ['https://www.pointdecontact.net/cliquez-signalez/'] },
  fracademie: {},
  ceop: { form: ['https://www.ceop.police.uk/ceop-reporting/'] },
  iwf: { form: ['https://www.iwf.org.uk/en/uk-report/'] },
  reportremove: { form: ['https://www.childline.org.uk/info-advice/bullying-abuse-safety/online-mobile-safety/report-remove/'] },
  nspcc: { tel: ['tel:08088005000'], mail: ['help@nspcc.org.uk'] },
  childline: { tel: ['tel:08001111'] },
  samaritans: { tel: ['tel:116123'] },
  papyrus: { tel: ['tel:08000684141'], sms: ['sms:07786209697'], mail: ['pat@papyrus-uk.org'] },
  uk101: { tel: ['tel:101'] },
  rhc: { form: ['https://reportharmfulcontent.com/'] },
  posh: { tel: ['tel:03443814772'], mail: ['helpline@saferinternet.org.uk'] },
  lado: {},
};

describe('destination rows (verified data)', () => {
  it('every row validates: source URL, checked within a year, hours with a time zone, audience, a channel or a local note', () => {
    const problems = DESTINATIONS.flatMap((d) => {
      const r = RowSchema.safeParse(d);
      return r.success ? [] : r.error.issues.map((i) => `${d.id}.${i.path.join('.')}: ${i.message}`);
    });
    expect(problems).toEqual([]);
    expect(new Set(DESTINATIONS.map((d) => d.id)).size).toBe(DESTINATIONS.length);
  });

  it('the freshness rule can fail: a row checked 13 months ago is refused', () => {
    const old = new Date(TODAY.getTime() - 400 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const r = RowSchema.safeParse({ ...DESTINATIONS[0], checked: old });
    expect(r.success).toBe(false);
    expect(RowSchema.safeParse({ ...DESTINATIONS[0], source: '' }).success).toBe(false);
    expect(RowSchema.safeParse({ ...DESTINATIONS[0], source: 'cybertip.ca somewhere' }).success).toBe(false);
  });

  it('pins every destination’s URLs, numbers and addresses', () => {
    expect(Object.fromEntries(DESTINATIONS.map((d) => [d.id, pinned(d)]))).toEqual(PINNED);
  });

  it('every DPJ region has its own line, and every DPJ line says which region', () => {
    const dpj = DESTINATIONS.find((d) => d.id === 'dpj')!;
    for (const region of DPJ_REGIONS) expect(channelsFor(dpj, { dpjRegion: region }).length, region).toBeGreaterThan(0);
    expect(channelsFor(dpj, { dpjRegion: 'montreal-en' }).map((c) => (c.kind === 'tel' ? c.display : ''))).toEqual(['514 935-6196']);
    expect(channelsFor(dpj, { dpjRegion: 'gaspesie' }).map((c) => (c.kind === 'tel' ? c.display : ''))).toEqual(['1 800 463-4225', '1 800 463-0629']);
    expect(channelsFor(dpj).length).toBe(17);
    expect(dpj.hours).toEqual({ kind: 'always', tz: 'America/Montreal' });
  });

  it('a province picks its child-welfare line; Ontario gets the children’s aid societies list', () => {
    const cw = DESTINATIONS.find((d) => d.id === 'cachildwelfare')!;
    const hrefs = (p: string) => channelsFor(cw, { province: p }).map((c) => (c.kind === 'tel' ? telHref(c.number) : c.kind === 'form' ? c.url : ''));
    expect(hrefs('bc')).toEqual(['tel:+18006639122']);
    expect(hrefs('ab')).toEqual(['tel:+18006380715']);
    expect(hrefs('ns')).toEqual(['tel:+18669222434']);
    expect(hrefs('on')).toEqual(['https://www.oacas.org/']);
    expect(hrefs('mb')).toEqual([]); // not sourced: the card says "your local child-welfare office" (local)
    expect(cw.local).toBe('report_local_childwelfare');
  });

  it('pins the emergency numbers per region, shown as tel: (or sms: for 114) links, with their source', () => {
    const hrefs = Object.fromEntries(REGIONS.map((r) => [r, EMERGENCY[r].map(emergencyHref)]));
    expect(hrefs).toEqual({
      qc: ['tel:911'],
      ca: ['tel:911'],
      fr: ['tel:17', 'tel:15', 'tel:112', 'sms:114'],
      uk: ['tel:999', 'tel:112'],
      other: ['tel:112', 'tel:911', 'tel:999'],
    });
    expect(RowSchema.safeParse({ ...DESTINATIONS[0], ...EMERGENCY_SOURCE }).success).toBe(true);
  });

  it('Québec gets the Canadian destinations except the other provinces’ child-welfare line; other regions only their own', () => {
    expect(destinationsFor('qc').map((d) => d.id)).toEqual(['cybertip', 'needhelpnow', 'ca988', 'kidshelpphone', 'dpj', 'qcsuicide', 'qc811', 'qcprotecteur']);
    expect(destinationsFor('ca').map((d) => d.id)).toEqual(['cybertip', 'needhelpnow', 'ca988', 'kidshelpphone', 'cachildwelfare']);
    expect(destinationsFor('fr').map((d) => d.id)).toEqual(['fr3018', 'pharos', 'frpolice', 'allo119', 'fr3114', 'fr15', 'pointdecontact', 'fracademie']);
    expect(destinationsFor('uk').map((d) => d.id)).toEqual(['ceop', 'iwf', 'reportremove', 'nspcc', 'childline', 'samaritans', 'papyrus', 'uk101', 'rhc', 'posh', 'lado']);
    expect(destinationsFor('other')).toEqual([]);
  });

  it('every region × category has an outside service, or a documented reason (GAPS) — and no stale reason', () => {
    const missing: string[] = [];
    const stale: string[] = [];
    for (const region of REGIONS)
      for (const category of CATEGORIES) {
        const any = destinationsFor(region).some((d) => d.categories.includes(category));
        const reason = GAPS[region]?.[category];
        if (!any && !reason) missing.push(`${region} × ${category}`);
        if (any && reason) stale.push(`${region} × ${category}`);
      }
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('hours: open/closed in the service’s own time zone; unknown hours are never guessed', () => {
    const cybertip = DESTINATIONS.find((d) => d.id === 'cybertip')!;
    // Tuesday 2026-12-01 15:00 UTC = 09:00 in Winnipeg (CST, UTC−6): open. 23:30 UTC = 17:30: closed.
    expect(isOpen(cybertip.hours, new Date('2026-12-01T15:00:00Z'))).toBe(true);
    expect(isOpen(cybertip.hours, new Date('2026-12-01T23:30:00Z'))).toBe(false);
    // Saturday: closed.
    expect(isOpen(cybertip.hours, new Date('2026-12-05T16:00:00Z'))).toBe(false);
    const fr3018 = DESTINATIONS.find((d) => d.id === 'fr3018')!;
    // 22:30 UTC in winter = 23:30 in Paris: closed; 21:30 UTC = 22:30: open.
    expect(isOpen(fr3018.hours, new Date('2026-12-01T22:30:00Z'))).toBe(false);
    expect(isOpen(fr3018.hours, new Date('2026-12-01T21:30:00Z'))).toBe(true);
    expect(isOpen({ kind: 'unknown', tz: 'Europe/London' } as Hours, new Date())).toBe(null);
    expect(isOpen({ kind: 'always', tz: 'Europe/London' } as Hours, new Date())).toBe(true);
  });

  it('hours read as text in English and French', () => {
    const nspcc = DESTINATIONS.find((d) => d.id === 'nspcc')!;
    expect(hoursText(nspcc.hours, labelsFor('en'))).toBe('Mon–Fri 08:00–22:00; Sat–Sun 09:00–18:00 (time zone Europe/London)');
    expect(hoursText(DESTINATIONS.find((d) => d.id === 'cybertip')!.hours, labelsFor('fr'))).toBe('lun–ven 08:30–16:30 (fuseau America/Winnipeg) fermé les jours fériés');
    expect(hoursText(DESTINATIONS.find((d) => d.id === 'dpj')!.hours, labelsFor('en'))).toBe('24 hours a day, 7 days a week');
  });

  it('every name, scope, warning, field label, note, hours word and staff step exists in English and French, and the locale names match the rows', () => {
    for (const lang of ['en', 'fr'] as const) {
      const L = labelsFor(lang);
      const keys = [
        ...DESTINATIONS.flatMap((d) => [
          `report_dest_${d.id}_name`,
          `report_dest_${d.id}_scope`,
          ...(d.warning ? [d.warning] : []),
          ...(d.outOfHours ? [d.outOfHours] : []),
          ...(d.local ? [d.local] : []),
          ...(d.formFields ?? []).map((f) => f.label),
          ...d.channels.flatMap((c) => ((c.kind === 'tel' || c.kind === 'sms') && c.label ? [c.label] : [])),
        ]),
        ...Object.values(EMERGENCY).flatMap((list) => list.map((e) => e.label)),
        ...Object.values(DUTY_NOTE),
        ...Object.values(STAFF_STEPS).flat(),
        ...Object.values(GAPS).flatMap((g) => Object.values(g ?? {})),
        'report_dest_lead_name',
        'report_dest_lead_scope',
      ];
      const missing = keys.filter((k) => {
        try {
          return !L(k);
        } catch {
          return true;
        }
      });
      expect(missing).toEqual([]);
      for (const d of DESTINATIONS) expect(L(`report_dest_${d.id}_name`), d.id).toBe(d.name[lang]);
    }
  });

  it('the en and fr report fragments have exactly the same keys, all prefixed report_', () => {
    for (const file of ['report.json', 'safeguarding.json']) {
      const en = Object.keys(JSON.parse(readFileSync(`locales/en/${file}`, 'utf8')));
      const fr = Object.keys(JSON.parse(readFileSync(`locales/fr/${file}`, 'utf8')));
      expect(fr.sort()).toEqual(en.sort());
      expect(en.filter((k) => !/^report_[A-Za-z0-9_]+$/.test(k))).toEqual([]);
    }
  });
});
