import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../utils/checklist/items';
import jitsi from '../../utils/platforms/jitsi';
import { loadFixture, statesOf } from './fixture-loader';

const F = 'tests/fixtures/jitsi';

describe('jitsi URL predicates', () => {
  it.each(jitsi.exampleUrls.yes)('matches %s', (u) => expect(jitsi.matches(new URL(u))).toBe(true));
  it.each(jitsi.exampleUrls.no)('does not match %s', (u) => expect(jitsi.matches(new URL(u))).toBe(false));
  it('room key drops hash, query and case', () => {
    expect(jitsi.roomKey(new URL('https://meet.jit.si/MathsGroupe5B?x=1#config.a=b'))).toBe('jitsi:meet.jit.si/mathsgroupe5b');
  });
});

describe('jitsi fixtures', () => {
  it('host-safe-en: every item passes from the store, school-account n/a', async () => {
    const ctx = await loadFixture(`${F}/host-safe-en.html`, jitsi);
    expect(jitsi.isMeetingPage(ctx)).toBe(true);
    expect(jitsi.role(ctx)).toBe('host');
    const s = statesOf(jitsi, ctx);
    expect(Object.keys(s).sort()).toEqual([...ITEM_IDS].sort());
    for (const id of ITEM_IDS) expect(s[id]).toBe(id === 'school-account' ? 'n/a' : 'pass');
    expect(jitsi.read(ctx)['waiting-room']).toMatchObject({ via: 'state', evidence: 'state: features/lobby.lobbyEnabled = true' });
  });

  it('host-unsafe-fr: open room fails where the store says so, and the unsafe-name warning (FR) fails access', async () => {
    const ctx = await loadFixture(`${F}/host-unsafe-fr.html`, jitsi);
    const f = jitsi.read(ctx);
    expect(statesOf(jitsi, ctx)).toMatchObject({
      'waiting-room': 'fail',
      'restricted-access': 'fail',
      'private-chat-off': 'fail',
      'screen-share-host-only': 'fail',
      passcode: 'fail',
      'authenticated-only': 'fail',
      'recording-control': 'unknown',
      'join-before-host-off': 'unknown',
      'end-for-all': 'pass',
      'personal-info-limited': 'fail',
    });
    expect(f['restricted-access']).toMatchObject({ via: 'label' });
    expect(f['authenticated-only']?.fixable).toBe(false);
  });

  it('participant-en: capability items stay "to confirm"; state items still read', async () => {
    const ctx = await loadFixture(`${F}/participant-en.html`, jitsi);
    expect(jitsi.role(ctx)).toBe('participant');
    expect(statesOf(jitsi, ctx)).toMatchObject({
      'waiting-room': 'pass',
      'screen-share-host-only': 'pass',
      'end-for-all': 'unknown',
      'mute-control': 'unknown',
      'camera-control': 'unknown',
      'no-stay-after-host': 'unknown',
      'chat-control': 'unknown',
      'private-chat-off': 'unknown',
    });
  });

  it('host-dom-only-en: without a store, DOM ids and ARIA decide', async () => {
    const ctx = await loadFixture(`${F}/host-dom-only-en.html`, jitsi);
    expect(ctx.state).toBeUndefined();
    expect(jitsi.role(ctx)).toBe('host');
    const f = jitsi.read(ctx);
    expect(f['waiting-room']).toMatchObject({ state: 'pass', via: 'dom' });
    expect(f['private-chat-off']).toMatchObject({ state: 'fail', via: 'dom' });
    expect(f['screen-share-host-only']).toMatchObject({ state: 'pass', via: 'dom' });
    expect(f['end-for-all']).toMatchObject({ state: 'pass', via: 'aria' });
    expect(f.passcode?.state).toBe('unknown');
  });

  it('prejoin-en is not a meeting page', async () => {
    const ctx = await loadFixture(`${F}/prejoin-en.html`, jitsi);
    expect(jitsi.isMeetingPage(ctx)).toBe(false);
  });
});

describe('jitsi on odd and hostile DOM', () => {
  const blank = (html: string) => {
    const w = new Window({ url: 'https://meet.jit.si/Odd' });
    w.document.body.innerHTML = html;
    return { doc: w.document as unknown as Document, url: new URL('https://meet.jit.si/Odd') };
  };
  const passes = (ctx: ReturnType<typeof blank>) => Object.entries(jitsi.read(ctx)).filter(([, f]) => f!.state === 'pass').map(([id]) => id);

  it('empty page: nothing passes, nothing throws', () => {
    expect(passes(blank(''))).toEqual([]);
    expect(jitsi.isMeetingPage(blank(''))).toBe(false);
  });

  it('labels in another language (German) give no pass', () => {
    expect(passes(blank('<div role="button" aria-label="Besprechung für alle beenden"></div><div id="videoconference_page"></div>'))).toEqual([]);
  });

  it('page text claiming safety does not make an item pass', () => {
    expect(passes(blank('<p>Lobby enabled. Password set. Private chat disabled. Waiting room on.</p>'))).toEqual([]);
  });

  it('duplicated ids and a huge DOM: reads without throwing, in bounded time', () => {
    const tiles = Array.from({ length: 5000 }, (_, i) => `<div class="tile" id="participant_${i}"><span>${i}</span></div>`).join('');
    const ctx = blank(`<input id="lobby-section-switch" type="checkbox"><input id="lobby-section-switch" type="checkbox" checked>${tiles}`);
    const t0 = performance.now();
    const f = jitsi.read(ctx);
    // A sanity bound only (a quadratic read would take minutes); real budgets are in `npm run bench`.
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(f['waiting-room']?.state).toBe('fail'); // the first switch wins, as in the browser
  });

  it('a forged state snapshot without the read marker is ignored', () => {
    const ctx = { ...blank(''), state: { 'store:features/lobby.lobbyEnabled': true } };
    expect(jitsi.read(ctx)['waiting-room']?.state).toBe('unknown');
  });
});
