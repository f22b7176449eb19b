import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The background's trust boundary, tested where it lives: registerBackgroundHandlers() runs for real, and messages
 * arrive through the runtime's onMessage as the browser would deliver them, with forged senders. Each forgery must
 * fail safe: no state stored, nothing scored for the wrong room, nothing returned to the wrong caller.
 */
type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;
let listeners: Listener[] = [];

const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(l: Listener): void }; id: string; getURL(p: string): string } } }).chrome.runtime;

/** Deliver one message as the browser would, and return the handler's answer ({res} or {err}), or 'no answer'. */
function deliver(type: string, data: unknown, sender: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    const message = { id: 1, type, data, timestamp: Date.now() };
    let async = false;
    for (const l of listeners) async = l(message, sender, resolve) === true || async;
    if (!async) resolve('no answer');
  });
}

const EXT_ID = runtime.id;
const EXT_PAGE = runtime.getURL('/popup.html');
const ROOM = 'https://meet.jit.si/MathsGroupe5B';
const tabSender = (url = ROOM, extra: Record<string, unknown> = {}) => ({ id: EXT_ID, url, tab: { id: 7, url }, ...extra });
const goodReport = (over: Record<string, unknown> = {}) => ({
  platform: 'jitsi',
  url: ROOM,
  roomKey: 'jitsi:meet.jit.si/mathsgroupe5b',
  isMeeting: true,
  role: 'host',
  findings: { 'waiting-room': { state: 'pass', evidence: 'state: features/lobby.lobbyEnabled = true', via: 'state' } },
  ...over,
});

let getTabState: (tabId: number) => Promise<unknown>;

beforeEach(async () => {
  listeners = [];
  vi.spyOn(runtime.onMessage, 'addListener').mockImplementation((l: Listener) => {
    listeners.push(l);
  });
  // The fake browser has no permissions events; the router only subscribes to them (self-hosted origins).
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
  vi.resetModules();
  const handlers = await import('../../../utils/background/handlers');
  getTabState = handlers.getTabState;
  handlers.registerBackgroundHandlers();
  expect(listeners.length).toBeGreaterThan(0);
});

const stored = async () => (await fakeBrowser.storage.session.get('tabStates')).tabStates as Record<string, { roomKey: string; url: string }> | undefined;

describe('cs.reportObservations: who may report what', () => {
  it('a well-formed report from our content script in a real tab is scored and stored', async () => {
    const answer = (await deliver('cs.reportObservations', goodReport(), tabSender())) as { res: { score: number } | null };
    expect(answer.res).not.toBeNull();
    expect((await stored())?.['7']?.roomKey).toBe('jitsi:meet.jit.si/mathsgroupe5b');
  });

  it.each([
    ['another extension', tabSender(ROOM, { id: 'abcdefghijklmnopabcdefghijklmnop' })],
    ['no tab (an extension page or a worker)', { id: EXT_ID, url: ROOM }],
    ['a tab whose URL the adapter rejects', tabSender('https://example.com/MathsGroupe5B')],
    ['an http: tab', tabSender('http://meet.jit.si/MathsGroupe5B')],
    ['a tab URL over 2,048 characters', tabSender(`${ROOM}?${'x'.repeat(2100)}`)],
  ])('is refused from %s', async (_label, sender) => {
    expect(await deliver('cs.reportObservations', goodReport(), sender)).toEqual({ res: null });
    expect(await stored()).toBeUndefined();
  });

  it.each([
    ["via: 'policy' (background-only provenance)", goodReport({ findings: { passcode: { state: 'pass', evidence: 'x', via: 'policy' } } })],
    ["via: 'settings-page' (background-only provenance)", goodReport({ findings: { passcode: { state: 'pass', evidence: 'x', via: 'settings-page' } } })],
    ['a readAt date (background-only)', goodReport({ findings: { passcode: { state: 'pass', evidence: 'x', via: 'state', readAt: '2026-01-01' } } })],
    ['an http: page URL', goodReport({ url: 'http://meet.jit.si/MathsGroupe5B' })],
    ['a 2,049-character URL', goodReport({ url: `${ROOM}?${'x'.repeat(2049 - ROOM.length - 1)}` })],
    ['a __proto__ key in the findings', JSON.parse('{"platform":"jitsi","url":"https://meet.jit.si/MathsGroupe5B","roomKey":"k","isMeeting":true,"role":"host","findings":{"__proto__":{"state":"pass","evidence":"x","via":"state"}}}')],
    ['an extra top-level field', goodReport({ score: 100 })],
    ["another platform's settings scope", goodReport({ settingsScope: 'zoom:profile' })],
    ["another platform's remembered scope", goodReport({ rememberedScopes: ['teams:meeting:abc'] })],
  ])('rejects a report with %s', async (_label, report) => {
    expect(await deliver('cs.reportObservations', report, tabSender())).toEqual({ res: null });
    expect(await stored()).toBeUndefined();
  });

  it("another room's roomKey and URL are replaced by the sender tab's own", async () => {
    await deliver('cs.reportObservations', goodReport({ roomKey: 'jitsi:meet.jit.si/otherroom', url: 'https://meet.jit.si/OtherRoom' }), tabSender());
    expect(await stored()).toMatchObject({ '7': { roomKey: 'jitsi:meet.jit.si/mathsgroupe5b', url: ROOM } });
  });

  it("one school's BigBlueButton scope cannot be claimed from another school's server", async () => {
    await fakeBrowser.storage.local.set({ userSettings: { selfHosted: [{ origin: 'https://bbb.ecole-a.example', platform: 'bigbluebutton' }] } });
    const url = 'https://bbb.ecole-a.example/rooms/abc-def-ghi/join';
    const report = { platform: 'bigbluebutton', url, roomKey: 'x', isMeeting: false, role: 'host', findings: {}, settingsScope: 'bbb:bbb.ecole-b.example:room:abc-def-ghi' };
    expect(await deliver('cs.reportObservations', report, tabSender(url))).toEqual({ res: null });
  });
});

describe('extension-page messages from a content script', () => {
  it.each([
    ['popup.getTabState', 7],
    ['popup.setConfirmation', { tabId: 7, itemId: 'passcode', confirmed: true }],
    ['options.syncSelfHosted', undefined],
    ['report.getContext', 7],
  ])('%s from a web page tab gets nothing', async (type, data) => {
    await deliver('cs.reportObservations', goodReport(), tabSender());
    const before = JSON.stringify(await getTabState(7));
    const answer = (await deliver(type, data, tabSender())) as { res: unknown } | string;
    expect(answer === 'no answer' || (answer as { res: unknown }).res === null || (Array.isArray((answer as { res: unknown }).res) && ((answer as { res: unknown[] }).res).length === 0)).toBe(true);
    expect(JSON.stringify(await getTabState(7))).toBe(before);
  });

  it('popup.getTabState from our popup page answers', async () => {
    await deliver('cs.reportObservations', goodReport(), tabSender());
    const answer = (await deliver('popup.getTabState', 7, { id: EXT_ID, url: EXT_PAGE })) as { res: { roomKey: string } | null };
    expect(answer.res?.roomKey).toBe('jitsi:meet.jit.si/mathsgroupe5b');
  });
});
