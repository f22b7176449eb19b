/**
 * The report a teacher writes in the "Report a concern" page. Everything here is typed by the reporter: Vigie
 * never scrapes names or chat from the page. Only the tab's URL (redacted) and platform are pre-filled.
 */

/** What happened. Order = the order shown in the form. */
export const CATEGORIES = [
  'sexual-exploitation', // sexual exploitation or luring of a minor
  'intimate-images', // sharing of intimate images
  'peer-bullying', // harassment or bullying between students
  'threats',
  'hate',
  'self-harm', // self-harm concern
  'adult-misconduct', // adult misconduct toward a student
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const URGENCIES = ['immediate', 'serious', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Who the other person is, if known (staff changes the route: allegation against staff). */
export const OTHER_KINDS = ['unknown', 'adult', 'pupil', 'staff'] as const;
export type OtherKind = (typeof OTHER_KINDS)[number];

export interface ReportData {
  category: Category | '';
  urgency: Urgency | '';
  /** Local date-time of the incident, as typed (YYYY-MM-DDTHH:MM from <input type=datetime-local>). */
  incidentAt: string;
  /** Platform label (pre-filled from the tab when known; editable). */
  platform: string;
  /** Page or meeting URL, redacted (passcodes, tokens, e-mail addresses, credentials and hash stripped). */
  url: string;
  /** The child or children concerned: name or pseudonym, age or year group, as typed. */
  child: string;
  /** The other person: display name, handle, as typed. */
  otherPerson: string;
  otherKind: OtherKind;
  /** What happened, stated as facts. */
  facts: string;
  /** Exact words, in quotes. */
  verbatim: string;
  /** Actions already taken (removed the participant, told the DSL…). */
  actionsTaken: string;
  witnesses: string;
  /** Text the user selected on the page (context menu), kept only if they leave it here. */
  selectedText: string;
  /** Where evidence is (URLs, message times, who holds screenshots). Never the material itself. */
  evidenceNotes: string;
  /** Content is public (site, social network): PHAROS only takes public content. */
  publicContent: boolean;
  /** The platform was already told (Report Harmful Content requires it). */
  platformReported: boolean;
  /** Recorder's name and role. */
  reporter: string;
}

export const EMPTY_REPORT: ReportData = {
  category: '',
  urgency: '',
  incidentAt: '',
  platform: '',
  url: '',
  child: '',
  otherPerson: '',
  otherKind: 'unknown',
  facts: '',
  verbatim: '',
  actionsTaken: '',
  witnesses: '',
  selectedText: '',
  evidenceNotes: '',
  publicContent: false,
  platformReported: false,
  reporter: '',
};
