import { readdirSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS, type ItemId } from '../../utils/checklist/items';
import classdojo from '../../utils/platforms/classdojo';
import type { ReadContext } from '../../utils/platforms/types';
import { loadFixture, statesOf } from './fixture-loader';

const F = 'tests/fixtures/classdojo';
const CID = '697d7ed028ab93052f78c907';
const READ: ItemId[] = ['restricted-access', 'chat-control', 'private-chat-off', 'school-account', 'personal-info-limited'];
const NA = ITEM_IDS.filter((id) => !READ.includes(id));

function ctxFor(url: string, html: string, extra: Partial<ReadContext> = {}): ReadContext {
  const w = new Window({ url });
  w.document.body.innerHTML = html;
  return { doc: w.document as unknown as Document, url: new URL(url), ...extra };
}

/** Every applicable item of `s` is unknown except those listed. */
function expectOnly(s: Record<string, string>, known: Partial<Record<ItemId, string>>) {
  for (const id of READ) expect(s[id], id).toBe(known[id] ?? (id === 'school-account' && s[id] === 'n/a' ? 'n/a' : 'unknown'));
  for (const id of NA) expect(s[id], id).toBe('n/a');
}

describe('classdojo URL predicates', () => {
  it.each(classdojo.exampleUrls.yes)('matches %s', (u) => expect(classdojo.matches(new URL(u))).toBe(true));
  it.each(classdojo.exampleUrls.no)('does not match %s', (u) => expect(classdojo.matches(new URL(u))).toBe(false));

  it('room key: the class id, never the hash query or a login token', () => {
    expect(classdojo.roomKey(new URL(`https://teach.classdojo.com/#/classes/${CID.toUpperCase()}/points?settings=true`))).toBe(`classdojo:${CID}`);
    expect(classdojo.roomKey(new URL('https://home.classdojo.com/#/messages/abc?x=1'))).toBe('classdojo:home.classdojo.com/messages');
    expect(classdojo.roomKey(new URL('https://student.classdojo.com/#/directLogin?token=SECRET&studentId=s'))).not.toMatch(/SECRET|token/);
  });

  it('settings scopes: class settings, school settings, account tab; none elsewhere', () => {
    const scope = (u: string) => classdojo.settingsScope!({ doc: new Window().document as unknown as Document, url: new URL(u) });
    expect(scope(`https://teach.classdojo.com/#/classes/${CID}/points?settings=true`)).toBe(`classdojo:${CID}`);
    expect(scope('https://teach.classdojo.com/#/schools/story?schoolSettings=true')).toBe('classdojo:school');
    expect(scope('https://teach.classdojo.com/#/schools/6567d2019192fd8cf6c506d5/story?schoolSettings=true')).toBe('classdojo:school');
    expect(scope('https://teach.classdojo.com/#/launchpad?settingsTab=profile')).toBe('classdojo:account');
    expect(scope(`https://teach.classdojo.com/#/classes/${CID}/points`)).toBeNull();
    expect(scope(`https://teach.classdojo.com/#/classes/${CID}/points?settings=false`)).toBeNull();
    expect(scope('https://home.classdojo.com/#/story?schoolSettings=true')).toBeNull();
    expect(scope('https://teach.classdojo.com/#/launchpad?settingsTab=security')).toBeNull();
  });

  it('a class page remembers its class settings first, then the school settings and the account tab', () => {
    const ctx = ctxFor(`https://teach.classdojo.com/#/classes/${CID}/story`, '');
    expect(classdojo.rememberedScopes!(ctx)).toEqual([`classdojo:${CID}`, 'classdojo:school', 'classdojo:account']);
    expect(classdojo.rememberedScopes!(ctxFor('https://home.classdojo.com/#/story', ''))).toEqual([]);
  });
});

