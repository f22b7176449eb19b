import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS, type ItemId } from '../../utils/checklist/items';
import seesaw from '../../utils/platforms/seesaw';
import type { ReadContext } from '../../utils/platforms/types';
import { loadFixture, statesOf } from './fixture-loader';

const F = 'tests/fixtures/seesaw';
const CLASS = 'class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0';
const CLASS_URL = `https://app.seesaw.me/#/activities/class/${CLASS}`;
const READ: ItemId[] = ['restricted-access', 'chat-control', 'private-chat-off', 'school-account', 'personal-info-limited'];
const NA = ITEM_IDS.filter((id) => !READ.includes(id));

function ctxFor(url: string, html: string): ReadContext {
  const w = new Window({ url });
  w.document.body.innerHTML = html;
  return { doc: w.document as unknown as Document, url: new URL(url) };
}

function expectOnly(s: Record<string, string>, known: Partial<Record<ItemId, string>>) {
  for (const id of READ) expect(s[id], id).toBe(known[id] ?? 'unknown');
  for (const id of NA) expect(s[id], id).toBe('n/a');
}

const panel = (switches: Record<string, boolean>) =>
  `<div role="dialog">${Object.entries(switches)
    .map(([label, on], i) => `<span id="s${i}">${label}</span><button role="switch" aria-checked="${on}" aria-labelledby="s${i}"></button>`)
    .join('')}</div>`;

describe('seesaw URL predicates', () => {
  it.each(seesaw.exampleUrls.yes)('matches %s', (u) => expect(seesaw.matches(new URL(u))).toBe(true));
  it.each(seesaw.exampleUrls.no)('does not match %s', (u) => expect(seesaw.matches(new URL(u))).toBe(false));

  it('room key: the class id, without the hash query', () => {
    expect(seesaw.roomKey(new URL(`${CLASS_URL}/display/pending?x=secret`))).toBe(`seesaw:${CLASS}`);
    expect(seesaw.roomKey(new URL(`https://app.seesaw.me/#/family/journals/person.abc123/${CLASS.toUpperCase()}`))).toBe(`seesaw:${CLASS}`);
    expect(seesaw.roomKey(new URL('https://app.seesaw.me/#/home?token=secret'))).toBe('seesaw:app.seesaw.me/home');
  });

  it('teacher class pages remember their class settings; family pages remember nothing', () => {
    expect(seesaw.rememberedScopes!(ctxFor(`${CLASS_URL}/display/pending`, ''))).toEqual([`seesaw:${CLASS}`]);
    expect(seesaw.rememberedScopes!(ctxFor(`https://app.seesaw.me/#/family/journals/person.abc123/${CLASS}`, ''))).toEqual([]);
  });
});

describe('seesaw fixtures', () => {
  it('teacher-class-en: the approval queue is a class page and a teacher-only route', async () => {
    const ctx = await loadFixture(`${F}/teacher-class-en.html`, seesaw);
    expect(seesaw.isMeetingPage(ctx)).toBe(true);
    expect(seesaw.settingsScope!(ctx)).toBeNull();
    expect(seesaw.role(ctx)).toBe('host');
    expectOnly(statesOf(seesaw, ctx), {});
    expect(seesaw.read(ctx)['camera-control']?.evidence).toMatch(/no video meeting/);
  });

  it('teacher-settings-safe-en: the class settings panel is a settings page; comments reviewed, family access on, work private', async () => {
    const ctx = await loadFixture(`${F}/teacher-settings-safe-en.html`, seesaw);
    expect(seesaw.settingsScope!(ctx)).toBe(`seesaw:${CLASS}`);
    expect(seesaw.isMeetingPage(ctx)).toBe(false);
    expect(seesaw.role(ctx)).toBe('host');
    const f = seesaw.read(ctx);
    expectOnly(statesOf(seesaw, ctx), { 'chat-control': 'pass', 'private-chat-off': 'pass', 'personal-info-limited': 'pass' });
    expect(f['chat-control']).toMatchObject({ via: 'aria' });
    expect(f['chat-control']?.evidence).toContain('"New comments require approval" aria-checked="true"');
    expect(f['private-chat-off']?.evidence).toContain('"Family access" aria-checked="true"');
  });

  it('teacher-settings-unsafe-en: open comments, no family access, shared work → three fails', async () => {
    const ctx = await loadFixture(`${F}/teacher-settings-unsafe-en.html`, seesaw);
    expect(seesaw.settingsScope!(ctx)).toBe(`seesaw:${CLASS}`);
    const f = seesaw.read(ctx);
    expectOnly(statesOf(seesaw, ctx), { 'chat-control': 'fail', 'private-chat-off': 'fail', 'personal-info-limited': 'fail' });
    expect(f['personal-info-limited']?.evidence).toContain("\"Students can see each other's work\" aria-checked=\"true\"");
    expect(f['chat-control']?.fixable).not.toBe(false);
  });

  it('teacher-settings-fr: unverified French labels are not read: no settings scope, role unknown, all to confirm', async () => {
    const ctx = await loadFixture(`${F}/teacher-settings-fr.html`, seesaw);
    expect(seesaw.settingsScope!(ctx)).toBeNull();
    expect(seesaw.isMeetingPage(ctx)).toBe(true);
    expect(seesaw.role(ctx)).toBe('unknown');
    expectOnly(statesOf(seesaw, ctx), {});
  });

  it.each(['en', 'fr'])('participant-family-journal-%s: a family view, school-account n/a, everything else to confirm', async (lang) => {
    const ctx = await loadFixture(`${F}/participant-family-journal-${lang}.html`, seesaw);
    expect(seesaw.isMeetingPage(ctx)).toBe(true);
    expect(seesaw.role(ctx)).toBe('participant');
    expect(seesaw.settingsScope!(ctx)).toBeNull();
    expectOnly(statesOf(seesaw, ctx), { 'school-account': 'n/a' });
  });
});

