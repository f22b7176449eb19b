import type { Region } from '../settings/schema';
import type { DpjRegion, Province } from './areas';
import type { Category, OtherKind } from './types';

/**
 * Where a concern can go, as verified data rows. Each row says who it is for, where, when it answers, and the
 * public page its facts were read from with the date they were checked (`source`, `checked`).
 * tests/unit/report/destinations.test.ts validates every row with zod (a missing source, a check older than a
 * year, a region × category with no outside service and no documented reason all fail) and pins every URL and
 * number, so a change is deliberate. docs/reporting.md's destination table is generated from these rows
 * (`npm run docs:reporting`, scripts/reporting-doc.ts).
 *
 * Facts come from /work/shared/reference/safeguarding-map.md and reporting.md, re-checked on 2026-12-02 against
 * stored copies of the services' own pages (no live page opened). Names are data (`name`) and UI text
 * (`report_dest_<id>_name`, same words, checked by a test); one-line scopes are UI text (`report_dest_<id>_scope`).
 *
 * Known gaps, said honestly (also in `check` on the row):
 * - Cybertip.ca in French: the report page's new French slug is NOT verified; the cyberaide.ca root is opened.
 * - NeedHelpNow in French: aidezmoisvp.ca (reporting.md writes "aidez-moisvp.ca"); not opened live.
 * - Point de Contact: its status in 2025–26 is uncertain.
 * - Papyrus HOPELINE UK: its current hours were not confirmed.
 * - The protecteur régional de l'élève, the LADO and the French academy services have no single national contact:
 *   the row says where the school's own documents name them (`local`).
 */

export type DestinationId = string;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** When a line answers, in the service's own time zone. `unknown`: not confirmed by a source (shown as such). */
export type Hours =
  | { kind: 'always'; tz: string }
  | { kind: 'weekly'; tz: string; days: Partial<Record<Weekday, readonly (readonly [string, string])[]>>; closedOnHolidays?: boolean }
  | { kind: 'unknown'; tz: string };

export type Channel =
  /** Official web form: opened in a new tab, the prepared text goes to the clipboard. No URL pre-fill is documented. */
  | { kind: 'form'; url: string; urlFr?: string; hours?: Hours }
  /** Phone line. `label` is an i18n key when the number needs a qualifier (e.g. a DPJ region). `area`: the DPJ region or province it serves. */
  | { kind: 'tel'; number: string; display: string; label?: string; area?: DpjRegion | Province; hours?: Hours }
  /** Text message line (sms: link). */
  | { kind: 'sms'; number: string; display: string; label?: string; hours?: Hours }
  /** Published e-mail address: a mailto: draft with subject and body (RFC 6068). */
  | { kind: 'mailto'; address: string; hours?: Hours };

/** A line of the "which form field gets what" side list: the form's own field (i18n key) ← our report field. */
export interface FormField {
  /** i18n key naming the form's field, e.g. report_ff_incident_date. */
  label: string;
  /** Which part of the prepared text fills it. */
  from: 'category' | 'date-mdy' | 'date' | 'platform' | 'url' | 'otherPerson' | 'facts' | 'actionsTaken' | 'child' | 'reporter' | 'publicContent';
}

export interface Destination {
  id: DestinationId;
  /** The service's own name, in English and French (also `report_dest_<id>_name` in the locales). */
  name: { en: string; fr: string };
  /** Regions where it is offered. 'qc' also receives every 'ca' destination (see destinationsFor). */
  regions: readonly Region[];
  /** A Canadian row that Québec does not inherit (Québec has its own line, e.g. the DPJ for child welfare). */
  notInQc?: boolean;
  /** Provinces (rest of Canada) or DPJ regions it serves when not the whole region; its channels carry `area`. */
  areas?: readonly (DpjRegion | Province)[];
  channels: readonly Channel[];
  /** Categories it is suggested for; others still list it under "other services" for the region. */
  categories: readonly Category[];
  /** Only suggested when its scope condition holds. 'public-or-stranger': public content, or a stranger in private messages. */
  condition?: 'public-content' | 'platform-reported' | 'public-or-stranger';
  /** Only suggested when the other person is one of these (e.g. the LADO: staff allegations). */
  otherKinds?: readonly OtherKind[];
  /** Also suggested, whatever the category, when the other person is staff (allegations against staff). */
  staff?: boolean;
  /** Checklist of the official form's own fields (web forms only). */
  formFields?: readonly FormField[];
  /** A warning shown with it (i18n key), e.g. "not anonymous". */
  warning?: string;
  /** When it answers (a channel's own `hours` wins). */
  hours: Hours;
  /** What to do outside its hours (i18n key). Required when the hours are not 'always'. */
  outOfHours?: string;
  /** Who it is for: ages (inclusive) and the kind of harm, in plain English (documentation; the UI uses the scope key). */
  audience: { minAge?: number; maxAge?: number; harms: string };
  /** No single national contact: i18n key saying where the school's documents name it. */
  local?: string;
  /** A phone call to this service: show the short prompt list (what to have ready). */
  callPrompts?: boolean;
  /** Where the facts were read, and when (YYYY-MM-DD). */
  source: string;
  checked: string;
  /** A fact not confirmed: said in docs and on the card ("check"). */
  check?: string;
}