describe('classdojo fixtures', () => {
  it('has teacher and student fixtures in both languages, each declaring a ClassDojo URL', () => {
    const names = readdirSync(F);
    expect(names.filter((n) => n.endsWith('-en.html')).length).toBeGreaterThanOrEqual(2);
    expect(names.filter((n) => n.endsWith('-fr.html')).length).toBeGreaterThanOrEqual(2);
  });

  it('teacher-class-en: a class page, host from the URL, nothing readable yet', async () => {
    const ctx = await loadFixture(`${F}/teacher-class-en.html`, classdojo);
    expect(classdojo.isMeetingPage(ctx)).toBe(true);
    expect(classdojo.settingsScope!(ctx)).toBeNull();
    expect(classdojo.role(ctx)).toBe('host');
    expectOnly(statesOf(classdojo, ctx), {});
    expect(classdojo.read(ctx)['waiting-room']?.evidence).toMatch(/no video meeting/);
  });

  it('teacher-class-fr: same reading in French (URL facts are language-independent)', async () => {
    const ctx = await loadFixture(`${F}/teacher-class-fr.html`, classdojo);
    expect(classdojo.isMeetingPage(ctx)).toBe(true);
    expect(classdojo.role(ctx)).toBe('host');
    expectOnly(statesOf(classdojo, ctx), {});
  });

  it('teacher-class-settings-safe-en: a settings page for this class; comments off → chat-control passes (ARIA state)', async () => {
    const ctx = await loadFixture(`${F}/teacher-class-settings-safe-en.html`, classdojo);
    expect(classdojo.settingsScope!(ctx)).toBe(`classdojo:${CID}`);
    expect(classdojo.isMeetingPage(ctx)).toBe(false);
    const f = classdojo.read(ctx);
    expectOnly(statesOf(classdojo, ctx), { 'chat-control': 'pass' });
    expect(f['chat-control']).toMatchObject({ via: 'aria' });
    expect(f['chat-control']?.evidence).toContain('"Class Story comments" aria-checked="false"');
  });

  it('teacher-class-settings-unsafe-fr: the switch is on, but its French label is unverified → to confirm, never guessed', async () => {
    const ctx = await loadFixture(`${F}/teacher-class-settings-unsafe-fr.html`, classdojo);
    expect(classdojo.settingsScope!(ctx)).toBe(`classdojo:${CID}`);
    expectOnly(statesOf(classdojo, ctx), {});
  });

  it('teacher-school-settings-safe-en: comments off, chat off, monster avatars on → three passes', async () => {
    const ctx = await loadFixture(`${F}/teacher-school-settings-safe-en.html`, classdojo);
    expect(classdojo.settingsScope!(ctx)).toBe('classdojo:school');
    const f = classdojo.read(ctx);
    expectOnly(statesOf(classdojo, ctx), { 'chat-control': 'pass', 'private-chat-off': 'pass', 'personal-info-limited': 'pass' });
    expect(f['personal-info-limited']).toMatchObject({ via: 'dom' }); // native checkbox named by <label for>
    expect(f['personal-info-limited']?.evidence).toContain('input[type="checkbox"] "Turn monster avatars on or off" checked');
    expect(f['private-chat-off']?.evidence).toContain('"Class or Family Chat" aria-checked="false"');
  });

  it('teacher-school-settings-unsafe-en: comments and chat on → chat-control fails; private chat and avatars stay to confirm', async () => {
    const ctx = await loadFixture(`${F}/teacher-school-settings-unsafe-en.html`, classdojo);
    const f = classdojo.read(ctx);
    expectOnly(statesOf(classdojo, ctx), { 'chat-control': 'fail' });
    expect(f['chat-control']?.evidence).toMatch(/School Story commenting.*aria-checked="true".*Class or Family Chat.*checked/);
    expect(f['private-chat-off']?.evidence).toMatch(/confirm/);
  });

  it('teacher-account-en: a personal mailbox fails school-account, citing the domain only (never the address)', async () => {
    const ctx = await loadFixture(`${F}/teacher-account-en.html`, classdojo);
    expect(classdojo.settingsScope!(ctx)).toBe('classdojo:account');
    const f = classdojo.read(ctx);
    expectOnly(statesOf(classdojo, ctx), { 'school-account': 'fail' });
    expect(f['school-account']?.evidence).toContain('"gmail.com"');
    expect(JSON.stringify(f)).not.toContain('ana.rivera');
  });

  it('school-account follows the school domains: inside → pass, outside → fail, unknown domain without policy → to confirm', async () => {
    const ctx = await loadFixture(`${F}/teacher-account-en.html`, classdojo);
    const input = ctx.doc.querySelector('input[type="email"]') as HTMLInputElement;
    input.value = 'a.rivera@ac-lyon.fr';
    expect(classdojo.read({ ...ctx, schoolDomains: ['ac-lyon.fr'] })['school-account']?.state).toBe('pass');
    expect(classdojo.read({ ...ctx, schoolDomains: ['@AC-LYON.FR'] })['school-account']?.state).toBe('pass');
    expect(classdojo.read({ ...ctx, schoolDomains: ['ecole.example'] })['school-account']?.state).toBe('fail');
    expect(classdojo.read({ ...ctx, schoolDomains: [] })['school-account']?.state).toBe('unknown');
    input.value = 'a.rivera@ac-lyon.fr.evil.example';
    expect(classdojo.read({ ...ctx, schoolDomains: ['ac-lyon.fr'] })['school-account']?.state).toBe('fail');
    input.value = 'not an address';
    expect(classdojo.read({ ...ctx, schoolDomains: ['ac-lyon.fr'] })['school-account']?.state).toBe('unknown');
  });

  it('an e-mail field outside the account tab (e.g. inviting a co-teacher) is never read as the teacher\'s account', () => {
    const ctx = ctxFor(`https://teach.classdojo.com/#/classes/${CID}/points?modal=inviteTeachers`, '<input type="email" value="someone@gmail.com">');
    expect(classdojo.read(ctx)['school-account']?.state).toBe('unknown');
  });

  it('student-story-en and participant-parent-messages-fr: participant views, school-account n/a, a composer checkbox is not a setting', async () => {
    for (const name of ['student-story-en', 'participant-parent-messages-fr']) {
      const ctx = await loadFixture(`${F}/${name}.html`, classdojo);
      expect(classdojo.isMeetingPage(ctx), name).toBe(true);
      expect(classdojo.role(ctx), name).toBe('participant');
      const s = statesOf(classdojo, ctx);
      expectOnly(s, { 'school-account': 'n/a' });
    }
  });
});

