import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../utils/checklist/items';
import bigbluebutton from '../../utils/platforms/bigbluebutton';
import { setSelfHostedOrigins } from '../../utils/platforms/self-hosted';
import type { ReadContext } from '../../utils/platforms/types';
import { isRelevant } from '../../utils/meeting/watch-meeting';
import { loadFixture, statesOf } from './fixture-loader';

const F = 'tests/fixtures/bigbluebutton';
const ORIGIN = 'https://bbb.ecole-exemple.fr';

beforeAll(() => setSelfHostedOrigins([{ origin: ORIGIN, platform: 'bigbluebutton' }]));
afterAll(() => setSelfHostedOrigins([]));

function ctxFor(url: string, html: string, referrer = ''): ReadContext {
  const w = new Window({ url });
  w.document.body.innerHTML = html;
  const doc = w.document as unknown as Document;
  Object.defineProperty(doc, 'referrer', { value: referrer });
  return { doc, url: new URL(url) };
}

describe('bigbluebutton URL predicates (origin registered by the school)', () => {
  it.each(bigbluebutton.exampleUrls.yes)('matches %s', (u) => expect(bigbluebutton.matches(new URL(u))).toBe(true));
  it.each(bigbluebutton.exampleUrls.no)('does not match %s', (u) => expect(bigbluebutton.matches(new URL(u))).toBe(false));
  it('matches nothing once the origin is removed, and never an origin registered for Jitsi', () => {
    setSelfHostedOrigins([{ origin: ORIGIN, platform: 'jitsi' }]);
    try {
      expect(bigbluebutton.matches(new URL(`${ORIGIN}/html5client/?sessionToken=x`))).toBe(false);
    } finally {
      setSelfHostedOrigins([{ origin: ORIGIN, platform: 'bigbluebutton' }]);
    }
  });
  it('room key never holds the session token, query or hash', () => {
    expect(bigbluebutton.roomKey(new URL(`${ORIGIN}/html5client/?sessionToken=secret#x`))).toBe('bigbluebutton:bbb.ecole-exemple.fr/html5client');
    expect(bigbluebutton.roomKey(new URL(`${ORIGIN}/rooms/MAT-5bx-k2q/join?x=1`))).toBe('bigbluebutton:bbb.ecole-exemple.fr/rooms/mat-5bx-k2q');
  });
});

const ALL_UNKNOWN = Object.fromEntries(ITEM_IDS.map((id) => [id, id === 'school-account' ? 'n/a' : 'unknown']));

