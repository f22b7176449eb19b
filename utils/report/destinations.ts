import type { Region } from '../settings/schema';
import type { Category } from './types';

/**
 * Where a concern can go, per region, as data. Every URL and number comes from
 * /work/shared/reference/reporting.md (§1 table and §6 list, research date 2026-11-23; stored copies of public
 * pages, no live page opened). tests/unit/report/destinations.test.ts pins each one, so a change is deliberate.
 *
 * Names and one-line scopes are UI text: `report_dest_<id>_name` / `report_dest_<id>_scope` in locales/*\/report.json.
 *
 * Known gaps, said honestly:
 * - Cybertip.ca in French: the report page's new French slug is NOT verified (reporting.md §1: only the old path
 *   /app/fr/report is seen in code). We open the cyberaide.ca site root instead.
 * - NeedHelpNow in French: reporting.md writes "aidez-moisvp.ca"; the service's own name is AidezMoiSVP.ca and a
 *   public Québec resource list links aidezmoisvp.ca. Neither was opened live; we use aidezmoisvp.ca.
 * - DPJ numbers are regional; only two regions' numbers are sourced. Other regions: the teacher's CISSS/CIUSSS.
 */

export type DestinationId = 'lead' | 'cybertip' | 'needhelpnow' | 'dpj' | 'fr3018' | 'pharos' | 'allo119' | 'ceop' | 'iwf' | 'nspcc' | 'rhc' | 'posh';

export type Channel =
  /** Official web form: opened in a new tab, the prepared text goes to the clipboard. No URL pre-fill is documented. */
  | { kind: 'form'; url: string; urlFr?: string }
  /** Phone line. `label` is an i18n key when the number needs a qualifier (e.g. a DPJ region). */
  | { kind: 'tel'; number: string; display: string; label?: string }
  /** Published e-mail address: a mailto: draft with subject and body (RFC 6068). */
  | { kind: 'mailto'; address: string };

/** A line of the "which form field gets what" side list: the form's own field (i18n key) ← our report field. */
export interface FormField {
  /** i18n key naming the form's field, e.g. report_ff_incident_date. */
  label: string;
  /** Which part of the prepared text fills it. */
  from: 'category' | 'date-mdy' | 'date' | 'platform' | 'url' | 'otherPerson' | 'facts' | 'actionsTaken' | 'child' | 'reporter' | 'publicContent';
}

export interface Destination {
  id: DestinationId;
  /** Regions where it is offered. 'qc' also receives every 'ca' destination (see destinationsFor). */
  regions: readonly Region[];
  channels: readonly Channel[];
  /** Categories it is suggested for; others still list it under "other services" for the region. */
  categories: readonly Category[];
  /** Only offered when its scope condition holds. */
  condition?: 'public-content' | 'platform-reported';
  /** Checklist of the official form's own fields (web forms only). */
  formFields?: readonly FormField[];
  /** A warning shown with it (i18n key), e.g. "not anonymous". */
  warning?: string;
}

const ALL: readonly Category[] = ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'hate', 'self-harm', 'adult-misconduct', 'other'];