const ALL: readonly Category[] = ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'hate', 'self-harm', 'adult-misconduct', 'other'];

const ALWAYS_ET: Hours = { kind: 'always', tz: 'America/Toronto' };
const ALWAYS_FR: Hours = { kind: 'always', tz: 'Europe/Paris' };
const ALWAYS_UK: Hours = { kind: 'always', tz: 'Europe/London' };
const ALWAYS_QC: Hours = { kind: 'always', tz: 'America/Montreal' };
const C = '2026-12-02';

const dpj = (area: DpjRegion, number: string, display: string, label = `report_dpj_${area.replace(/-/g, '_')}`): Channel => ({ kind: 'tel', number, display, label, area });

export const DESTINATIONS: readonly Destination[] = [
  // ───────────── Canada (Québec gets these too) ─────────────
  {
    id: 'cybertip',
    name: { en: 'Cybertip.ca', fr: 'Cyberaide.ca' },
    regions: ['ca'],
    channels: [
      { kind: 'form', url: 'https://www.cybertip.ca/en/report/', urlFr: 'https://www.cyberaide.ca/', hours: { kind: 'always', tz: 'America/Winnipeg' } },
      { kind: 'tel', number: '+18666589022', display: '1-866-658-9022' },
    ],
    // Online sexual exploitation of under-18s, incl. non-consensual images of a minor and sextortion. Not a bullying line.
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
    // safeguarding-map: staffed weekdays 8:30–16:30 Central; outside them 911 or police. The web form takes reports any time.
    hours: { kind: 'weekly', tz: 'America/Winnipeg', days: { mon: [['08:30', '16:30']], tue: [['08:30', '16:30']], wed: [['08:30', '16:30']], thu: [['08:30', '16:30']], fri: [['08:30', '16:30']] }, closedOnHolidays: true },
    outOfHours: 'report_ooh_cybertip',
    audience: { maxAge: 17, harms: 'online sexual exploitation: abuse material, luring, sextortion, intimate images of a minor' },
    callPrompts: true,
    source: 'https://cyberaide.ca/en/report/taking-action',
    checked: C,
    check: 'French report page slug not verified (the cyberaide.ca root is opened)',
  },
  {
    id: 'needhelpnow',
    name: { en: 'NeedHelpNow.ca', fr: 'AidezMoiSVP.ca' },
    regions: ['ca'],
    channels: [{ kind: 'form', url: 'https://needhelpnow.ca/en/contact/', urlFr: 'https://aidezmoisvp.ca/' }],
    // C3P points youth here for a shared image, and for luring and sextortion (safeguarding-map).
    categories: ['intimate-images', 'sexual-exploitation'],
    formFields: [{ label: 'report_ff_description', from: 'facts' }],
    hours: { kind: 'unknown', tz: 'America/Winnipeg' },
    outOfHours: 'report_ooh_form_any_time',
    audience: { maxAge: 17, harms: 'a youth whose nude image is shared, or who faces luring or sextortion' },
    source: 'https://needhelpnow.ca/app/en/dealing_with_peers-reporting',
    checked: C,
    check: 'French site spelling (aidezmoisvp.ca) not opened live',
  },
  {
    id: 'ca988',
    name: { en: '988 Suicide Crisis Helpline', fr: '988 Ligne d’aide en cas de crise de suicide' },
    regions: ['ca'],
    channels: [
      { kind: 'tel', number: '988', display: '988' },
      { kind: 'sms', number: '988', display: '988' },
    ],
    categories: ['self-harm'],
    hours: ALWAYS_ET,
    audience: { harms: 'anyone thinking about suicide, or worried about someone (English and French)' },
    source: 'https://www.newswire.ca/news-releases/government-of-canada-announces-kids-help-phone-as-9-8-8-network-partner-898887020.html',
    checked: C,
  },
  {
    id: 'kidshelpphone',
    name: { en: 'Kids Help Phone', fr: 'Jeunesse, J’écoute' },
    regions: ['ca'],
    channels: [
      { kind: 'tel', number: '+18006686868', display: '1-800-668-6868' },
      { kind: 'sms', number: '686868', display: '686868' },
    ],
    categories: ['self-harm', 'peer-bullying', 'intimate-images', 'other'],
    hours: ALWAYS_ET,
    audience: { maxAge: 29, harms: 'young people: any worry, crisis, bullying, abuse, thoughts of suicide (a child can call; an adult can pass the number)' },
    source: 'https://kidshelpphone.ca/get-involved/about-us/who-is-kids-help-phone/',
    checked: C,
  },
  {
    id: 'cachildwelfare',
    name: { en: 'Provincial child-welfare line', fr: 'Ligne provinciale de protection de l’enfance' },
    regions: ['ca'],
    notInQc: true,
    areas: ['bc', 'ab', 'ns', 'on'],
    channels: [
      { kind: 'tel', number: '+18006639122', display: '1-800-663-9122', label: 'report_prov_bc', area: 'bc', hours: { kind: 'always', tz: 'America/Vancouver' } },
      { kind: 'tel', number: '+18006380715', display: '1-800-638-0715', label: 'report_prov_ab', area: 'ab', hours: { kind: 'always', tz: 'America/Edmonton' } },
      { kind: 'tel', number: '+18669222434', display: '1-866-922-2434', label: 'report_prov_ns_after', area: 'ns', hours: { kind: 'unknown', tz: 'America/Halifax' } },
      { kind: 'form', url: 'https://www.oacas.org/', hours: { kind: 'always', tz: 'America/Toronto' } },
    ],
    // The duty-to-report note needs a line behind it: abuse, neglect, a child in need of protection.
    categories: ['sexual-exploitation', 'intimate-images', 'adult-misconduct'],
    staff: true,
    hours: { kind: 'always', tz: 'America/Toronto' },
    audience: { maxAge: 18, harms: 'a child who may be abused, neglected or in need of protection (age limit varies: BC under 19)' },
    local: 'report_local_childwelfare',
    callPrompts: true,
    source: 'https://www2.gov.bc.ca/gov/content/safety/public-safety/protecting-children/reporting-child-abuse ; https://www.alberta.ca/how-to-help-and-report-child-abuse-neglect-and-sexual-exploitation ; https://beta.novascotia.ca/report-child-abuse-or-neglect ; http://www.oacas.org/childwelfare/duty.htm',
    checked: C,
    check: 'Ontario: the OACAS site lists each local children’s aid society (https address assumed); Nova Scotia: daytime goes to the local agency; other provinces and territories: local office, not carried',
  },
  // ───────────── Québec ─────────────
  {
    id: 'dpj',
    name: { en: 'DPJ (youth protection, Québec)', fr: 'DPJ (protection de la jeunesse, Québec)' },
    regions: ['qc'],
    areas: ['bas-saint-laurent', 'saguenay', 'capitale-nationale', 'mauricie', 'estrie', 'montreal-fr', 'montreal-en', 'outaouais', 'abitibi', 'cote-nord', 'gaspesie', 'chaudiere-appalaches', 'laval', 'lanaudiere', 'laurentides', 'monteregie'],
    // CDPDJ list, one 24/7 line per region (toll-free where the page gives one).
    channels: [
      dpj('bas-saint-laurent', '+18004639009', '1 800 463-9009'),
      dpj('saguenay', '+18004639188', '1 800 463-9188'),
      dpj('capitale-nationale', '+18004634834', '1 800 463-4834'),
      dpj('mauricie', '+18005678520', '1 800 567-8520'),
      dpj('estrie', '+18004631029', '1 800 463-1029'),
      dpj('montreal-fr', '+15148963100', '514 896-3100'),
      dpj('montreal-en', '+15149356196', '514 935-6196'),
      dpj('outaouais', '+18005676810', '1 800 567-6810'),
      dpj('abitibi', '+18005676405', '1 800 567-6405'),
      dpj('cote-nord', '+18004638547', '1 800 463-8547'),
      dpj('gaspesie', '+18004634225', '1 800 463-4225'),
      dpj('gaspesie', '+18004630629', '1 800 463-0629', 'report_dpj_gaspesie_evening'),
      dpj('chaudiere-appalaches', '+18004619331', '1 800 461-9331'),
      dpj('laval', '+18889754884', '1 888 975-4884'),
      dpj('lanaudiere', '+18006651414', '1 800 665-1414'),
      dpj('laurentides', '+18003618665', '1 800 361-8665'),
      dpj('monteregie', '+18003615310', '1 800 361-5310'),
    ],
    categories: ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'self-harm', 'adult-misconduct'],
    staff: true,
    warning: 'report_warn_duty_qc',
    hours: ALWAYS_QC,
    audience: { maxAge: 17, harms: 'any child whose safety or development may be compromised (abuse, neglect, serious behaviour problems)' },
    callPrompts: true,
    source: 'http://www.cdpdj.qc.ca/fr/droits-de-la-jeunesse/Pages/DPJ.aspx ; https://ciusssnordmtl.ca/soins-et-services/enfants-adolescents-et-famille/signalement-au-dpj',
    checked: C,
    check: 'Gaspésie: 1 800 463-4225 by day, 1 800 463-0629 in the evening; Nord-du-Québec: the Abitibi or Saguenay line; Nunavik and Eeyou Istchee: local numbers on the CDPDJ page, not carried',
  },
  {
    id: 'qcsuicide',
    name: { en: 'Suicide prevention (1 866 APPELLE, suicide.ca)', fr: 'Prévention du suicide (1 866 APPELLE, suicide.ca)' },
    regions: ['qc'],
    channels: [
      { kind: 'tel', number: '+18662773553', display: '1 866 APPELLE (277-3553)' },
      { kind: 'sms', number: '535353', display: '535353' },
      { kind: 'form', url: 'https://suicide.ca/' },
    ],
    categories: ['self-harm'],
    hours: ALWAYS_QC,
    audience: { harms: 'anyone thinking about suicide, worried about someone, or bereaved by suicide (Québec)' },
    source: 'https://www.infodimanche.com/actualites/actualite/473288/prevention-du-suicide-le-numero-court-535353-maintenant-disponible',
    checked: C,
  },
  {
    id: 'qc811',
    name: { en: 'Info-Social 811, option 2', fr: 'Info-Social 811, option 2' },
    regions: ['qc'],
    channels: [{ kind: 'tel', number: '811', display: '811 (option 2)' }],
    categories: ['self-harm', 'other'],
    hours: ALWAYS_QC,
    audience: { harms: 'psychosocial help by phone from a social worker (Québec)' },
    source: 'https://www.chga.fm/prevention-du-suicide-lidee-dun-numero-unique-a-3-chiffres-bien-accueillie-par-suicide-detour/',
    checked: C,
  },
  {
    id: 'qcprotecteur',
    name: { en: 'Regional student ombudsman (protecteur régional de l’élève)', fr: 'Protecteur régional de l’élève' },
    regions: ['qc'],
    channels: [],
    categories: [],
    staff: true,
    otherKinds: ['staff'],
    hours: { kind: 'unknown', tz: 'America/Montreal' },
    outOfHours: 'report_ooh_local',
    audience: { harms: 'any person may report sexual violence against a pupil, including by staff (Loi sur le protecteur national de l’élève)' },
    local: 'report_local_protecteur',
    source: 'https://www.legisquebec.gouv.qc.ca/fr/document/lc/P-32.01',
    checked: C,
  },
  // ───────────── France ─────────────
  {
    id: 'fr3018',
    name: { en: '3018 (e-Enfance)', fr: '3018 (e-Enfance)' },
    regions: ['fr'],
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
    hours: { kind: 'weekly', tz: 'Europe/Paris', days: { mon: [['09:00', '23:00']], tue: [['09:00', '23:00']], wed: [['09:00', '23:00']], thu: [['09:00', '23:00']], fri: [['09:00', '23:00']], sat: [['09:00', '23:00']], sun: [['09:00', '23:00']] } },
    outOfHours: 'report_ooh_fr3018',
    audience: { harms: 'young people, parents and professionals: cyber-harassment, school bullying, sextortion, intimate images, impersonation' },
    source: 'https://e-enfance.org/numero-3018/',
    checked: C,
  },
  {
    id: 'pharos',
    name: { en: 'PHAROS', fr: 'PHAROS' },
    regions: ['fr'],
    channels: [{ kind: 'form', url: 'https://www.internet-signalement.gouv.fr/' }],
    categories: ['sexual-exploitation', 'intimate-images', 'threats', 'hate', 'self-harm', 'adult-misconduct'],
    // Public content, or an unknown person prowling in private messages; not a private matter with someone the child knows.
    condition: 'public-or-stranger',
    formFields: [
      { label: 'report_ff_category', from: 'category' },
      { label: 'report_ff_date', from: 'date' },
      { label: 'report_ff_where_seen', from: 'platform' },
      { label: 'report_ff_url', from: 'url' },
      { label: 'report_ff_comments', from: 'facts' },
    ],
    warning: 'report_warn_pharos',
    hours: ALWAYS_FR,
    audience: { harms: 'illegal content online: threats, child sexual abuse material, sexual proposals to a minor, hate; a stranger prowling on a messaging app' },
    source: 'https://moncommissariat.interieur.gouv.fr/',
    checked: C,
  },
  {
    id: 'frpolice',
    name: { en: 'Police online (masecurite.interieur.gouv.fr)', fr: 'Police en ligne (masecurite.interieur.gouv.fr)' },
    regions: ['fr'],
    channels: [{ kind: 'form', url: 'https://www.masecurite.interieur.gouv.fr/' }],
    // A private matter (threats, a person the child knows): the police, not PHAROS.
    categories: ['threats', 'hate', 'adult-misconduct', 'sexual-exploitation'],
    hours: ALWAYS_FR,
    audience: { harms: 'a private matter for the police: threats, harassment by someone known, a complaint to file' },
    source: 'https://www.service-public.fr/particuliers/vosdroits/F31979',
    checked: C,
  },
  {
    id: 'allo119',
    name: { en: '119 – Allô Enfance en Danger', fr: '119 – Allô Enfance en Danger' },
    regions: ['fr'],
    channels: [
      { kind: 'tel', number: '119', display: '119' },
      { kind: 'form', url: 'https://www.allo119.gouv.fr/' },
    ],
    categories: ['sexual-exploitation', 'self-harm', 'adult-misconduct'],
    staff: true,
    formFields: [{ label: 'report_ff_description', from: 'facts' }],
    hours: ALWAYS_FR,
    audience: { maxAge: 17, harms: 'a child in danger or at risk (abuse, neglect); the online form is not for immediate danger' },
    callPrompts: true,
    source: 'https://www.allo119.gouv.fr/',
    checked: C,
  },
  {
    id: 'fr3114',
    name: { en: '3114 suicide prevention line', fr: '3114 numéro national de prévention du suicide' },
    regions: ['fr'],
    channels: [{ kind: 'tel', number: '3114', display: '3114' }],
    categories: ['self-harm'],
    hours: ALWAYS_FR,
    audience: { harms: 'anyone in distress or thinking of suicide, people worried about them, and professionals who need advice' },
    source: 'https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/',
    checked: C,
  },
  {
    id: 'fr15',
    name: { en: '15 (SAMU, medical emergency)', fr: '15 (SAMU, urgence médicale)' },
    regions: ['fr'],
    channels: [{ kind: 'tel', number: '15', display: '15' }],
    categories: ['self-harm'],
    hours: ALWAYS_FR,
    audience: { harms: 'a medical emergency: self-harm or a suicide attempt under way' },
    source: 'https://www.service-public.fr/particuliers/vosdroits/F33954',
    checked: C,
  },
  {
    id: 'pointdecontact',
    name: { en: 'Point de Contact', fr: 'Point de Contact' },
    regions: ['fr'],
    channels: [{ kind: 'form', url: 'https://www.pointdecontact.net/cliquez-signalez/' }],
    categories: ['sexual-exploitation', 'intimate-images', 'hate'],
    hours: { kind: 'unknown', tz: 'Europe/Paris' },
    outOfHours: 'report_ooh_form_any_time',
    audience: { harms: 'illegal content online, incl. child sexual abuse material (French INHOPE hotline)' },
    source: 'https://www.pointdecontact.net/cliquez-signalez/',
    checked: C,
    check: 'status in 2025–26 uncertain',
  },
  {
    id: 'fracademie',
    name: { en: 'Academy services (IA-DASEN)', fr: 'Services de l’académie (IA-DASEN)' },
    regions: ['fr'],
    channels: [],
    categories: [],
    staff: true,
    otherKinds: ['staff'],
    hours: { kind: 'unknown', tz: 'Europe/Paris' },
    outOfHours: 'report_ooh_local',
    audience: { harms: 'an allegation against a member of staff: the head of school informs the academy; article 40 applies to every public servant' },
    local: 'report_local_academie',
    source: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006574933',
    checked: C,
  },
  // ───────────── United Kingdom ─────────────
  {
    id: 'ceop',
    name: { en: 'CEOP Safety Centre', fr: 'CEOP Safety Centre' },
    regions: ['uk'],
    channels: [{ kind: 'form', url: 'https://www.ceop.police.uk/ceop-reporting/' }],
    categories: ['sexual-exploitation', 'intimate-images', 'adult-misconduct'],
    formFields: [
      { label: 'report_ff_your_details', from: 'reporter' },
      { label: 'report_ff_what_happened', from: 'facts' },
      { label: 'report_ff_who_to', from: 'child' },
      { label: 'report_ff_suspect', from: 'otherPerson' },
    ],
    warning: 'report_warn_ceop',
    hours: ALWAYS_UK,
    audience: { maxAge: 17, harms: 'online sexual abuse and grooming; not bullying, fake accounts or hacking; not anonymous' },
    source: 'https://www.ceop.police.uk/ceop-reporting/',
    checked: C,
  },
  {
    id: 'iwf',
    name: { en: 'Internet Watch Foundation', fr: 'Internet Watch Foundation' },
    regions: ['uk'],
    channels: [{ kind: 'form', url: 'https://www.iwf.org.uk/en/uk-report/' }],
    categories: ['sexual-exploitation', 'intimate-images'],
    formFields: [{ label: 'report_ff_url', from: 'url' }],
    warning: 'report_warn_no_images',
    hours: ALWAYS_UK,
    audience: { harms: 'child sexual abuse images or videos online (address only)' },
    source: 'https://www.iwf.org.uk/en/uk-report/',
    checked: C,
  },
  {
    id: 'reportremove',
    name: { en: 'Report Remove (Childline and IWF)', fr: 'Report Remove (Childline et IWF)' },
    regions: ['uk'],
    channels: [{ kind: 'form', url: 'https://www.childline.org.uk/info-advice/bullying-abuse-safety/online-mobile-safety/report-remove/' }],
    categories: ['intimate-images'],
    warning: 'report_warn_reportremove',
    hours: ALWAYS_UK,
    audience: { maxAge: 17, harms: 'a young person’s own nude image or video shared online: the young person reports it, with Childline’s support' },
    source: 'https://learning.nspcc.org.uk/research-resources/report-remove',
    checked: C,
  },
  {
    id: 'nspcc',
    name: { en: 'NSPCC Helpline', fr: 'NSPCC Helpline' },
    regions: ['uk'],
    channels: [
      { kind: 'mailto', address: 'help@nspcc.org.uk', hours: ALWAYS_UK },
      {
        kind: 'tel',
        number: '08088005000',
        display: '0808 800 5000',
        hours: { kind: 'weekly', tz: 'Europe/London', days: { mon: [['08:00', '22:00']], tue: [['08:00', '22:00']], wed: [['08:00', '22:00']], thu: [['08:00', '22:00']], fri: [['08:00', '22:00']], sat: [['09:00', '18:00']], sun: [['09:00', '18:00']] } },
      },
    ],
    categories: ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'self-harm', 'adult-misconduct', 'other'],
    staff: true,
    hours: { kind: 'weekly', tz: 'Europe/London', days: { mon: [['08:00', '22:00']], tue: [['08:00', '22:00']], wed: [['08:00', '22:00']], thu: [['08:00', '22:00']], fri: [['08:00', '22:00']], sat: [['09:00', '18:00']], sun: [['09:00', '18:00']] } },
    outOfHours: 'report_ooh_nspcc',
    audience: { harms: 'any worry about a child, including advice for professionals' },
    source: 'https://safeguardingtool.nspcc.org.uk/',
    checked: C,
  },
  {
    id: 'childline',
    name: { en: 'Childline', fr: 'Childline' },
    regions: ['uk'],
    channels: [{ kind: 'tel', number: '08001111', display: '0800 1111' }],
    categories: ['self-harm', 'peer-bullying', 'intimate-images', 'other'],
    hours: ALWAYS_UK,
    audience: { maxAge: 18, harms: 'children and young people under 19: any worry (a child calls; an adult can pass the number)' },
    source: 'https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove',
    checked: C,
  },
  {
    id: 'samaritans',
    name: { en: 'Samaritans', fr: 'Samaritans' },
    regions: ['uk'],
    channels: [{ kind: 'tel', number: '116123', display: '116 123' }],
    categories: ['self-harm'],
    hours: ALWAYS_UK,
    audience: { harms: 'anyone struggling to cope or thinking of suicide' },
    source: 'https://safeguardingtool.nspcc.org.uk/',
    checked: C,
  },
  {
    id: 'papyrus',
    name: { en: 'Papyrus HOPELINE UK', fr: 'Papyrus HOPELINE UK' },
    regions: ['uk'],
    channels: [
      { kind: 'tel', number: '08000684141', display: '0800 068 4141' },
      { kind: 'sms', number: '07786209697', display: '07786 209697' },
      { kind: 'mailto', address: 'pat@papyrus-uk.org' },
    ],
    categories: ['self-harm'],
    hours: { kind: 'unknown', tz: 'Europe/London' },
    outOfHours: 'report_ooh_crisis_uk',
    audience: { maxAge: 35, harms: 'young people under 35 with thoughts of suicide, and anyone worried about one' },
    source: 'https://papyrus-uk.org/help-advice/about-hopelineuk/remit-of-service-policy',
    checked: C,
    check: 'current hours not confirmed',
  },
  {
    id: 'uk101',
    name: { en: 'Police non-emergency (101)', fr: 'Police, hors urgence (101)' },
    regions: ['uk'],
    channels: [{ kind: 'tel', number: '101', display: '101' }],
    categories: ['threats', 'hate', 'adult-misconduct'],
    hours: ALWAYS_UK,
    audience: { harms: 'a crime that is not an emergency: threats, hate incidents, harassment' },
    source: 'https://www.ceop.police.uk/ceop-reporting/',
    checked: C,
  },
  {
    id: 'rhc',
    name: { en: 'Report Harmful Content', fr: 'Report Harmful Content' },
    regions: ['uk'],
    channels: [{ kind: 'form', url: 'https://reportharmfulcontent.com/' }],
    categories: ['peer-bullying', 'threats', 'hate', 'self-harm', 'other'],
    condition: 'platform-reported',
    formFields: [
      { label: 'report_ff_platform', from: 'platform' },
      { label: 'report_ff_url', from: 'url' },
      { label: 'report_ff_what_happened', from: 'facts' },
      { label: 'report_ff_platform_reply', from: 'actionsTaken' },
    ],
    hours: { kind: 'unknown', tz: 'Europe/London' },
    outOfHours: 'report_ooh_form_any_time',
    audience: { minAge: 13, harms: 'harmful content online after a report to the platform: bullying, threats, impersonation, self-harm content' },
    source: 'https://reportharmfulcontent.com/',
    checked: C,
  },
  {
    id: 'posh',
    name: { en: 'Professionals Online Safety Helpline', fr: 'Professionals Online Safety Helpline' },
    regions: ['uk'],
    channels: [
      { kind: 'mailto', address: 'helpline@saferinternet.org.uk' },
      { kind: 'tel', number: '03443814772', display: '0344 381 4772' },
    ],
    categories: ['peer-bullying', 'threats', 'hate', 'other'],
    hours: { kind: 'weekly', tz: 'Europe/London', days: { mon: [['10:00', '16:00']], tue: [['10:00', '16:00']], wed: [['10:00', '16:00']], thu: [['10:00', '16:00']], fri: [['10:00', '16:00']] } },
    outOfHours: 'report_ooh_posh',
    audience: { harms: 'people who work with children: pupils’ online issues, harassment or impersonation of staff' },
    source: 'https://www.naht.org.uk/',
    checked: C,
  },
  {
    id: 'lado',
    name: { en: 'Local authority designated officer (LADO)', fr: 'LADO (responsable désigné de l’autorité locale)' },
    regions: ['uk'],
    channels: [],
    categories: [],
    staff: true,
    otherKinds: ['staff'],
    hours: { kind: 'unknown', tz: 'Europe/London' },
    outOfHours: 'report_ooh_local',
    audience: { harms: 'an allegation that a member of staff has harmed a child or may pose a risk' },
    local: 'report_local_lado',
    source: 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2',
    checked: C,
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
    { number: '15', label: 'report_em_15' },
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

/** Where the emergency numbers were checked (same rules as the rows). */
export const EMERGENCY_SOURCE = { source: 'https://www.service-public.fr/particuliers/vosdroits/F33954 ; https://www.ceop.police.uk/ceop-reporting/ ; https://www.alberta.ca/how-to-help-and-report-child-abuse-neglect-and-sexual-exploitation', checked: C };

/** Per-region legal note: who else the teacher must tell by law (reporting.md §5). i18n key. */
export const DUTY_NOTE: Readonly<Record<Region, string>> = {
  qc: 'report_duty_qc',
  ca: 'report_duty_ca',
  fr: 'report_duty_fr',
  uk: 'report_duty_uk',
  other: 'report_duty_other',
};

/**
 * When the other person is a member of staff: who is told, in order, per region (i18n keys). The school's lead
 * (or the second contact when the lead may be the person concerned) comes first in every region.
 */
export const STAFF_STEPS: Readonly<Record<Region, readonly string[]>> = {
  uk: ['report_staff_uk_1', 'report_staff_uk_2'],
  qc: ['report_staff_qc_1', 'report_staff_qc_2'],
  fr: ['report_staff_fr_1', 'report_staff_fr_2'],
  ca: ['report_staff_ca_1', 'report_staff_ca_2'],
  other: ['report_staff_other_1'],
};

/**
 * Region × category pairs with no outside service, each with the reason shown instead (i18n key). A test fails
 * when a pair has no suggested service and is not listed here.
 */
export const GAPS: Readonly<Partial<Record<Region, Partial<Record<Category, string>>>>> = {
  // Canada: hate and threats between people go to the police (911 if danger, the local police otherwise); no national line.
  ca: { threats: 'report_gap_police_local', hate: 'report_gap_police_local' },
  qc: { hate: 'report_gap_police_local' },
  other: Object.fromEntries(ALL.map((c) => [c, 'report_gap_no_region'])) as Record<Category, string>,
};

export function emergencyHref(n: EmergencyNumber): string {
  return `${n.sms ? 'sms' : 'tel'}:${n.number}`;
}

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

export function smsHref(number: string): string {
  return `sms:${number.replace(/[^\d+]/g, '')}`;
}

/** Destinations offered in a region ('qc' is in Canada: it gets the Canadian ones too). */
export function destinationsFor(region: Region): Destination[] {
  const regions: Region[] = region === 'qc' ? ['qc', 'ca'] : [region];
  return DESTINATIONS.filter((d) => d.regions.some((r) => regions.includes(r)) && !(region === 'qc' && d.notInQc));
}

/**
 * The channels to show for a destination: when a DPJ region or province is chosen, only that area's lines (and the
 * channels that serve every area); when none is chosen, all of them, each labelled with its area.
 */
export function channelsFor(d: Destination, area: { dpjRegion?: string; province?: string } = {}): Channel[] {
  const pick = d.regions.includes('qc') ? area.dpjRegion : area.province;
  if (!pick || !d.areas?.length) return [...d.channels];
  // Ontario's form (no area) serves only Ontario; keep it only when Ontario is chosen.
  return d.channels.filter((c) => ('area' in c && c.area ? c.area === pick : d.id !== 'cachildwelfare' || pick === 'on'));
}

/** The form URL for the UI language (French page when one is known, else the default). */
export function formUrl(channel: Extract<Channel, { kind: 'form' }>, lang: 'en' | 'fr'): string {
  return lang === 'fr' && channel.urlFr ? channel.urlFr : channel.url;
}

export function destName(d: Destination, lang: 'en' | 'fr'): string {
  return d.name[lang];
}

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

export { ALL as ALL_CATEGORIES };