describe('bigbluebutton fixtures rebuilt from the BBB and Greenlight source (expected verdicts written by hand)', () => {
  it('host-2x-lock-viewers-en: 2.x toggles, all ticked = all locked; pupil text "Lock viewers" / "End meeting for all" changes nothing', async () => {
    const ctx = await loadFixture(`${F}/host-2x-lock-viewers-en.html`, bigbluebutton);
    expect(bigbluebutton.matches(ctx.url)).toBe(true);
    expect(bigbluebutton.isMeetingPage(ctx)).toBe(true);
    expect(bigbluebutton.settingsScope!(ctx)).toBeNull();
    expect(bigbluebutton.role(ctx)).toBe('host');
    expect(statesOf(bigbluebutton, ctx)).toEqual({
      'waiting-room': 'unknown',
      'restricted-access': 'unknown',
      'no-stay-after-host': 'pass',
      'recording-control': 'pass',
      'private-chat-off': 'pass',
      'screen-share-host-only': 'pass',
      'end-for-all': 'pass',
      passcode: 'unknown',
      'authenticated-only': 'unknown',
      'join-before-host-off': 'unknown',
      'chat-control': 'pass',
      'school-account': 'n/a',
      'mute-control': 'pass',
      'camera-control': 'pass',
      'personal-info-limited': 'pass',
    });
    expect(bigbluebutton.read(ctx)['private-chat-off']).toMatchObject({
      via: 'dom',
      evidence: 'input[data-test="lockPrivateChat"] ticked (BBB 2.x toggle (on = locked)): viewers sending private messages locked',
    });
  });

  it('host-3x-lock-viewers-fr: 3.0 switches ON mean ALLOWED: private chat and the user list fail (they passed when read as 2.x)', async () => {
    const ctx = await loadFixture(`${F}/host-3x-lock-viewers-fr.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('host');
    expect(statesOf(bigbluebutton, ctx)).toEqual({
      'waiting-room': 'unknown',
      'restricted-access': 'unknown',
      'no-stay-after-host': 'pass',
      'recording-control': 'unknown',
      'private-chat-off': 'fail',
      'screen-share-host-only': 'unknown',
      'end-for-all': 'pass',
      passcode: 'unknown',
      'authenticated-only': 'unknown',
      'join-before-host-off': 'unknown',
      'chat-control': 'pass',
      'school-account': 'n/a',
      'mute-control': 'pass',
      'camera-control': 'pass',
      'personal-info-limited': 'fail',
    });
    expect(bigbluebutton.read(ctx)['private-chat-off']?.evidence).toBe(
      'input[data-test="lockPrivateChat"] ticked (BBB 3.0 switch (on = allowed)): viewers sending private messages allowed',
    );
  });

  it('host-3x-lock-viewers-safe-en: 3.0 switches all OFF mean all LOCKED: private chat and the user list pass', async () => {
    const ctx = await loadFixture(`${F}/host-3x-lock-viewers-safe-en.html`, bigbluebutton);
    expect(statesOf(bigbluebutton, ctx)).toMatchObject({
      'private-chat-off': 'pass',
      'personal-info-limited': 'pass',
      'chat-control': 'pass',
      'mute-control': 'pass',
      'camera-control': 'pass',
      'waiting-room': 'unknown',
    });
  });

  it('host-tabbed-permissions-fr: newest tabbed checkboxes, ticked = allowed; isolateUsers ticked fails the user list', async () => {
    const ctx = await loadFixture(`${F}/host-tabbed-permissions-fr.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('host');
    expect(statesOf(bigbluebutton, ctx)).toEqual({
      'waiting-room': 'unknown',
      'restricted-access': 'unknown',
      'no-stay-after-host': 'pass',
      'recording-control': 'pass',
      'private-chat-off': 'pass',
      'screen-share-host-only': 'unknown',
      'end-for-all': 'pass',
      passcode: 'unknown',
      'authenticated-only': 'unknown',
      'join-before-host-off': 'unknown',
      'chat-control': 'pass',
      'school-account': 'n/a',
      'mute-control': 'pass',
      'camera-control': 'pass',
      'personal-info-limited': 'fail',
    });
    expect(bigbluebutton.read(ctx)['personal-info-limited']?.evidence).toBe(
      'input[data-test="lockUserList"] ticked (BBB tabbed modal checkbox (ticked = allowed)): viewers seeing other viewers in the user list allowed',
    );
  });

  it('host-tabbed-guest-policy-en: the MUI guest-policy select on "Always accept" fails the waiting room', async () => {
    const ctx = await loadFixture(`${F}/host-tabbed-guest-policy-en.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('host');
    expect(bigbluebutton.read(ctx)['waiting-room']).toEqual({
      state: 'fail',
      via: 'dom',
      evidence: '[data-test="guestPolicySelector"] value ALWAYS_ACCEPT: guests enter without approval',
    });
    expect(statesOf(bigbluebutton, ctx)).toMatchObject({ 'private-chat-off': 'unknown', 'personal-info-limited': 'unknown', 'screen-share-host-only': 'pass' });
  });

  it('host-guest-policy-fr: 2.x–3.0 modal, "Toujours accepter" pressed → waiting room fails, from aria-pressed', async () => {
    const ctx = await loadFixture(`${F}/host-guest-policy-fr.html`, bigbluebutton);
    expect(bigbluebutton.read(ctx)['waiting-room']).toEqual({ state: 'fail', via: 'aria', evidence: 'button[data-test="alwaysAccept"][aria-pressed="true"]: guests enter without approval' });
  });

  it('participant-en: a viewer holding presenter fails screen sharing; a pupil named "Manage users" and chat text change nothing', async () => {
    const ctx = await loadFixture(`${F}/participant-en.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('participant');
    expect(statesOf(bigbluebutton, ctx)).toEqual({ ...ALL_UNKNOWN, 'screen-share-host-only': 'fail' });
  });

  it('participant-fr: an ordinary viewer: no pass, no fail except n/a', async () => {
    const ctx = await loadFixture(`${F}/participant-fr.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('participant');
    expect(statesOf(bigbluebutton, ctx)).toEqual(ALL_UNKNOWN);
  });

  it('host-settings-safe-en: Greenlight Settings tab is a settings page scoped to the room, every room setting passes', async () => {
    const ctx = await loadFixture(`${F}/host-settings-safe-en.html`, bigbluebutton);
    expect(bigbluebutton.settingsScope!(ctx)).toBe('bbb:bbb.ecole-exemple.fr:room:mat-5bx-k2q');
    expect(bigbluebutton.isMeetingPage(ctx)).toBe(false);
    expect(bigbluebutton.role(ctx)).toBe('host');
    expect(statesOf(bigbluebutton, ctx)).toEqual({
      'waiting-room': 'pass',
      'restricted-access': 'pass',
      'no-stay-after-host': 'unknown',
      'recording-control': 'pass',
      'private-chat-off': 'unknown',
      'screen-share-host-only': 'unknown',
      'end-for-all': 'unknown',
      passcode: 'pass',
      'authenticated-only': 'pass',
      'join-before-host-off': 'pass',
      'chat-control': 'unknown',
      'school-account': 'n/a',
      'mute-control': 'pass',
      'camera-control': 'unknown',
      'personal-info-limited': 'unknown',
    });
    expect(bigbluebutton.read(ctx).passcode?.evidence).toBe('Greenlight viewer access code set (6 characters)');
    expect(JSON.stringify(bigbluebutton.read(ctx))).not.toMatch(/839201|552014/);
  });

  it('host-settings-modcode-only-en: a moderator code alone is no passcode: fails (it passed before)', async () => {
    const ctx = await loadFixture(`${F}/host-settings-modcode-only-en.html`, bigbluebutton);
    expect(bigbluebutton.read(ctx).passcode).toEqual({ state: 'fail', via: 'dom', evidence: 'Greenlight: no viewer access code (the viewers row offers "Generate")' });
    expect(statesOf(bigbluebutton, ctx)).toMatchObject({ 'waiting-room': 'pass', 'restricted-access': 'pass', 'join-before-host-off': 'pass' });
  });

  it('host-settings-unsafe-fr: open room fails from the checkbox ids; no viewer code fails from the French viewers row', async () => {
    const ctx = await loadFixture(`${F}/host-settings-unsafe-fr.html`, bigbluebutton);
    expect(bigbluebutton.settingsScope!(ctx)).toBe('bbb:bbb.ecole-exemple.fr:room:fra-4ax-p7m');
    expect(statesOf(bigbluebutton, ctx)).toEqual({
      'waiting-room': 'fail',
      'restricted-access': 'fail',
      'no-stay-after-host': 'unknown',
      'recording-control': 'fail',
      'private-chat-off': 'unknown',
      'screen-share-host-only': 'fail',
      'end-for-all': 'unknown',
      passcode: 'fail',
      'authenticated-only': 'fail',
      'join-before-host-off': 'fail',
      'chat-control': 'unknown',
      'school-account': 'n/a',
      'mute-control': 'unknown',
      'camera-control': 'unknown',
      'personal-info-limited': 'unknown',
    });
    expect(bigbluebutton.read(ctx)['join-before-host-off']?.evidence).toBe('Greenlight input#glAnyoneCanStart checked (any user can start the meeting)');
  });

  it('host-room-recordings-en: the Settings tab is unmounted (unmountOnExit): not a settings page, nothing read, nothing failed', async () => {
    const ctx = await loadFixture(`${F}/host-room-recordings-en.html`, bigbluebutton);
    expect(bigbluebutton.matches(ctx.url)).toBe(true);
    expect(bigbluebutton.settingsScope!(ctx)).toBeNull();
    expect(bigbluebutton.isMeetingPage(ctx)).toBe(false);
    expect(statesOf(bigbluebutton, ctx)).toEqual(ALL_UNKNOWN);
  });
});

describe('bigbluebutton: a tick means what the design says, and hidden or participant-controlled things decide nothing', () => {
  const url = `${ORIGIN}/html5client/?sessionToken=t`;
  const sw30 = (dt: string, on: boolean) =>
    `<div data-test="${dt}Item"><span class="MuiSwitch-root"><span class="MuiButtonBase-root MuiSwitch-switchBase${on ? ' Mui-checked' : ''}"><input class="PrivateSwitchBase-input MuiSwitch-input" type="checkbox" data-test="${dt}"${on ? ' checked' : ''}></span><span class="MuiSwitch-track"></span></span></div>`;
  const state = (html: string, id: keyof ReturnType<typeof bigbluebutton.read>) => bigbluebutton.read(ctxFor(url, `<header id="Navbar"></header>${html}`))[id]?.state;

  it('a bare checkbox (no design Vigie knows) is to confirm, ticked or not', () => {
    expect(state('<input type="checkbox" data-test="lockPrivateChat" checked>', 'private-chat-off')).toBe('unknown');
    expect(state('<input type="checkbox" data-test="lockPrivateChat">', 'private-chat-off')).toBe('unknown');
    expect(state('<input type="checkbox" data-test="lockUserList" checked>', 'personal-info-limited')).toBe('unknown');
  });

  it('an MUI checkbox in an old-style lock<X>Item row (a design not seen upstream) is to confirm', () => {
    const html = '<div data-test="lockPrivateChatItem"><span class="MuiButtonBase-root MuiCheckbox-root Mui-checked"><input type="checkbox" data-test="lockPrivateChat" checked></span></div>';
    expect(state(html, 'private-chat-off')).toBe('unknown');
  });

  it('a 3.0 switch outside its lock<X>Item row is to confirm', () => {
    expect(state('<div><span class="MuiSwitch-root"><input type="checkbox" data-test="lockPrivateChat"></span></div>', 'private-chat-off')).toBe('unknown');
  });

  it('two visible copies that disagree: to confirm, not "the first decides"', () => {
    expect(state(sw30('lockPrivateChat', false) + sw30('lockPrivateChat', true), 'private-chat-off')).toBe('unknown');
  });

  it.each([
    ['hidden', (h: string) => `<div hidden>${h}</div>`],
    ['aria-hidden', (h: string) => `<div aria-hidden="true">${h}</div>`],
    ['display:none', (h: string) => `<div style="display:none">${h}</div>`],
    ['visibility:hidden', (h: string) => `<div style="visibility:hidden">${h}</div>`],
    ['inert', (h: string) => `<div inert>${h}</div>`],
    ['<template>', (h: string) => `<template>${h}</template>`],
  ])('a fake "locked" switch placed %s before the real "allowed" one does not decide', (_name, wrap) => {
    expect(state(wrap(sw30('lockPrivateChat', false)) + sw30('lockPrivateChat', true), 'private-chat-off')).toBe('fail');
    expect(state(wrap(sw30('lockPrivateChat', false)), 'private-chat-off')).toBe('unknown');
  });

  it('a hidden pressed "Ask moderator" does not hide the visible pressed "Always accept"', () => {
    const html = '<template><button data-test="askModerator" aria-pressed="true"></button></template><div hidden><button data-test="askModerator" aria-pressed="true"></button></div><button data-test="askModerator" aria-pressed="false"></button><button data-test="alwaysAccept" aria-pressed="true" disabled></button>';
    expect(state(html, 'waiting-room')).toBe('fail');
  });

  it('the guest-policy select: a hidden select root decides nothing; the open listbox\'s selected option is read', () => {
    const select = (v: string) => `<div class="MuiInputBase-root" data-test="guestPolicySelector"><div role="combobox">x</div><input aria-hidden="true" tabindex="-1" class="MuiSelect-nativeInput" value="${v}"></div>`;
    expect(state(`<div hidden>${select('ASK_MODERATOR')}</div>`, 'waiting-room')).toBe('unknown');
    expect(state(select('ASK_MODERATOR'), 'waiting-room')).toBe('pass');
    expect(state(select('ALWAYS_DENY'), 'waiting-room')).toBe('pass');
    expect(state(select('SOMETHING_ELSE'), 'waiting-room')).toBe('unknown');
    expect(state('<ul role="listbox"><li role="option" data-test="askModerator" aria-selected="false"></li><li role="option" data-test="alwaysAccept" aria-selected="true"></li></ul>', 'waiting-room')).toBe('fail');
  });

  it('user names and chat equal to the labels Vigie knows change neither role nor items', () => {
    const html = '<div data-test="userListContent"><div data-test="userListItem" aria-label="Manage users"><span>Manage users</span></div><div data-test="userListItem"><span>End meeting for all</span></div></div><div data-test="chatMessages"><p>Ask moderator</p><p>Lock viewers</p><p>Toujours refuser</p></div>';
    const ctx = ctxFor(url, html);
    expect(bigbluebutton.role(ctx)).toBe('participant');
    expect(statesOf(bigbluebutton, ctx)).toEqual(ALL_UNKNOWN);
  });
});

describe('Greenlight access-code rows (AccessCodeRow.jsx, rendered for viewers then moderators)', () => {
  const url = `${ORIGIN}/rooms/mat-5bx-k2q`;
  const row = (label: string, code: string | null) =>
    `<div class="my-3 row"><h6 class="text-brand">${label}</h6>${code ? `<div class="hstack"><div class="access-code-input w-100"><input type="text" class="form-control" readonly value="${code}"></div></div>` : '<div><button type="button" class="btn btn-brand-outline">Generieren</button></div>'}</div>`;
  const page = (rows: string) => `<div id="room-settings"><div class="room-settings-row"><input type="checkbox" class="form-check-input" id="guestPolicy" checked></div>${rows}</div>`;
  const passcode = (rows: string) => bigbluebutton.read(ctxFor(url, page(rows))).passcode?.state;

  it('labels in a language Vigie does not know: two rows are read by order (viewers first)', () => {
    expect(passcode(row('Zugangscode für Zuschauer', '123456') + row('Zugangscode für Moderatoren', null))).toBe('pass');
    expect(passcode(row('Zugangscode für Zuschauer', null) + row('Zugangscode für Moderatoren', '123456'))).toBe('fail');
  });

  it('a single unlabelled row could be either: to confirm', () => {
    expect(passcode(row('Zugangscode', '123456'))).toBe('unknown');
    expect(passcode(row('Zugangscode', null))).toBe('unknown');
  });

  it('only the moderator row (viewer codes switched off by the admin): to confirm, never a pass', () => {
    expect(passcode(row('Generate access code for moderators', '123456'))).toBe('unknown');
  });

  it('a room name equal to the viewers label, outside #room-settings, is not a row', () => {
    const html = `<h1>Generate access code for viewers</h1><div><button class="btn btn-brand-outline">Generate</button></div>${page(row('Generate access code for moderators', '123456'))}`;
    expect(bigbluebutton.read(ctxFor(url, html)).passcode?.state).toBe('unknown');
  });

  it('a hidden viewers row with a code does not pass', () => {
    expect(passcode(`<div hidden>${row('Generate access code for viewers', '123456')}</div>${row('Generate access code for moderators', null)}`)).toBe('unknown');
  });
});

describe('bigbluebutton remembered settings', () => {
  const client = `${ORIGIN}/html5client/?sessionToken=t`;
  const page = '<header id="Navbar"></header><div data-test="userListContent"></div>';
  it('a client page reached from a Greenlight room asks for that room’s remembered settings', () => {
    expect(bigbluebutton.rememberedScopes!(ctxFor(client, page, `${ORIGIN}/rooms/MAT-5bx-k2q/join`))).toEqual(['bbb:bbb.ecole-exemple.fr:room:mat-5bx-k2q']);
    expect(bigbluebutton.rememberedScopes!(ctxFor(client, page, `${ORIGIN}/rooms/mat-5bx-k2q`))).toEqual(['bbb:bbb.ecole-exemple.fr:room:mat-5bx-k2q']);
  });
  it('no room is guessed without a same-origin Greenlight referrer', () => {
    expect(bigbluebutton.rememberedScopes!(ctxFor(client, page, ''))).toEqual([]);
    expect(bigbluebutton.rememberedScopes!(ctxFor(client, page, 'https://other.example.org/rooms/mat-5bx-k2q'))).toEqual([]);
    expect(bigbluebutton.rememberedScopes!(ctxFor(client, page, `${ORIGIN}/admin`))).toEqual([]);
  });
  it('the Greenlight join page and a room page without the Settings tab are not settings pages', () => {
    expect(bigbluebutton.settingsScope!(ctxFor(`${ORIGIN}/rooms/mat-5bx-k2q/join`, '<input type="checkbox" id="guestPolicy" checked>'))).toBeNull();
    expect(bigbluebutton.settingsScope!(ctxFor(`${ORIGIN}/rooms/mat-5bx-k2q`, '<h1>Recordings</h1>'))).toBeNull();
  });
});

describe('bigbluebutton on odd and hostile DOM', () => {
  const url = `${ORIGIN}/html5client/?sessionToken=t`;
  const noPass = (ctx: ReadContext) => Object.entries(bigbluebutton.read(ctx)).filter(([, f]) => f?.state === 'pass');

  it('empty page: not a meeting, everything unknown', () => {
    const ctx = ctxFor(url, '');
    expect(bigbluebutton.isMeetingPage(ctx)).toBe(false);
    expect(bigbluebutton.role(ctx)).toBe('unknown');
    expect(noPass(ctx)).toEqual([]);
  });

  it('mid-load page (navbar only): meeting recognised, nothing passes', () => {
    const ctx = ctxFor(url, '<header id="Navbar"><span>Loading…</span></header>');
    expect(bigbluebutton.isMeetingPage(ctx)).toBe(true);
    expect(noPass(ctx)).toEqual([]);
  });

  it('labels in another language (German) with no hooks: no pass, no fail', () => {
    const ctx = ctxFor(url, '<header id="Navbar"></header><div role="dialog"><h2>Zuschauerrechte einschränken</h2><label><input type="checkbox" checked> Private Chatnachrichten senden</label><button aria-pressed="true">Moderator fragen</button></div>');
    const f = bigbluebutton.read(ctx);
    expect(Object.values(f).filter((x) => x?.state === 'pass' || x?.state === 'fail')).toEqual([]);
  });

  it('duplicated bare data-test ids: no throw, and no verdict (no design Vigie knows)', () => {
    const ctx = ctxFor(url, '<input type="checkbox" data-test="lockPrivateChat"><input type="checkbox" data-test="lockPrivateChat" checked>');
    expect(bigbluebutton.read(ctx)['private-chat-off']?.state).toBe('unknown');
  });

  it('a data-test hook on a non-checkbox (or with no state) is not read as locked', () => {
    const ctx = ctxFor(url, '<div data-test="lockPrivateChat" checked></div><button data-test="alwaysAccept"></button><input id="glRequireAuthentication" type="text" value="on">');
    const s = Object.fromEntries(Object.entries(bigbluebutton.read(ctx)).map(([k, v]) => [k, v!.state]));
    expect(s['private-chat-off']).toBe('unknown');
    expect(s['waiting-room']).toBe('unknown');
    expect(s['restricted-access']).toBe('unknown');
  });

  it('a huge DOM (5,000 user-list rows) is read without throwing, in reasonable time', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<li><span>Student ${i}</span></li>`).join('');
    const sw = '<div data-test="lockPrivateChatItem"><span class="MuiSwitch-root"><span class="MuiSwitch-switchBase"><input class="MuiSwitch-input" type="checkbox" data-test="lockPrivateChat"></span></span></div>';
    const ctx = ctxFor(url, `<div data-test="userListContent"><ul>${rows}</ul></div>${sw}`);
    const f = bigbluebutton.read(ctx);
    // Its cost is checked relative to a smaller page in tests/platforms/huge-dom.test.ts (linear, not absolute ms).
    expect(f['private-chat-off']?.state).toBe('pass');
    expect(bigbluebutton.role(ctx)).toBe('participant');
  });

  it('a detector that throws becomes unknown, tagged with the platform id', () => {
    const ctx = ctxFor(url, '');
    const broken = { doc: ctx.doc, get url(): URL { throw new Error('boom'); } } as ReadContext;
    const f = bigbluebutton.read(broken);
    expect(f.passcode).toMatchObject({ state: 'unknown', evidence: 'bigbluebutton/passcode: detector error (boom)' });
    expect(Object.keys(f).length).toBe(ITEM_IDS.length);
  });
});

describe('bigbluebutton rescans only where settings live', () => {
  const watch = bigbluebutton.watch!.join(',');
  const records = (mutate: () => void): MutationRecord[] => {
    const obs = new MutationObserver(() => undefined);
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    mutate();
    const out = obs.takeRecords();
    obs.disconnect();
    return out;
  };
  it('people joining the user list do not trigger a rescan; the lock-viewers dialog and a new client render do', () => {
    document.body.innerHTML = '<div data-test="userListContent"><ul id="users"></ul></div><div role="dialog"><input type="checkbox" data-test="lockPrivateChat"></div>';
    expect(records(() => document.getElementById('users')!.insertAdjacentHTML('beforeend', '<li aria-label="Student Z">Z</li>')).some((r) => isRelevant(r, watch))).toBe(false);
    expect(records(() => document.querySelector('input')!.setAttribute('checked', '')).some((r) => isRelevant(r, watch))).toBe(true);
    expect(records(() => document.body.insertAdjacentHTML('beforeend', '<div id="app"><section id="ActionsBar"></section></div>')).some((r) => isRelevant(r, watch))).toBe(true);
  });
});
