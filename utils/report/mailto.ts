import { categoryKey, FIELD_ORDER, fieldValue, formatDate, lines, sanitizeReport, type BuildContext, type FieldKey } from './build';
import type { ReportData } from './types';

/**
 * The e-mail draft of a report: a mailto: URL with subject and body only (RFC 6068), capped in length so mail
 * handlers open it; the least important fields go first (FIELD_ORDER.keep), then the facts are shortened, and the
 * body says so. Built from the same redacted fields as every other text (build.ts).
 */

/** About 1,500 characters: long mailto: links fail in some mail handlers (reporting.md §3). */
export const MAILTO_BODY_CAP = 1500;
/** And the whole encoded URL stays well under the ~6 KB where one webmail compose failed. */
export const MAILTO_URL_CAP = 5000;

export function mailSubject(report: ReportData, ctx: BuildContext): string {
  const cat = report.category ? ctx.labels(categoryKey(report.category)) : ctx.labels('report_cat_none');
  const date = report.incidentAt ? formatDate(report.incidentAt) : formatDate(ctx.recordedAt.slice(0, 16));
  return ctx.labels('report_mail_subject', [cat, date]);
}

export interface MailtoResult {
  url: string;
  body: string;
  /** Fields left out to fit the cap, least important first. */
  dropped: FieldKey[];
  /** The facts themselves had to be shortened. */
  truncated: boolean;
}

function encodeMailto(address: string, subject: string, body: string): string {
  // RFC 6068: only subject and body are portable; percent-encode everything, CRLF line breaks.
  const to = address
    .split('@')
    .map((p) => encodeURIComponent(p))
    .join('@');
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * A mailto: URL with subject and body. If the body is over `cap` characters (or the URL over `urlCap`), the least
 * important fields are dropped first (FIELD_ORDER.keep), then the facts are shortened; the body then says so and
 * points to the full report.
 */
export function buildMailto(address: string, raw: ReportData, ctx: BuildContext, cap = MAILTO_BODY_CAP, urlCap = MAILTO_URL_CAP): MailtoResult {
  const report = sanitizeReport(raw);
  const subject = mailSubject(report, ctx);
  const eol = '\r\n';
  const present = FIELD_ORDER.filter((f) => fieldValue(report, f.key, ctx));
  const dropOrder = [...present].filter((f) => f.keep < 10).sort((a, b) => a.keep - b.keep || FIELD_ORDER.indexOf(b) - FIELD_ORDER.indexOf(a));
  const dropped: FieldKey[] = [];
  let truncated = false;
  const fits = (body: string) => body.length <= cap && encodeMailto(address, subject, body).length <= urlCap;
  const compose = (r: ReportData, keys: FieldKey[]) => {
    const note = dropped.length || truncated ? `${eol}${eol}${ctx.labels('report_mail_shortened')}` : '';
    return `${lines(r, ctx, keys, eol)}${note}`;
  };
  let keys = present.map((f) => f.key);
  let body = compose(report, keys);
  for (const f of dropOrder) {
    if (fits(body)) break;
    dropped.push(f.key);
    keys = keys.filter((k) => k !== f.key);
    body = compose(report, keys);
  }
  if (!fits(body)) {
    // Last resort: shorten the facts (never the category), keeping as much as fits.
    truncated = true;
    let facts = report.facts;
    let lo = 0;
    let hi = facts.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(compose({ ...report, facts: `${report.facts.slice(0, mid)}…` }, keys))) lo = mid;
      else hi = mid - 1;
    }
    facts = `${report.facts.slice(0, lo)}…`;
    body = compose({ ...report, facts }, keys);
    if (!fits(body)) {
      // The exact words alone are longer than an e-mail can carry: shorten them last (the full report keeps them).
      let vlo = 0;
      let vhi = report.verbatim.length;
      while (vlo < vhi) {
        const mid = Math.ceil((vlo + vhi) / 2);
        if (fits(compose({ ...report, facts, verbatim: `${report.verbatim.slice(0, mid)}…` }, keys))) vlo = mid;
        else vhi = mid - 1;
      }
      body = compose({ ...report, facts, verbatim: `${report.verbatim.slice(0, vlo)}…` }, keys);
    }
  }
  return { url: encodeMailto(address, subject, body), body, dropped, truncated };
}
