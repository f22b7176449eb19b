import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../utils/checklist/items';
import bigbluebutton from '../../utils/platforms/bigbluebutton';
import { setSelfHostedOrigins } from '../../utils/platforms/self-hosted';
import type { ReadContext } from '../../utils/platforms/types';
import { isRelevant } from '../../utils/content/watch-meeting';
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

describe('bigbluebutton fixtures', () => {
  it('host-safe-en: lock-viewers all locked, guests waiting, recording indicator, teacher presenting', async () => {
    const ctx = await loadFixture(`${F}/host-safe-en.html`, bigbluebutton);
    expect(bigbluebutton.matches(ctx.url)).toBe(true);
    expect(bigbluebutton.isMeetingPage(ctx)).toBe(true);
    expect(bigbluebutton.settingsScope!(ctx)).toBeNull();
    expect(bigbluebutton.role(ctx)).toBe('host');
    const s = statesOf(bigbluebutton, ctx);
    expect(Object.keys(s).sort()).toEqual([...ITEM_IDS].sort());
    expect(s).toEqual({
      'waiting-room': 'pass',
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
    const f = bigbluebutton.read(ctx);
    expect(f['private-chat-off']).toMatchObject({ via: 'dom', evidence: expect.stringContaining('input[data-test="lockPrivateChat"] checked (locked)') });
    expect(f['waiting-room']?.evidence).toContain('div[data-test="waitingUsersBtn"]');
  });

  it('host-unsafe-fr: nothing locked → private chat and user list fail; capabilities still pass (French labels never needed)', async () => {
    const ctx = await loadFixture(`${F}/host-unsafe-fr.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('host');
    expect(statesOf(bigbluebutton, ctx)).toMatchObject({
      'private-chat-off': 'fail',
      'personal-info-limited': 'fail',
      'chat-control': 'pass',
      'camera-control': 'pass',
      'mute-control': 'pass',
      'screen-share-host-only': 'unknown',
      'waiting-room': 'unknown',
      'recording-control': 'unknown',
    });
    expect(bigbluebutton.read(ctx)['private-chat-off']?.evidence).toContain('not checked');
  });

  it('host-guest-policy-fr: "Toujours accepter" pressed → waiting room fails, from aria-pressed', async () => {
    const ctx = await loadFixture(`${F}/host-guest-policy-fr.html`, bigbluebutton);
    expect(bigbluebutton.read(ctx)['waiting-room']).toMatchObject({ state: 'fail', via: 'aria', evidence: expect.stringContaining('alwaysAccept') });
  });

  it('participant-en: a viewer holding presenter fails screen sharing; moderator capabilities stay to confirm', async () => {
    const ctx = await loadFixture(`${F}/participant-en.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('participant');
    expect(statesOf(bigbluebutton, ctx)).toMatchObject({
      'screen-share-host-only': 'fail',
      'end-for-all': 'unknown',
      'mute-control': 'unknown',
      'camera-control': 'unknown',
      'chat-control': 'unknown',
      'no-stay-after-host': 'unknown',
      'private-chat-off': 'unknown',
    });
  });

  it('participant-fr: an ordinary viewer: no pass, no fail except n/a', async () => {
    const ctx = await loadFixture(`${F}/participant-fr.html`, bigbluebutton);
    expect(bigbluebutton.role(ctx)).toBe('participant');
    const s = statesOf(bigbluebutton, ctx);
    for (const id of ITEM_IDS) expect(s[id], id).toBe(id === 'school-account' ? 'n/a' : 'unknown');
  });

  it('host-settings-safe-en: Greenlight Settings tab is a settings page scoped to the room, every room setting passes', async () => {
    const ctx = await loadFixture(`${F}/host-settings-safe-en.html`, bigbluebutton);
    expect(bigbluebutton.settingsScope!(ctx)).toBe('bbb:bbb.ecole-exemple.fr:room:mat-5bx-k2q');
    expect(bigbluebutton.isMeetingPage(ctx)).toBe(false);
    expect(bigbluebutton.role(ctx)).toBe('host');
    expect(statesOf(bigbluebutton, ctx)).toMatchObject({
      'waiting-room': 'pass',
      'restricted-access': 'pass',
      'authenticated-only': 'pass',
      'join-before-host-off': 'pass',
      passcode: 'pass',
      'recording-control': 'pass',
      'mute-control': 'pass',
      // Not on this page: left for the meeting page to read live.
      'private-chat-off': 'unknown',
      'end-for-all': 'unknown',
      'no-stay-after-host': 'unknown',
      'screen-share-host-only': 'unknown',
    });
    expect(bigbluebutton.read(ctx).passcode?.evidence).toBe('Greenlight .access-code-input input[readonly] holds a viewer access code (6 characters)');
    expect(bigbluebutton.read(ctx).passcode?.evidence).not.toContain('839201');
  });

  it('host-settings-unsafe-fr: open room fails from the checkbox ids, no access code fails from the FR button', async () => {
    const ctx = await loadFixture(`${F}/host-settings-unsafe-fr.html`, bigbluebutton);
    expect(bigbluebutton.settingsScope!(ctx)).toBe('bbb:bbb.ecole-exemple.fr:room:fra-4ax-p7m');
    expect(statesOf(bigbluebutton, ctx)).toMatchObject({
      'waiting-room': 'fail',
      'restricted-access': 'fail',
      'authenticated-only': 'fail',
      'join-before-host-off': 'fail',
      passcode: 'fail',
      'recording-control': 'fail',
      'screen-share-host-only': 'fail',
      'mute-control': 'unknown',
    });
    expect(bigbluebutton.read(ctx)['join-before-host-off']?.evidence).toContain('input#glAnyoneCanStart checked');
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

  it('duplicated data-test ids: the first decides, no throw', () => {
    const ctx = ctxFor(url, '<input type="checkbox" data-test="lockPrivateChat"><input type="checkbox" data-test="lockPrivateChat" checked>');
    expect(bigbluebutton.read(ctx)['private-chat-off']?.state).toBe('fail');
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
    const ctx = ctxFor(url, `<div data-test="userListContent"><ul>${rows}</ul></div><input type="checkbox" data-test="lockPrivateChat" checked>`);
    const t0 = performance.now();
    const f = bigbluebutton.read(ctx);
    expect(performance.now() - t0).toBeLessThan(3_000);
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
