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
  /** Time zone of incidentAt (IANA, e.g. America/Montreal), as chosen by the reporter. */
  incidentTz: string;
  /** How to reach the reporter (phone, e-mail): CEOP requires it; other services ask for it. */
  reporterContact: string;
  /** The school or organisation (pre-filled from settings or school policy `organisationName`). */
  organisation: string;
  /** Where the child is now (at school, at home, unknown). */
  childLocation: string;
  /** How the concern came to light (seen in class, the child told, a parent called…). */
  cameToLight: string;
  /** The platform's own report reference, if the platform was told. */
  platformRef: string;
  /** The reporter confirms no promise of confidentiality was made to the child. */
  noPromise: boolean;
  /** The other person is a stranger writing in private messages (PHAROS takes it). */
  strangerPrivate: boolean;
  /** The usual safeguarding lead may be the person concerned: use the second contact. */
  leadConcerned: boolean;
  /** A second contact typed by the reporter when the lead may be concerned (overrides settings.alternateLead). */
  altName: string;
  altEmail: string;
  altPhone: string;
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
  incidentTz: '',
  reporterContact: '',
  organisation: '',
  childLocation: '',
  cameToLight: '',
  platformRef: '',
  noPromise: false,
  strangerPrivate: false,
  leadConcerned: false,
  altName: '',
  altEmail: '',
  altPhone: '',
};

/** Text fields of a report (every one is redacted when a report is built). */
export const TEXT_FIELDS = ['incidentAt', 'platform', 'url', 'child', 'otherPerson', 'facts', 'verbatim', 'actionsTaken', 'witnesses', 'selectedText', 'evidenceNotes', 'reporter', 'incidentTz', 'reporterContact', 'organisation', 'childLocation', 'cameToLight', 'platformRef', 'altName', 'altEmail', 'altPhone'] as const satisfies readonly (keyof ReportData)[];