describe('classdojo on odd pages', () => {
  const url = `https://teach.classdojo.com/#/schools/story?schoolSettings=true`;
  const noPass = (ctx: ReadContext) => Object.values(classdojo.read(ctx)).filter((f) => f?.state === 'pass');

  it('empty and mid-load pages: no throw, nothing passes', () => {
    expect(noPass(ctxFor(url, ''))).toEqual([]);
    expect(noPass(ctxFor(url, '<div id="reactApplication"><div class="spinner" aria-busy="true"></div></div>'))).toEqual([]);
  });

  it('switch-looking text without a switch is not evidence; labels in another language (German) are not read', () => {
    expect(noPass(ctxFor(url, '<p>Class or Family Chat: off. School Story commenting: disabled. Monster avatars on.</p>'))).toEqual([]);
    const de = '<div role="switch" aria-checked="false" aria-label="Kommentare zur Klassengeschichte"></div><div role="switch" aria-checked="true" aria-label="Monster-Avatare"></div>';
    expect(noPass(ctxFor(url, de))).toEqual([]);
  });

  it('a switch with no state is not read', () => {
    expect(noPass(ctxFor(url, '<div role="switch" aria-label="Class or Family Chat"></div>'))).toEqual([]);
  });

  it('duplicated ids and two disagreeing copies of the same switch → to confirm', () => {
    const html =
      '<span id="x">Class or Family Chat</span><div role="switch" aria-checked="false" aria-labelledby="x"></div>' +
      '<span id="x">Class or Family Chat</span><div role="switch" aria-checked="true" aria-labelledby="x"></div>' +
      '<div role="switch" aria-checked="true" aria-label="Class or Family Chat"></div>';
    const f = classdojo.read(ctxFor(url, html));
    expect(f['private-chat-off']?.state).toBe('unknown');
  });

  it('a huge DOM (5,000 student tiles) never throws (cost: huge-dom.test.ts)', () => {
    const tiles = Array.from({ length: 5000 }, (_, i) => `<li><span>S${i}</span><input type="checkbox" aria-label="Select student ${i}"></li>`).join('');
    const ctx = ctxFor(`https://teach.classdojo.com/#/classes/${CID}/points`, `<ul>${tiles}</ul>`);
    expect(noPass(ctx)).toEqual([]);
    // Its cost is checked relative to a smaller page in tests/platforms/huge-dom.test.ts (linear, not absolute ms).
  }, 30_000);

  it('a detector that throws becomes unknown with the platform and item named', () => {
    const ctx = ctxFor('https://teach.classdojo.com/#/launchpad?settingsTab=profile', '<input type="email" value="a@b.fr">');
    Object.defineProperty(ctx, 'schoolDomains', { get: () => { throw new Error('boom'); } });
    const f = classdojo.read(ctx);
    expect(f['school-account']).toMatchObject({ state: 'unknown', evidence: expect.stringContaining('classdojo/school-account: detector error (boom)') });
  });
});
