import { describe, expect, it } from 'vitest';
import { callPrompts, clipboardText, FIELD_ORDER, formatDateMdy, fullText, reportHtml, sanitizeReport, sideList, type BuildContext } from '../../../utils/report/build';
import { buildMailto, MAILTO_BODY_CAP } from '../../../utils/report/mailto';
import { DESTINATIONS } from '../../../utils/report/destinations';
import { EMPTY_REPORT, type ReportData } from '../../../utils/report/types';
import { labelsFor } from './labels';

const en: BuildContext = { labels: labelsFor('en'), recordedAt: '2026-11-23T15:30:00.000Z' };
const fr: BuildContext = { labels: labelsFor('fr'), recordedAt: '2026-11-23T15:30:00.000Z' };
const dest = (id: string) => DESTINATIONS.find((d) => d.id === id)!;

const report: ReportData = {
  ...EMPTY_REPORT,
  category: 'sexual-exploitation',
  urgency: 'serious',
  incidentAt: '2026-11-23T14:05',
  platform: 'Jitsi Meet',
  url: 'https://meet.jit.si/Class5B',
  child: 'Pupil A, 12',
  otherPerson: 'guest “cool_guy99”',
  otherKind: 'adult',
  facts: 'An unknown participant joined and asked a pupil to move to a private app.',
  verbatim: '"add me on snap, don\'t tell your teacher"',
  actionsTaken: 'Removed the participant; locked the room.',
  witnesses: 'Whole class (24 pupils)',
  reporter: 'J. Martin, Year 7 teacher',
};

const decodeBody = (url: string) => decodeURIComponent(/[?&]body=([^&]*)/.exec(url)![1]);
const decodeSubject = (url: string) => decodeURIComponent(/[?&]subject=([^&]*)/.exec(url)![1]);

describe('mailto', () => {
  it('builds an RFC 6068 mailto: with subject and body only, CRLF line breaks, every field in FIELD_ORDER', () => {
    const r = buildMailto('dsl@school.example', report, en);
    expect(r.url.startsWith('mailto:dsl@school.example?subject=')).toBe(true);
    expect([...new URL(r.url).searchParams.keys()]).toEqual(['subject', 'body']);
    expect(decodeSubject(r.url)).toBe('[Safeguarding] Sexual exploitation or luring of a minor – 2026-11-23 14:05');
    const body = decodeBody(r.url);
    expect(body).toContain('\r\n');
    expect(body.split('\r\n')[0]).toBe('Category: Sexual exploitation or luring of a minor');
    expect(body).toContain('Other person involved: guest “cool_guy99” (adult)');
    expect(body).toContain('Page or meeting link: https://meet.jit.si/Class5B');
    // Order follows FIELD_ORDER.
    const positions = ['Category:', 'Urgency:', 'When it happened:', 'Platform:', 'Page or meeting link:', 'Child or children', 'Other person', 'What happened:', 'Exact words:', 'Actions already', 'Witnesses:', 'Written by', 'Record written on:'].map((p) => body.indexOf(p));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
    expect(r.dropped).toEqual([]);
    expect(r.truncated).toBe(false);
  });

  it('builds the French subject and labels from the French fragment', () => {
    const r = buildMailto('dsl@ecole.example', report, fr);
    expect(decodeSubject(r.url)).toBe("[Protection de l'enfance] Exploitation sexuelle ou leurre d'un mineur – 2026-11-23 14:05");
    expect(decodeBody(r.url)).toContain("Ce qui s'est passé: An unknown participant");
  });

  it('caps the body: drops the least important fields first (selected text, record date, witnesses…), then says so', () => {
    const long: ReportData = { ...report, selectedText: 'x'.repeat(300), witnesses: 'w'.repeat(300), evidenceNotes: 'e'.repeat(300), verbatim: 'v'.repeat(400), facts: 'f'.repeat(500) };
    const r = buildMailto('dsl@school.example', long, en);
    expect(r.body.length).toBeLessThanOrEqual(MAILTO_BODY_CAP);
    const keep = Object.fromEntries(FIELD_ORDER.map((f) => [f.key, f.keep]));
    // Dropped in rising order of importance.
    expect(r.dropped.length).toBeGreaterThan(0);
    for (let i = 1; i < r.dropped.length; i++) expect(keep[r.dropped[i]]).toBeGreaterThanOrEqual(keep[r.dropped[i - 1]]);
    expect(r.dropped.slice(0, 3)).toEqual(['recordedAt', 'selectedText', 'witnesses']);
    // What is kept is whole; the most important fields are all there.
    expect(r.body).toContain('f'.repeat(500));
    expect(r.body).toContain('Category: Sexual exploitation');
    expect(r.body).toContain('Written by (name and role): J. Martin');
    expect(r.body).toContain('(Shortened to fit an e-mail. The sender has the full report.)');
    expect(r.truncated).toBe(false);
  });

  it('shortens the facts only when everything droppable is gone, and never drops the category', () => {
    const huge: ReportData = { ...report, facts: 'word '.repeat(2000) };
    const r = buildMailto('dsl@school.example', huge, en);
    expect(r.body.length).toBeLessThanOrEqual(MAILTO_BODY_CAP);
    expect(r.truncated).toBe(true);
    expect(r.body).toContain('Category: ');
    expect(r.body).toMatch(/What happened: (word )+(word|wor|wo|w)?…/);
    expect(r.dropped).not.toContain('category');
    expect(r.dropped).not.toContain('facts');
  });

  it('also keeps the encoded URL under its cap when non-ASCII text inflates the encoding', () => {
    const accents: ReportData = { ...report, facts: 'é'.repeat(1200) };
    const r = buildMailto('dsl@school.example', accents, en, 1500, 3000);
    expect(r.url.length).toBeLessThanOrEqual(3000);
    expect(r.truncated || r.dropped.length > 0).toBe(true);
  });

  it('a short report is not touched by the cap (the cap is not always on)', () => {
    const r = buildMailto('a@b.example', { ...EMPTY_REPORT, category: 'other', facts: 'short' }, en);
    expect(r.body).toBe('Category: Other\r\nWhat happened: short\r\nRecord written on: 2026-11-23 15:30');
  });
});