export const DESTINATIONS: readonly Destination[] = [
  {
    id: 'cybertip',
    regions: ['ca'],
    // reporting.md §1: EN form 2026; tel 1-866-658-9022. FR: site root (slug unverified, see header).
    channels: [
      { kind: 'form', url: 'https://www.cybertip.ca/en/report/', urlFr: 'https://www.cyberaide.ca/' },
      { kind: 'tel', number: '+18666589022', display: '1-866-658-9022' },
    ],
    // Online sexual exploitation of under-18s, incl. non-consensual images of a minor. Not a bullying line.
    categories: ['sexual-exploitation', 'intimate-images', 'adult-misconduct'],
    formFields: [
      { label: 'report_ff_incident_type', from: 'category' },
      { label: 'report_ff_date_mdy', from: 'date-mdy' },
      { label: 'report_ff_technology', from: 'platform' },
      { label: 'report_ff_url', from: 'url' },
      { label: 'report_ff_suspect', from: 'otherPerson' },
      { label: 'report_ff_child', from: 'child' },
      { label: 'report_ff_description', from: 'facts' },
    ],
    warning: 'report_warn_no_images',
  },
  {
    id: 'needhelpnow',
    regions: ['ca'],
    // reporting.md §1/§6: EN contact form; FR site (see header on the spelling).
    channels: [{ kind: 'form', url: 'https://needhelpnow.ca/en/contact/', urlFr: 'https://aidezmoisvp.ca/' }],
    // Offer only when a youth's image was shared (reporting.md §6).
    categories: ['intimate-images'],
    formFields: [{ label: 'report_ff_description', from: 'facts' }],
  },
  {
    id: 'dpj',
    regions: ['qc'],
    // reporting.md §1: regional numbers (cisss-outaouais.gouv.qc.ca; Abitibi). Teachers have a personal duty to report.
    channels: [
      { kind: 'tel', number: '+18005676810', display: '1 800 567-6810', label: 'report_dpj_outaouais' },
      { kind: 'tel', number: '+18005676405', display: '1 800 567-6405', label: 'report_dpj_abitibi' },
    ],
    categories: ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'self-harm', 'adult-misconduct'],
    warning: 'report_warn_duty_qc',
  },
  {
    id: 'fr3018',
    regions: ['fr'],
    // reporting.md §1: tel 3018 (free, anonymous), 9:00–23:00 7/7; https://www.3018.fr
    channels: [
      { kind: 'tel', number: '3018', display: '3018' },
      { kind: 'form', url: 'https://www.3018.fr/' },
    ],
    categories: ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'hate', 'other'],
    formFields: [
      { label: 'report_ff_platform', from: 'platform' },
      { label: 'report_ff_handles', from: 'otherPerson' },
      { label: 'report_ff_url', from: 'url' },
      { label: 'report_ff_date', from: 'date' },
      { label: 'report_ff_platform_told', from: 'actionsTaken' },
    ],
  },
  {
    id: 'pharos',
    regions: ['fr'],
    // reporting.md §1: https://www.internet-signalement.gouv.fr/ — PUBLIC content only; a report is not a complaint.
    channels: [{ kind: 'form', url: 'https://www.internet-signalement.gouv.fr/' }],
    categories: ['sexual-exploitation', 'intimate-images', 'threats', 'hate', 'self-harm', 'adult-misconduct'],
    condition: 'public-content',
    formFields: [
      { label: 'report_ff_category', from: 'category' },
      { label: 'report_ff_date', from: 'date' },
      { label: 'report_ff_where_seen', from: 'platform' },
      { label: 'report_ff_url', from: 'url' },
      { label: 'report_ff_comments', from: 'facts' },
    ],
    warning: 'report_warn_pharos',
  },
  {
    id: 'allo119',
    regions: ['fr'],
    // reporting.md §1: tel 119 (24/7); https://www.allo119.gouv.fr (online form not for grave, immediate danger).
    channels: [
      { kind: 'tel', number: '119', display: '119' },
      { kind: 'form', url: 'https://www.allo119.gouv.fr/' },
    ],
    categories: ['sexual-exploitation', 'self-harm', 'adult-misconduct'],
    formFields: [{ label: 'report_ff_description', from: 'facts' }],
  },
  {
    id: 'ceop',
    regions: ['uk'],
    // reporting.md §1: https://www.ceop.police.uk/ceop-reporting/ — not anonymous; not for bullying, fake accounts, hacking.
    channels: [{ kind: 'form', url: 'https://www.ceop.police.uk/ceop-reporting/' }],
    categories: ['sexual-exploitation', 'intimate-images', 'adult-misconduct'],
    formFields: [
      { label: 'report_ff_your_details', from: 'reporter' },
      { label: 'report_ff_what_happened', from: 'facts' },
      { label: 'report_ff_who_to', from: 'child' },
      { label: 'report_ff_suspect', from: 'otherPerson' },
    ],
    warning: 'report_warn_ceop',
  },
  {
    id: 'iwf',
    regions: ['uk'],
    // reporting.md §1: https://report.iwf.org.uk/en — abuse images or videos only; URL only.
    channels: [{ kind: 'form', url: 'https://report.iwf.org.uk/en' }],
    categories: ['sexual-exploitation', 'intimate-images'],
    formFields: [{ label: 'report_ff_url', from: 'url' }],
    warning: 'report_warn_no_images',
  },
  {
    id: 'nspcc',
    regions: ['uk'],
    // reporting.md §1: help@nspcc.org.uk; 0808 800 5000.
    channels: [
      { kind: 'mailto', address: 'help@nspcc.org.uk' },
      { kind: 'tel', number: '08088005000', display: '0808 800 5000' },
    ],
    categories: ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'self-harm', 'adult-misconduct', 'other'],
  },
  {
    id: 'rhc',
    regions: ['uk'],
    // reporting.md §1: https://reportharmfulcontent.com/ — only after a report to the platform itself.
    channels: [{ kind: 'form', url: 'https://reportharmfulcontent.com/' }],
    categories: ['peer-bullying', 'threats', 'hate', 'self-harm', 'other'],
    condition: 'platform-reported',
    formFields: [
      { label: 'report_ff_platform', from: 'platform' },
      { label: 'report_ff_url', from: 'url' },
      { label: 'report_ff_what_happened', from: 'facts' },
      { label: 'report_ff_platform_reply', from: 'actionsTaken' },
    ],
  },
  {
    id: 'posh',
    regions: ['uk'],
    // reporting.md §1: helpline@saferinternet.org.uk; 0344 381 4772. For the children's workforce, incl. staff harassed.
    channels: [
      { kind: 'mailto', address: 'helpline@saferinternet.org.uk' },
      { kind: 'tel', number: '03443814772', display: '0344 381 4772' },
    ],
    categories: ['peer-bullying', 'threats', 'hate', 'other'],
  },
];

