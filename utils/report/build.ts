import type { Destination, FormField } from './destinations/schema';
import { redactUrl, redactUrlsInText } from './redact';
import { TEXT_FIELDS, type ReportData } from './types';

/**
 * One report object → every text the teacher can hand off: the full record, the clipboard summary for a web form,
 * the form's field side-list, the call prompts and the downloadable HTML/JSON (the length-capped mailto: URL is in
 * mailto.ts, built from the same fields). Pure: labels come
 * in as a function (browser.i18n in the page, a table in tests), so FR and EN reports are built the same way.
 * Nothing here sends anything; the page opens what the user clicked.
 */

export type Labels = (key: string, substitutions?: string[]) => string;

export type FieldKey =
  | 'category'
  | 'urgency'
  | 'incidentAt'
  | 'platform'
  | 'url'
  | 'child'
  | 'childLocation'
  | 'otherPerson'
  | 'cameToLight'
  | 'facts'
  | 'verbatim'
  | 'actionsTaken'
  | 'platformRef'
  | 'noPromise'
  | 'witnesses'
  | 'evidenceNotes'
  | 'selectedText'
  | 'reporter'
  | 'reporterContact'
  | 'organisation'
  | 'recordedAt';

/**
 * Every text field with its links cleaned (redactUrl on the URL field, redactUrlsInText on every other field), so
 * a passcode pasted into the selected text, the evidence notes or the facts never reaches a report, whatever the
 * page did on blur. Every builder below starts from this; the page also saves and exports this.
 */
export function sanitizeReport(report: ReportData): ReportData {
  const out: ReportData = { ...report };
  for (const key of TEXT_FIELDS) {
    const v = String(report[key] ?? '');
    (out as unknown as Record<string, string>)[key] = key === 'url' ? (v.trim() ? redactUrl(v) || redactUrlsInText(v) : v) : redactUrlsInText(v);
  }
  return out;
}

/**
 * Field order of every text we build, in the order of a safeguarding record (reporting.md §4: category and
 * urgency, when, where, who, what, verbatim, actions, witnesses, evidence, recorder).
 * `keep` ranks importance for the e-mail length cap: the LOWEST is dropped first; 10 is never dropped.
 */
export const FIELD_ORDER: readonly { key: FieldKey; keep: number }[] = [
  { key: 'category', keep: 10 }, // what kind of concern: decides who acts
  { key: 'urgency', keep: 9 },
  { key: 'incidentAt', keep: 9 }, // when it happened (not when written)
  { key: 'platform', keep: 6 },
  { key: 'url', keep: 5 }, // redacted meeting or page link
  { key: 'child', keep: 8 }, // child concerned, as typed
  { key: 'childLocation', keep: 9 }, // where the child is now: decides how fast someone acts
  { key: 'otherPerson', keep: 7 }, // the other person and whether adult, pupil or staff
  { key: 'cameToLight', keep: 6 }, // how the concern came to light
  { key: 'facts', keep: 10 }, // what happened: the core of the report
  { key: 'verbatim', keep: 10 }, // exact words: evidence, never dropped from an e-mail (the facts are shortened first)
  { key: 'actionsTaken', keep: 6 },
  { key: 'platformRef', keep: 5 }, // the platform's own report reference
  { key: 'noPromise', keep: 6 }, // no promise of confidentiality was made
  { key: 'witnesses', keep: 3 },
  { key: 'evidenceNotes', keep: 4 }, // where evidence is (never the material)
  { key: 'selectedText', keep: 2 }, // text selected on the page
  { key: 'reporter', keep: 8 }, // who writes, so the lead can call back
  { key: 'reporterContact', keep: 8 }, // how to reach them (CEOP requires it)
  { key: 'organisation', keep: 7 }, // the school
  { key: 'recordedAt', keep: 1 }, // when the record was written
];

export const categoryKey = (c: string): string => `report_cat_${c.replace(/-/g, '_')}`;

/** '2026-11-23T14:05' → '2026-11-23 14:05' (unambiguous in every region). */
export function formatDate(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local);
  if (!m) return local.trim();
  return m[4] ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Cybertip.ca's form asks MM/DD/YYYY and hh:mm AM/PM (reporting.md §2.1). */
