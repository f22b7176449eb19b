import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../utils/checklist/items';
import googleClassroom from '../../utils/platforms/google-classroom';
import type { ReadContext } from '../../utils/platforms/types';
import { loadFixture, statesOf } from './fixture-loader';

const F = 'tests/fixtures/google-classroom';
const SCHOOL = { schoolDomains: ['ecole-exemple.fr'] };
const NA = ['waiting-room', 'passcode', 'recording-control', 'screen-share-host-only', 'end-for-all', 'join-before-host-off', 'mute-control', 'camera-control'];

function ctxFor(url: string, html: string, extra: Partial<ReadContext> = {}): ReadContext {
  const w = new Window({ url });
  w.document.body.innerHTML = html;
  return { doc: w.document as unknown as Document, url: new URL(url), ...extra };
}

describe('google-classroom URL predicates', () => {
  it.each(googleClassroom.exampleUrls.yes)('matches %s', (u) => expect(googleClassroom.matches(new URL(u))).toBe(true));
  it.each(googleClassroom.exampleUrls.no)('does not match %s', (u) => expect(googleClassroom.matches(new URL(u))).toBe(false));
  it('room key is the course id (no account index, query or hash)', () => {
    expect(googleClassroom.roomKey(new URL('https://classroom.google.com/u/2/c/NjQ1MjM0NTY3ODkw?cjc=abc#x'))).toBe('google-classroom:NjQ1MjM0NTY3ODkw');
  });
  it('is a classroom, and marks the live-session items n/a', () => {
    expect(googleClassroom.kind).toBe('classroom');
    for (const id of NA) expect(googleClassroom.coverage[id as keyof typeof googleClassroom.coverage], id).toBe('n/a');
  });
});

describe('google-classroom fixtures', () => {
  it('teacher-stream-en: teacher (gear), school account passes; code and Meet link seen by the teacher are not judged', async () => {
    const ctx = await loadFixture(`${F}/teacher-stream-en.html`, googleClassroom, SCHOOL);
    expect(googleClassroom.isMeetingPage(ctx)).toBe(true);
    expect(googleClassroom.settingsScope!(ctx)).toBeNull();
    expect(googleClassroom.rememberedScopes!(ctx)).toEqual(['classroom:NjQ1MjM0NTY3ODkw']);
    expect(googleClassroom.role(ctx)).toBe('host');
    const s = statesOf(googleClassroom, ctx);
    expect(Object.keys(s).sort()).toEqual([...ITEM_IDS].sort());
    for (const id of NA) expect(s[id], id).toBe('n/a');
    expect(s).toMatchObject({
      'school-account': 'pass',
      'restricted-access': 'unknown',
      'no-stay-after-host': 'unknown',
      'chat-control': 'unknown',
      'private-chat-off': 'unknown',
      'authenticated-only': 'unknown',
      'personal-info-limited': 'unknown',
    });
    expect(googleClassroom.read(ctx)['school-account']?.evidence).toContain('@ecole-exemple.fr');
  });

  it('teacher-stream-en without school domains set: the account stays to confirm', async () => {
    const ctx = await loadFixture(`${F}/teacher-stream-en.html`, googleClassroom);
    expect(googleClassroom.read(ctx)['school-account']).toMatchObject({ state: 'unknown', evidence: expect.stringContaining('no school domain') });
  });

  it('teacher-stream-fr: personal gmail account fails, whatever the school domains', async () => {
    for (const extra of [SCHOOL, {}]) {
      const ctx = await loadFixture(`${F}/teacher-stream-fr.html`, googleClassroom, extra);
      expect(googleClassroom.role(ctx)).toBe('host');
      expect(googleClassroom.read(ctx)['school-account']).toMatchObject({ state: 'fail', via: 'aria', evidence: expect.stringContaining('@gmail.com') });
    }
  });

  it('student-stream-en: class code and Meet link shown to students fail access and no-stay-after-host', async () => {
    const ctx = await loadFixture(`${F}/student-stream-en.html`, googleClassroom, SCHOOL);
    expect(googleClassroom.role(ctx)).toBe('unknown');
    const f = googleClassroom.read(ctx);
    expect(f['restricted-access']).toMatchObject({ state: 'fail', evidence: expect.stringContaining('labelled "Class code"') });
    expect(f['no-stay-after-host']).toMatchObject({ state: 'fail', via: 'dom' });
    expect(f['restricted-access']?.evidence).not.toContain('w4n9cxe');
  });

  it('student-stream-fr: nothing exposed; nothing passes but the school account', async () => {
    const ctx = await loadFixture(`${F}/student-stream-fr.html`, googleClassroom, SCHOOL);
    const s = statesOf(googleClassroom, ctx);
    expect(Object.entries(s).filter(([, v]) => v === 'pass' || v === 'fail')).toEqual([['school-account', 'pass']]);
  });

  it('teacher-settings-unsafe-en: a settings page for that class; invite codes on, open stream, visible Meet link all fail', async () => {
    const ctx = await loadFixture(`${F}/teacher-settings-unsafe-en.html`, googleClassroom, SCHOOL);
    expect(googleClassroom.settingsScope!(ctx)).toBe('classroom:ODc2NTQzMjEwOTg3');
    expect(googleClassroom.isMeetingPage(ctx)).toBe(false);
    expect(googleClassroom.role(ctx)).toBe('host');
    expect(statesOf(googleClassroom, ctx)).toMatchObject({ 'restricted-access': 'fail', 'chat-control': 'fail', 'no-stay-after-host': 'fail', 'school-account': 'pass' });
    expect(googleClassroom.read(ctx)['chat-control']?.evidence).toContain('"Students can post and comment"');
  });

  // Issue 14: "Invite codes" and "Visible to students" have no Google help page recorded in labels.ts, so their safe
  // (off) positions are "to confirm" instead of pass; their unsafe (on) positions still fail (teacher-settings-unsafe-en).
  it('teacher-settings-safe-en: invite codes off and hidden Meet link are read from ARIA state but stay to confirm (labels unverified), as does the stream label', async () => {
    const ctx = await loadFixture(`${F}/teacher-settings-safe-en.html`, googleClassroom, SCHOOL);
    const f = googleClassroom.read(ctx);
    expect(f['restricted-access']).toMatchObject({ state: 'unknown', evidence: expect.stringContaining('"Invite codes" is off') });
    expect(f['restricted-access']?.evidence).toContain('no Google help page');
    expect(f['no-stay-after-host']).toMatchObject({ state: 'unknown', evidence: expect.stringContaining('"Visible to students" is off') });
    expect(f['chat-control']).toMatchObject({ state: 'unknown', evidence: expect.stringContaining('Only teachers can post or comment') });
  });

  it('teacher-settings-fr: the FR open-stream option fails; switches with no documented FR name stay to confirm', async () => {
    const ctx = await loadFixture(`${F}/teacher-settings-fr.html`, googleClassroom, SCHOOL);
    expect(googleClassroom.settingsScope!(ctx)).toBe('classroom:OTg3NjU0MzIxMDk4');
    expect(statesOf(googleClassroom, ctx)).toMatchObject({ 'chat-control': 'fail', 'restricted-access': 'unknown', 'no-stay-after-host': 'unknown', 'school-account': 'pass' });
  });
});

