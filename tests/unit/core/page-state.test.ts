import { describe, expect, it, vi } from 'vitest';
import { parsePageState } from '../../../utils/page-state/receive';
import { readPageState, REQUEST_EVENT, STATE_EVENT, STORE_WAIT_MS, startPageStateReader } from '../../../utils/page-state/reader';

const PATHS = ['store:features/lobby.lobbyEnabled', 'store:features/base/conference.conference', 'store:features/base/config.hosts.anonymousdomain', 'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES'];

function fakeWin(state: unknown, extra: Record<string, unknown> = {}) {
  const listeners: (() => void)[] = [];
  return {
    win: { APP: { store: { getState: () => state, subscribe: (cb: () => void) => (listeners.push(cb), () => undefined) } }, ...extra } as never,
    notify: () => listeners.forEach((l) => l()),
  };
}

describe('readPageState (main world)', () => {
  it('copies primitives at the declared paths, objects as "present", missing as null, and marks the read', () => {
    const { win } = fakeWin(
      { 'features/lobby': { lobbyEnabled: true }, 'features/base/conference': { conference: { room: 'x', secret: 'no' } }, 'features/base/config': { hosts: {} } },
      { interfaceConfig: { DISABLE_PRIVATE_MESSAGES: false } },
    );
    expect(readPageState(win, PATHS)).toEqual({
      'store:features/lobby.lobbyEnabled': true,
      'store:features/base/conference.conference': true,
      'store:features/base/config.hosts.anonymousdomain': null,
      'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES': false,
      __read: true,
    });
  });

  it('returns null when there is no store (nothing read)', () => {
    expect(readPageState({} as never, PATHS)).toBeNull();
  });

  it('survives a store whose getState throws', () => {
    const win = { APP: { store: { getState: () => { throw new Error('boom'); } } } } as never;
    expect(readPageState(win, PATHS)).toBeNull();
  });

  it('truncates long strings', () => {
    const { win } = fakeWin({ 'features/base/config': { hosts: { anonymousdomain: 'a'.repeat(5000) } } });
    expect(String(readPageState(win, PATHS)!['store:features/base/config.hosts.anonymousdomain']).length).toBe(200);
  });
});

describe('parsePageState (isolated world)', () => {
  it('keeps only declared keys with primitive values', () => {
    const json = JSON.stringify({ __read: true, 'store:features/lobby.lobbyEnabled': true, evil: '<img onerror=x>', 'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES': { nested: 1 } });
    expect(parsePageState(json, PATHS)).toEqual({ __read: true, 'store:features/lobby.lobbyEnabled': true });
  });
  it.each([[undefined], [42], ['not json'], ['[]'], ['null'], [JSON.stringify({ 'store:features/lobby.lobbyEnabled': true })], ['x'.repeat(30_000)]])('rejects %s', (detail) => {
    expect(parsePageState(detail, PATHS)).toBeNull();
  });
});

describe('startPageStateReader', () => {
  it('answers requests, and coalesces store notifications into one send per 250 ms, only when changed', () => {
    vi.useFakeTimers();
    const state = { 'features/lobby': { lobbyEnabled: false } };
    const { win, notify } = fakeWin(state);
    const sent: string[] = [];
    document.addEventListener(STATE_EVENT, (e) => sent.push((e as CustomEvent).detail));
    startPageStateReader(win, document, PATHS);
    expect(sent).toHaveLength(1);
    for (let i = 0; i < 50; i++) notify();
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(1); // unchanged state: nothing new sent
    state['features/lobby'] = { lobbyEnabled: true };
    for (let i = 0; i < 50; i++) notify();
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(2);
    expect(JSON.parse(sent[1])['store:features/lobby.lobbyEnabled']).toBe(true);
    document.dispatchEvent(new CustomEvent(REQUEST_EVENT));
    expect(sent).toHaveLength(3); // an explicit request always answers
    vi.useRealTimers();
  });
});