export function formatDateMdy(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local);
  if (!m) return local.trim();
  const day = `${m[2]}/${m[3]}/${m[1]}`;
  if (!m[4]) return day;
  const h = Number(m[4]);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${day} ${String(h12).padStart(2, '0')}:${m[5]} ${h < 12 ? 'AM' : 'PM'}`;
}

export interface BuildContext {
  labels: Labels;
  /** When the record is written (ISO). */
  recordedAt: string;
}

/** The value of one field as text ('' when the reporter left it empty). */
export function fieldValue(report: ReportData, key: FieldKey, ctx: BuildContext): string {
  const L = ctx.labels;
  switch (key) {
    case 'category':
      return report.category ? L(categoryKey(report.category)) : '';
    case 'urgency':
      return report.urgency ? L(`report_urg_${report.urgency}`) : '';
    case 'incidentAt':
      return report.incidentAt ? `${formatDate(report.incidentAt)}${report.incidentTz?.trim() ? ` (${report.incidentTz.trim()})` : ''}` : '';
    case 'noPromise':
      return report.noPromise ? L('report_nopromise_value') : '';
    case 'otherPerson': {
      const who = report.otherPerson.trim();
      if (!who && report.otherKind === 'unknown') return '';
      return report.otherKind === 'unknown' ? who : `${who}${who ? ' ' : ''}(${L(`report_kind_${report.otherKind}`)})`;
    }
    case 'selectedText':
      return report.selectedText.trim() ? `“${report.selectedText.trim()}”` : '';
    case 'recordedAt':
      return ctx.recordedAt ? formatDate(ctx.recordedAt.slice(0, 16)) : '';
    default:
      return String(report[key as keyof ReportData] ?? '').trim();
  }
}

export const label = (key: FieldKey, L: Labels) => L(`report_f_${key}`);

/** The filled fields among `keys`, in FIELD_ORDER, one "Label: value" per line (a multi-line value under its label). */
export function lines(report: ReportData, ctx: BuildContext, keys: readonly FieldKey[], eol: string): string {
  const out: string[] = [];
  for (const { key } of FIELD_ORDER) {
    if (!keys.includes(key)) continue;
    const value = fieldValue(report, key, ctx);
    if (!value) continue;
    out.push(value.includes('\n') ? `${label(key, ctx.labels)}:${eol}${value.split(/\r?\n/).join(eol)}` : `${label(key, ctx.labels)}: ${value}`);
  }
  return out.join(eol);
}

const ALL_KEYS = FIELD_ORDER.map((f) => f.key);

/** The full record, every filled field, for "copy full report" and downloads. */
export function fullText(raw: ReportData, ctx: BuildContext): string {
  const report = sanitizeReport(raw);
  return `${ctx.labels('report_text_title')}\n\n${lines(report, ctx, ALL_KEYS, '\n')}\n`;
}

/** The parts of a destination's form side-list, in the form's own order. */
export interface SideListEntry {
  formField: string;
  value: string;
}

function formValue(from: FormField['from'], report: ReportData, ctx: BuildContext): string {
  switch (from) {
    case 'date-mdy':
      return report.incidentAt ? formatDateMdy(report.incidentAt) : '';
    case 'date':
      return fieldValue(report, 'incidentAt', ctx);
    case 'publicContent':
      return ctx.labels(report.publicContent ? 'report_yes' : 'report_no');
    default:
      return fieldValue(report, from, ctx);
  }
}

export function sideList(destination: Destination, raw: ReportData, ctx: BuildContext): SideListEntry[] {
  const report = sanitizeReport(raw);
  return (destination.formFields ?? []).map((f) => ({ formField: ctx.labels(f.label), value: formValue(f.from, report, ctx) }));
}

/**
 * The clipboard summary for a web form (reporting.md §6): category, when, platform, URL with passcode removed,
 * the other person, the facts, actions taken; each only if filled. Dates in the form's own format when it has one.
 */
export const SUMMARY_FIELDS: readonly FieldKey[] = ['category', 'incidentAt', 'platform', 'url', 'otherPerson', 'facts', 'actionsTaken', 'platformRef'];

export function clipboardText(destination: Destination | null, raw: ReportData, ctx: BuildContext): string {
  const report = sanitizeReport(raw);
  const mdy = destination?.formFields?.some((f) => f.from === 'date-mdy');
  let text = lines(report, ctx, SUMMARY_FIELDS, '\n');
  if (mdy && report.incidentAt) text = text.replace(formatDate(report.incidentAt), formatDateMdy(report.incidentAt));
  return text;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A printable, self-contained HTML record (no script, no remote resource). */
export function reportHtml(raw: ReportData, ctx: BuildContext, lang: 'en' | 'fr', destinationsUsed: string[] = []): string {
  const report = sanitizeReport(raw);
  const rows = FIELD_ORDER.map(({ key }) => [label(key, ctx.labels), fieldValue(report, key, ctx)] as const)
    .filter(([, v]) => v)
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v).replace(/\n/g, '<br>')}</td></tr>`)
    .join('\n');
  const used = destinationsUsed.length ? `<p>${esc(ctx.labels('report_f_destinations'))}: ${esc(destinationsUsed.join(', '))}</p>` : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(ctx.labels('report_text_title'))}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;color:#111}th{text-align:left;vertical-align:top;padding:.3rem 1rem .3rem 0;white-space:nowrap}td{padding:.3rem 0}</style>
</head><body><h1>${esc(ctx.labels('report_text_title'))}</h1>
<table>
${rows}
</table>
${used}
</body></html>
`;
}

/**
 * A short prompt list for a phone call to the DPJ, Cybertip.ca, a child-welfare line or 119: what the person on
 * the phone will ask, each with what the report already holds ('' = not written yet). Redacted like every text.
 */
export const CALL_PROMPTS: readonly { label: string; key: FieldKey }[] = [
  { label: 'report_call_p_child', key: 'child' },
  { label: 'report_call_p_where', key: 'childLocation' },
  { label: 'report_call_p_what', key: 'facts' },
  { label: 'report_call_p_words', key: 'verbatim' },
  { label: 'report_call_p_when', key: 'incidentAt' },
  { label: 'report_call_p_other', key: 'otherPerson' },
  { label: 'report_call_p_done', key: 'actionsTaken' },
  { label: 'report_call_p_you', key: 'reporterContact' },
];

export function callPrompts(raw: ReportData, ctx: BuildContext): { label: string; value: string }[] {
  const report = sanitizeReport(raw);
  return CALL_PROMPTS.map((p) => ({ label: ctx.labels(p.label), value: fieldValue(report, p.key, ctx) }));
}
