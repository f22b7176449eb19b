import type { DestinationRow, Hours } from './schema';

/**
 * Canada: the rows Québec also gets (destinationsFor adds them), except `notInQc` ones.
 * Facts from /work/shared/reference/safeguarding-map.md and reporting.md, re-checked on 2026-12-02 against stored
 * copies of the services' own pages (no live page opened). Each row keeps its `source` and `checked` date.
 *
 * Known gaps, said honestly (also in `check` on the row):
 * - Cybertip.ca in French: the report page's new French slug is NOT verified; the cyberaide.ca root is opened.
 * - NeedHelpNow in French: aidezmoisvp.ca (reporting.md writes "aidez-moisvp.ca"); not opened live.
 */

const ALWAYS_ET: Hours = { kind: 'always', tz: 'America/Toronto' };

export const CANADA: readonly DestinationRow[] = [
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
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
    checked: '2026-12-02',
    check: 'Ontario: the OACAS site lists each local children’s aid society (https address assumed); Nova Scotia: daytime goes to the local agency; other provinces and territories: local office, not carried',
  },
];