describe('startPageStateReader: a store assigned after the reader started (BaseApp.tsx sets APP.store asynchronously)', () => {
  const collect = () => {
    const sent: string[] = [];
    const on = (e: Event) => sent.push((e as CustomEvent).detail);
    document.addEventListener(STATE_EVENT, on);
    return { sent, stop: () => document.removeEventListener(STATE_EVENT, on) };
  };

  it('finds the store on its own backoff, with no DOM change and no request, then follows it', () => {
    vi.useFakeTimers();
    const { sent, stop } = collect();
    const win = { APP: {} } as { APP: { store?: unknown } };
    startPageStateReader(win as never, document, PATHS);
    expect(sent).toHaveLength(0); // nothing to read yet
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(0);
    const { win: withStore, notify } = fakeWin({ 'features/lobby': { lobbyEnabled: true } });
    win.APP.store = (withStore as unknown as { APP: { store: unknown } }).APP.store;
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0])['store:features/lobby.lobbyEnabled']).toBe(true);
    // Now subscribed: the store's own notifications drive it.
    const store = win.APP.store as { getState(): Record<string, unknown> };
    (store.getState() as Record<string, { lobbyEnabled: boolean }>)['features/lobby'].lobbyEnabled = false;
    notify();
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(2);
    expect(JSON.parse(sent[1])['store:features/lobby.lobbyEnabled']).toBe(false);
    stop();
    vi.useRealTimers();
  });

  it('a DOM change after the store appears is enough (no waiting for the backoff)', async () => {
    const { sent, stop } = collect();
    const win = { APP: {} } as { APP: { store?: unknown } };
    startPageStateReader(win as never, document, PATHS);
    win.APP.store = (fakeWin({ 'features/lobby': { lobbyEnabled: true } }).win as unknown as { APP: { store: unknown } }).APP.store;
    document.body.appendChild(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 150));
    expect(sent).toHaveLength(1);
    stop();
  });

  it('gives up after STORE_WAIT_MS when no store ever comes (no endless timer)', () => {
    vi.useFakeTimers();
    const { sent, stop } = collect();
    startPageStateReader({ APP: {} } as never, document, PATHS);
    vi.advanceTimersByTime(STORE_WAIT_MS + 10_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(sent).toHaveLength(0);
    stop();
    vi.useRealTimers();
  });
});

describe('which DOM changes trigger a rescan', async () => {
  const { isRelevant } = await import('../../../utils/meeting/watch-meeting');
  const watch = '[role="dialog"],input[type="checkbox"]';
  const records = (mutate: () => void): MutationRecord[] => {
    const obs = new MutationObserver(() => undefined);
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    mutate();
    const out = obs.takeRecords();
    obs.disconnect();
    return out;
  };
  it('ignores tiles, captions and chat; sees dialogs and switches', () => {
    document.body.innerHTML = '<div id="tiles"><div class="tile" aria-label="A"></div></div><div role="dialog"><input type="checkbox" id="s"></div><p id="cap">hi</p>';
    expect(records(() => document.querySelector('.tile')!.setAttribute('aria-label', 'B')).some((r) => isRelevant(r, watch))).toBe(false);
    expect(records(() => (document.getElementById('cap')!.textContent = 'caption')).some((r) => isRelevant(r, watch))).toBe(false);
    expect(records(() => document.getElementById('s')!.setAttribute('aria-checked', 'true')).some((r) => isRelevant(r, watch))).toBe(true);
    expect(records(() => document.body.insertAdjacentHTML('beforeend', '<section><div role="dialog"></div></section>')).some((r) => isRelevant(r, watch))).toBe(true);
    expect(records(() => document.querySelector('[role="dialog"]')!.remove()).some((r) => isRelevant(r, watch))).toBe(true);
  });
  it('without a watch list, every change counts', () => {
    document.body.innerHTML = '<p id="x"></p>';
    expect(records(() => document.getElementById('x')!.setAttribute('id', 'y')).every((r) => isRelevant(r, null))).toBe(true);
  });
});