/** Emergency numbers, always shown first (reporting.md §6 "All / Emergency"). */
export interface EmergencyNumber {
  number: string;
  /** i18n key: what the number is (police, European emergency number, SMS for deaf people…). */
  label: string;
  sms?: boolean;
}

export const EMERGENCY: Readonly<Record<Region, readonly EmergencyNumber[]>> = {
  qc: [{ number: '911', label: 'report_em_911' }],
  ca: [{ number: '911', label: 'report_em_911' }],
  fr: [
    { number: '17', label: 'report_em_17' },
    { number: '112', label: 'report_em_112' },
    { number: '114', label: 'report_em_114', sms: true },
  ],
  uk: [
    { number: '999', label: 'report_em_999' },
    { number: '112', label: 'report_em_112' },
  ],
  // Region not set: the numbers for every region Vigie knows, each labelled with where it works.
  other: [
    { number: '112', label: 'report_em_112' },
    { number: '911', label: 'report_em_911' },
    { number: '999', label: 'report_em_999' },
  ],
};

/** Per-region legal note: who else the teacher must tell by law (reporting.md §5). i18n key. */
export const DUTY_NOTE: Readonly<Record<Region, string>> = {
  qc: 'report_duty_qc',
  ca: 'report_duty_ca',
  fr: 'report_duty_fr',
  uk: 'report_duty_uk',
  other: 'report_duty_other',
};

export function emergencyHref(n: EmergencyNumber): string {
  return `${n.sms ? 'sms' : 'tel'}:${n.number}`;
}

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** Destinations offered in a region ('qc' is in Canada: it gets the Canadian ones too). */
export function destinationsFor(region: Region): Destination[] {
  const regions: Region[] = region === 'qc' ? ['qc', 'ca'] : [region];
  return DESTINATIONS.filter((d) => d.regions.some((r) => regions.includes(r)));
}

/** The form URL for the UI language (French page when one is known, else the default). */
export function formUrl(channel: Extract<Channel, { kind: 'form' }>, lang: 'en' | 'fr'): string {
  return lang === 'fr' && channel.urlFr ? channel.urlFr : channel.url;
}

export { ALL as ALL_CATEGORIES };
