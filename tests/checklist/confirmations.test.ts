import { describe, expect, it } from 'vitest';
import { applyConfirmation, confirmationsFor, CONFIRMATIONS_CAP, isExpired, pruneConfirmations, type ConfirmationsByScope } from '../../utils/checklist/confirmations';
import { scoreRoom } from '../../utils/checklist/score';
import { PLATFORM_SCOPES, scopedKeys, scopeKey, scopeOf } from '../../utils/platforms/scopes';
import { ITEM_IDS } from '../../utils/checklist/items';
import { PLATFORMS } from '../../utils/platforms';
import { repairConfirmations } from '../../utils/storage';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const zoomA = { platform: 'zoom' as const, roomKey: 'zoom:81234567890', url: 'https://app.zoom.us/wc/81234567890/start' };
const zoomB = { platform: 'zoom' as const, roomKey: 'zoom:85550001111', url: 'https://app.zoom.us/wc/85550001111/start' };

function roomOf(r: typeof zoomA, role: 'host' | 'participant' | 'unknown' = 'host') {
  return { roomKey: r.roomKey, role, keys: scopedKeys(r.platform, r.roomKey, r.url) };
}

function confirm(all: ConfirmationsByScope, r: typeof zoomA, itemId: (typeof ITEM_IDS)[number], at = NOW, confirmed = true) {
  const scoped = scopedKeys(r.platform, r.roomKey, r.url)[itemId];
  return applyConfirmation(all, { roomKey: r.roomKey, itemId, scope: scoped?.scope ?? 'room', key: scoped?.key ?? r.roomKey, confirmed }, at);
}

describe('where settings live (utils/platforms/scopes.ts)', () => {
  it('declares only known platforms and items', () => {
    const ids = new Set(PLATFORMS.map((p) => p.id));
    for (const [platform, map] of Object.entries(PLATFORM_SCOPES)) {
      expect(ids.has(platform as never)).toBe(true);
      for (const id of Object.keys(map!)) expect(ITEM_IDS).toContain(id);
    }
  });
  it('keeps Zoom per-meeting options in the room and Zoom account settings in the account', () => {
    expect(scopeOf('zoom', 'waiting-room')).toBe('room');
    expect(scopeOf('zoom', 'passcode')).toBe('room');
    expect(scopeOf('zoom', 'private-chat-off')).toBe('account');
    expect(scopeOf('jitsi', 'private-chat-off')).toBe('room');
    expect(scopeOf('zoom', 'private-chat-off', { 'private-chat-off': 'room' })).toBe('room'); // the adapter's own declaration wins
  });
  it('builds scope keys that never collide with room keys, and bind to the server where the account does', () => {
    expect(scopeKey('room', 'zoom', 'zoom:812', 'https://app.zoom.us/wc/812/start')).toBe('zoom:812');
    expect(scopeKey('account', 'zoom', 'zoom:812', 'https://app.zoom.us/wc/812/start')).toBe('account:zoom');
    expect(scopeKey('organisation', 'webex', 'webex:x', 'https://school-a.webex.com/meet/t')).toBe('organisation:webex:school-a.webex.com');
    expect(scopeKey('organisation', 'webex', 'webex:x', 'https://school-b.webex.com/meet/t')).toBe('organisation:webex:school-b.webex.com');
    expect(scopeKey('organisation', 'teams', 'teams:meeting:1', 'https://teams.microsoft.com/x')).toBe('organisation:teams');
  });
});

describe('scoped confirmations', () => {
  it('a Zoom account confirmation made in one room applies in another room of the same account', () => {
    const all = confirm({}, zoomA, 'private-chat-off');
    expect(all).toEqual({ 'account:zoom': { 'private-chat-off': { at: NOW.toISOString(), scope: 'account' } } });
    const inB = confirmationsFor(roomOf(zoomB), all, NOW);
    expect(inB).toEqual({ 'private-chat-off': { at: NOW.toISOString(), scope: 'account' } });
    const item = scoreRoom({}, inB).items.find((i) => i.id === 'private-chat-off');
    expect(item).toMatchObject({ state: 'pass', by: 'teacher', confirmedAt: NOW.toISOString(), confirmedScope: 'account' });
  });
  it('a room confirmation stays in its room', () => {
    const all = confirm({}, zoomA, 'waiting-room');
    expect(all).toEqual({ 'zoom:81234567890': { 'waiting-room': { at: NOW.toISOString() } } });
    expect(confirmationsFor(roomOf(zoomB), all, NOW)).toEqual({});
    expect(confirmationsFor(roomOf(zoomA), all, NOW)).toEqual({ 'waiting-room': { at: NOW.toISOString(), scope: 'room' } });
  });
  it('an account confirmation is not carried into a room where the teacher is a participant (someone else’s account)', () => {
    const all = confirm({}, zoomA, 'private-chat-off');
    expect(confirmationsFor(roomOf(zoomB, 'participant'), all, NOW)).toEqual({});
    expect(confirmationsFor(roomOf(zoomB, 'unknown'), all, NOW)).toEqual({ 'private-chat-off': { at: NOW.toISOString(), scope: 'account' } });
  });
  it('a confirmation made before scopes existed (kept under the room) still counts in that room', () => {
    const legacy = { 'zoom:81234567890': { 'private-chat-off': { at: '2026-11-20T10:00:00.000Z' } } };
    expect(confirmationsFor(roomOf(zoomA), legacy, NOW)).toEqual({ 'private-chat-off': { at: '2026-11-20T10:00:00.000Z', scope: 'room' } });
  });
  it('undo removes it from the scope and from the room', () => {
    let all = confirm({}, zoomA, 'private-chat-off');
    all = { ...all, 'zoom:81234567890': { 'private-chat-off': { at: '2026-11-20T10:00:00.000Z' } } };
    all = confirm(all, zoomB, 'private-chat-off', NOW, false);
    expect(all).toEqual({ 'zoom:81234567890': { 'private-chat-off': { at: '2026-11-20T10:00:00.000Z' } } });
    all = confirm(all, zoomA, 'private-chat-off', NOW, false);
    expect(all).toEqual({});
  });
});