describe('web forms: clipboard text and side-list', () => {
  it('Cybertip.ca gets the date as MM/DD/YYYY hh:mm AM/PM and a field list in the form’s order', () => {
    const text = clipboardText(dest('cybertip'), report, en);
    expect(text).toContain('When it happened: 11/23/2026 02:05 PM');
    expect(text).not.toContain('Exact words'); // the summary carries §6 fields only
    expect(text).not.toContain('Witnesses');
    const list = sideList(dest('cybertip'), report, en);
    expect(list[0]).toEqual({ formField: 'Incident type', value: 'Sexual exploitation or luring of a minor' });
    expect(list.find((l) => l.formField.startsWith('Date and time'))?.value).toBe('11/23/2026 02:05 PM');
    expect(list.find((l) => l.formField === 'Web address (URL)')?.value).toBe('https://meet.jit.si/Class5B');
  });

  it('formats midnight and noon correctly for the 12-hour form', () => {
    expect(formatDateMdy('2026-01-02T00:07')).toBe('01/02/2026 12:07 AM');
    expect(formatDateMdy('2026-01-02T12:00')).toBe('01/02/2026 12:00 PM');
    expect(formatDateMdy('2026-01-02')).toBe('01/02/2026');
  });

  it('leaves out fields the reporter did not fill', () => {
    const text = clipboardText(dest('pharos'), { ...EMPTY_REPORT, category: 'hate', facts: 'A post.' }, fr);
    expect(text).toBe("Catégorie: Haine\nCe qui s'est passé: A post.");
  });
});

describe('full record and downloads', () => {
  it('the full text keeps every filled field, including those the e-mail dropped', () => {
    const long: ReportData = { ...report, selectedText: 'x'.repeat(300), witnesses: 'w'.repeat(300) };
    const text = fullText(long, en);
    expect(text).toContain('x'.repeat(300));
    expect(text).toContain('w'.repeat(300));
  });

  it('the HTML record escapes what was typed (no markup from the report runs)', () => {
    const html = reportHtml({ ...report, facts: '<img src=x onerror=alert(1)>' }, en, 'en', ['lead']);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script|https?:\/\/(?!meet\.jit\.si)/);
  });
});

const TEAMS = 'https://teams.microsoft.com/meet/2345678901234?p=Xy7PqL9kT2';
const PASS = 'Xy7PqL9kT2';

