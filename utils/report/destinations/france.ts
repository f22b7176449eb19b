import type { DestinationRow, Hours } from './schema';

/**
 * France: 3018, PHAROS, the police online, 119, 3114, 15, Point de Contact and the academy.
 * Facts from /work/shared/reference/safeguarding-map.md and reporting.md, re-checked on 2026-12-02 against stored
 * copies of the services' own pages (no live page opened). Each row keeps its `source` and `checked` date.
 *
 * Known gaps, said honestly (also in `check` or `local` on the row):
 * - Point de Contact: its status in 2025–26 is uncertain.
 * - The academy services have no single national contact: the row says where the school's documents name them
 *   (`local`).
 */

const ALWAYS_FR: Hours = { kind: 'always', tz: 'Europe/Paris' };

export const FRANCE: readonly DestinationRow[] = [
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
  },
];