describe('expiry', () => {
  it('is asked again after 90 days by default, or after the policy’s interval', () => {
    expect(isExpired('2026-09-02T12:00:00.000Z', NOW, 90)).toBe(false); // 90 days exactly
    expect(isExpired('2026-09-02T11:59:00.000Z', NOW, 90)).toBe(true);
    expect(isExpired('2026-11-20T12:00:00.000Z', NOW, 10)).toBe(true);
    expect(isExpired('2026-11-22T12:00:00.000Z', NOW, 10)).toBe(false);
    expect(isExpired('not a date', NOW, 90)).toBe(true);
    expect(isExpired('2027-06-01T00:00:00.000Z', NOW, 90)).toBe(true); // a date in the future is not trusted
  });
  it('an expired confirmation comes back marked, and the score does not use it', () => {
    const all = confirm({}, zoomA, 'private-chat-off', new Date('2026-08-01T09:00:00.000Z'));
    const c = confirmationsFor(roomOf(zoomB), all, NOW, 90);
    expect(c).toEqual({ 'private-chat-off': { at: '2026-08-01T09:00:00.000Z', scope: 'account', expired: true } });
    expect(scoreRoom({}, c).items.find((i) => i.id === 'private-chat-off')).toMatchObject({ state: 'unknown', staleConfirmationAt: '2026-08-01T09:00:00.000Z' });
    expect(confirmationsFor(roomOf(zoomB), all, NOW, 180)['private-chat-off']?.expired).toBeUndefined();
  });
  it('the newest of a room and a scope confirmation wins', () => {
    const all: ConfirmationsByScope = {
      'zoom:85550001111': { 'private-chat-off': { at: '2026-06-01T00:00:00.000Z' } },
      'account:zoom': { 'private-chat-off': { at: '2026-11-30T00:00:00.000Z', scope: 'account' } },
    };
    expect(confirmationsFor(roomOf(zoomB), all, NOW)).toEqual({ 'private-chat-off': { at: '2026-11-30T00:00:00.000Z', scope: 'account' } });
  });
});

describe('cap and pruning', () => {
  it('keeps at most CONFIRMATIONS_CAP scopes, dropping the oldest first', () => {
    expect(CONFIRMATIONS_CAP).toBe(200);
    let all: ConfirmationsByScope = {};
    for (let i = 0; i < 205; i++) {
      const at = new Date(Date.UTC(2026, 10, 1, 0, i)); // one minute apart, room-0 oldest
      all = applyConfirmation(all, { roomKey: `jitsi:meet.jit.si/room-${i}`, itemId: 'passcode', scope: 'room', key: `jitsi:meet.jit.si/room-${i}`, confirmed: true }, at);
    }
    expect(Object.keys(all)).toHaveLength(200);
    for (let i = 0; i < 5; i++) expect(all).not.toHaveProperty(`jitsi:meet.jit.si/room-${i}`);
    expect(all).toHaveProperty('jitsi:meet.jit.si/room-5');
    expect(all).toHaveProperty('jitsi:meet.jit.si/room-204');
  });
  it('a scope confirmed again recently is kept over older ones', () => {
    const all: ConfirmationsByScope = {
      a: { passcode: { at: '2026-01-01T00:00:00.000Z' }, 'chat-control': { at: '2026-11-01T00:00:00.000Z' } },
      b: { passcode: { at: '2026-06-01T00:00:00.000Z' } },
      c: { passcode: { at: '2026-03-01T00:00:00.000Z' } },
    };
    expect(Object.keys(pruneConfirmations(all, 2)).sort()).toEqual(['a', 'b']);
  });
  it('stored confirmations keep their scope through repair; a bad scope drops that entry only', () => {
    expect(
      repairConfirmations({
        'account:zoom': { 'private-chat-off': { at: '2026-11-01T00:00:00.000Z', scope: 'account' } },
        'zoom:1': { passcode: { at: '2026-11-01T00:00:00.000Z', scope: 'galaxy' } },
        'zoom:2': { passcode: { at: '2026-11-01T00:00:00.000Z', scope: 'room' } },
      }),
    ).toEqual({
      'account:zoom': { 'private-chat-off': { at: '2026-11-01T00:00:00.000Z', scope: 'account' } },
      'zoom:2': { passcode: { at: '2026-11-01T00:00:00.000Z' } },
    });
  });
});