describe('every field is redacted when a report is built (not only on blur)', () => {
  const dirty: ReportData = {
    ...report,
    url: TEAMS,
    selectedText: `join here ${TEAMS} now`,
    evidenceNotes: `link in chat: teams.microsoft.com/meet/2345678901234?p=${PASS}`,
    facts: `He pasted ${TEAMS}.`,
    verbatim: `"use ${TEAMS}"`,
    actionsTaken: `Reported ${TEAMS}`,
  };
  it('the full text, the e-mail, the clipboard, the side list, the HTML and the saved report carry no passcode', () => {
    const outputs = [
      fullText(dirty, en),
      buildMailto('dsl@school.example', dirty, en).url,
      decodeBody(buildMailto('dsl@school.example', dirty, en).url),
      clipboardText(dest('ceop'), dirty, en),
      JSON.stringify(sideList(dest('cybertip'), dirty, en)),
      reportHtml(dirty, en, 'en'),
      JSON.stringify(sanitizeReport(dirty)),
      JSON.stringify(callPrompts(dirty, en)),
    ];
    for (const o of outputs) expect(o).not.toContain(PASS);
    expect(fullText(dirty, en)).toContain('https://teams.microsoft.com/meet/2345678901234');
    expect(sanitizeReport(dirty).evidenceNotes).toBe('link in chat: teams.microsoft.com/meet/2345678901234');
  });
  it('the words around a link are kept as typed', () => {
    expect(sanitizeReport(dirty).selectedText).toBe('join here https://teams.microsoft.com/meet/2345678901234 now');
    expect(sanitizeReport({ ...report, facts: 'Nothing to clean, e.g. J. Martin.' }).facts).toBe('Nothing to clean, e.g. J. Martin.');
  });
});

describe('the fields services ask for', () => {
  const full: ReportData = {
    ...report,
    incidentTz: 'America/Montreal',
    childLocation: 'At home with a parent',
    cameToLight: 'The pupil told me after class',
    platformRef: 'Case 12345',
    platformReported: true,
    noPromise: true,
    reporterContact: '514 555 0100',
    organisation: 'École Exemple',
  };
  it('appear in the full record in EN and FR, the time with its zone', () => {
    const text = fullText(full, en);
    expect(text).toContain('When it happened: 2026-11-23 14:05 (America/Montreal)');
    expect(text).toContain('Where the child is now: At home with a parent');
    expect(text).toContain('How the concern came to light: The pupil told me after class');
    expect(text).toContain('The platform’s report reference: Case 12345');
    expect(text).toContain('Confidentiality: No promise of confidentiality was made to the child.');
    expect(text).toContain('How to reach you (phone or e-mail): 514 555 0100');
    expect(text).toContain('School or organisation: École Exemple');
    const texte = fullText(full, fr);
    expect(texte).toContain('Où se trouve l’enfant maintenant: At home with a parent');
    expect(texte).toContain('Confidentialité: Aucune promesse de confidentialité n’a été faite à l’enfant.');
  });
  it('no incident time typed: no time in the record (never "now")', () => {
    expect(fullText({ ...full, incidentAt: '' }, en)).not.toContain('When it happened');
  });
  it('the e-mail cap keeps the exact words whole; facts are shortened first', () => {
    const long: ReportData = { ...full, verbatim: `"${'v'.repeat(500)}"`, facts: 'f'.repeat(1200), witnesses: 'w'.repeat(200) };
    const r = buildMailto('dsl@school.example', long, en);
    expect(r.body.length).toBeLessThanOrEqual(MAILTO_BODY_CAP);
    expect(r.body).toContain(`"${'v'.repeat(500)}"`);
    expect(r.dropped).not.toContain('verbatim');
    expect(r.truncated).toBe(true);
  });
  it('exact words longer than an e-mail are shortened last, and the cap still holds', () => {
    const r = buildMailto('dsl@school.example', { ...full, verbatim: 'v'.repeat(3000) }, en);
    expect(r.body.length).toBeLessThanOrEqual(MAILTO_BODY_CAP);
    expect(r.body).toContain('Exact words: vvvv');
  });
  it('the phone prompt list says what is ready and what is missing', () => {
    const list = callPrompts({ ...full, verbatim: '' }, en);
    expect(list.map((l) => l.label)).toEqual(['The child (name, age or class):', 'Where the child is now:', 'What you saw or heard:', 'The exact words:', 'When:', 'The other person:', 'What you have already done:', 'How to reach you:']);
    expect(list[1].value).toBe('At home with a parent');
    expect(list[3].value).toBe('');
    expect(callPrompts(full, fr)[0].label).toBe('L’enfant (nom, âge ou classe) :');
  });
});