describe('google-classroom on odd and hostile DOM', () => {
  const url = 'https://classroom.google.com/c/NjQ1MjM0NTY3ODkw';
  const decided = (ctx: ReadContext) => Object.entries(googleClassroom.read(ctx)).filter(([, f]) => f?.state === 'pass' || f?.state === 'fail');

  it('empty page: not yet a class page, nothing decided', () => {
    const ctx = ctxFor(url, '');
    expect(googleClassroom.isMeetingPage(ctx)).toBe(false);
    expect(googleClassroom.settingsScope!(ctx)).toBeNull();
    expect(decided(ctx)).toEqual([]);
  });

  it('mid-load page (header only): nothing decided', () => {
    expect(decided(ctxFor(url, '<header><div role="progressbar"></div></header>'))).toEqual([]);
  });

  it('labels in another language (German): no pass, no fail', () => {
    const html =
      '<div role="dialog" aria-label="Kurseinstellungen"><h2>Kurseinstellungen</h2><span id="a">Einladungscodes</span><div role="switch" aria-checked="false" aria-labelledby="a"></div><div role="radio" aria-checked="true">Schüler können posten und kommentieren</div></div><div><span>Kurscode</span><div>abc1234</div></div>';
    const ctx = ctxFor(url, html);
    expect(googleClassroom.settingsScope!(ctx)).toBeNull();
    expect(decided(ctx)).toEqual([]);
  });

  it('a "Class code" caption with no code beside it, or prose mentioning it, is not an exposure', () => {
    expect(decided(ctxFor(url, '<div><span>Class code</span><button>Turn on</button></div><p>Ask your teacher for the Class code</p>'))).toEqual([]);
  });

  it('a Meet link posted in the stream (not under "Meet link") is not the class link', () => {
    expect(decided(ctxFor(url, '<article><p>Today: <a href="https://meet.google.com/abc-defg-hij">meet</a></p></article>'))).toEqual([]);
  });

  it('an unselected stream option and a stateless "Invite codes" switch decide nothing', () => {
    const html = '<div role="dialog" aria-label="Class settings"><span id="a">Invite codes</span><div role="switch" aria-labelledby="a"></div><div role="radio" aria-checked="false">Students can post and comment</div></div>';
    const ctx = ctxFor(url, html);
    expect(googleClassroom.settingsScope!(ctx)).toBe('classroom:NjQ1MjM0NTY3ODkw');
    expect(decided(ctx)).toEqual([]);
  });

  // Was "the first decides" ('fail'): a fake switch placed first would then decide. Now they must agree.
  it('duplicated switches that disagree: to confirm; no throw', () => {
    const html = '<div role="dialog" aria-label="Class settings"><span id="a">Invite codes</span><div role="switch" aria-checked="true" aria-labelledby="a"></div><span id="a">Invite codes</span><div role="switch" aria-checked="false" aria-labelledby="a"></div></div>';
    expect(googleClassroom.read(ctxFor(url, html))['restricted-access']?.state).toBe('unknown');
  });

  it('an e-mail in some other link is not the signed-in account', () => {
    const ctx = ctxFor(url, '<a href="mailto:x@gmail.com" aria-label="Write to x@gmail.com">x</a>', SCHOOL);
    expect(googleClassroom.read(ctx)['school-account']?.state).toBe('unknown');
  });

  it('a huge stream (5,000 posts) is read without throwing, in reasonable time', () => {
    const posts = Array.from({ length: 5000 }, (_, i) => `<article><span>Post ${i}</span><div>abc${i}</div></article>`).join('');
    const ctx = ctxFor(url, `<div><span>Class code</span><div>w4n9cxe</div></div>${posts}`);
    const f = googleClassroom.read(ctx);
    // Its cost is checked relative to a smaller page in tests/platforms/huge-dom.test.ts (linear, not absolute ms).
    expect(f['restricted-access']?.state).toBe('fail');
  });

  it('a context whose URL throws is reported as detector errors, never thrown', () => {
    const ctx = ctxFor(url, '');
    const broken = { doc: ctx.doc, get url(): URL { throw new Error('boom'); } } as ReadContext;
    const f = googleClassroom.read(broken);
    expect(Object.keys(f).length).toBe(ITEM_IDS.length);
  });
});