describe('seesaw settings logic', () => {
  const read = (switches: Record<string, boolean>) => statesOf(seesaw, ctxFor(CLASS_URL, panel(switches)));

  it('chat-control: comments off, or approval on, pass; on without approval fails; partial reading stays to confirm', () => {
    expect(read({ 'Student comments': false })['chat-control']).toBe('pass');
    expect(read({ 'New comments require approval': true })['chat-control']).toBe('pass');
    expect(read({ 'Student comments': true, 'New comments require approval': false })['chat-control']).toBe('fail');
    expect(read({ 'Student comments': true })['chat-control']).toBe('unknown');
    expect(read({ 'New comments require approval': false })['chat-control']).toBe('unknown');
  });

  it('personal-info-limited: any exposure fails; a pass needs both switches read (or family access off)', () => {
    expect(read({ "Students can see each other's work": true })['personal-info-limited']).toBe('fail');
    expect(read({ 'Families can share posts': true })['personal-info-limited']).toBe('fail');
    expect(read({ "Students can see each other\u2019s work": false })['personal-info-limited']).toBe('unknown');
    expect(read({ "Students can see each other's work": false, 'Family access': false })['personal-info-limited']).toBe('pass');
    expect(read({ "Students can see each other's work": false, 'Families can share posts': false })['personal-info-limited']).toBe('pass');
  });
});

describe('seesaw on odd pages', () => {
  const noPass = (ctx: ReadContext) => Object.values(seesaw.read(ctx)).filter((f) => f?.state === 'pass');

  it('empty and mid-load pages: no throw, nothing passes, no settings scope', () => {
    for (const html of ['', '<div aria-busy="true"></div>']) {
      const ctx = ctxFor(CLASS_URL, html);
      expect(noPass(ctx)).toEqual([]);
      expect(seesaw.settingsScope!(ctx)).toBeNull();
    }
  });

  it('text that claims a setting, and German labels, are not evidence', () => {
    expect(noPass(ctxFor(CLASS_URL, "<p>Student comments: off. Family access: on. Students can see each other's work: off.</p>"))).toEqual([]);
    expect(noPass(ctxFor(CLASS_URL, panel({ 'Kommentare von Schülern': false, Familienzugang: true })))).toEqual([]);
  });

  it('duplicated ids / disagreeing copies of a switch → to confirm', () => {
    const html = panel({ 'Family access': true }) + panel({ 'Family access': false });
    expect(statesOf(seesaw, ctxFor(CLASS_URL, html))['private-chat-off']).toBe('unknown');
  });

  it('a huge DOM (5,000 journal posts) never throws and passes nothing', () => {
    const posts = Array.from({ length: 5000 }, (_, i) => `<article><p>Post ${i}</p><button aria-pressed="false">Like</button><input type="checkbox" aria-label="Select post ${i}"></article>`).join('');
    const ctx = ctxFor(CLASS_URL, posts);
    expect(noPass(ctx)).toEqual([]);
    expect(seesaw.settingsScope!(ctx)).toBeNull();
    // Its cost is checked relative to a smaller page in tests/platforms/huge-dom.test.ts (linear, not absolute ms).
  }, 30_000);

  it('URLs with no class are not class pages', () => {
    expect(seesaw.isMeetingPage(ctxFor('https://app.seesaw.me/#/home', ''))).toBe(false);
  });
});
