import { describe, expect, it } from 'vitest';
import { fillFromRemembered, rememberSettings } from '../../../utils/background/remembered-settings';
import { REMEMBERED_SETTINGS_CAP, rememberedSettingsItem } from '../../../utils/storage';

const at = '2026-11-20T10:00:00.000Z';

describe('settings pages remembered for meetings', () => {
  it('fills unknown and missing items from the most specific scope, never overriding a live reading', () => {
    const memory = {
      'zoom:meeting:1': { at, url: 'https://zoom.us/meeting/1/edit', findings: { 'waiting-room': { state: 'pass', evidence: 'Waiting Room on', via: 'dom' } } },
      'zoom:profile': {
        at: '2026-11-01T10:00:00.000Z',
        url: 'https://zoom.us/profile/setting',
        findings: { 'waiting-room': { state: 'fail', evidence: 'off', via: 'dom' }, passcode: { state: 'pass', evidence: 'required', via: 'dom' }, 'chat-control': { state: 'fail', evidence: 'x', via: 'dom' } },
      },
    } as const;
    const live = { 'waiting-room': { state: 'unknown', evidence: 'not shown', via: 'none' }, 'chat-control': { state: 'pass', evidence: 'live', via: 'aria' } } as const;
    const out = fillFromRemembered(live as never, ['zoom:meeting:1', 'zoom:profile'], memory as never);
    expect(out['waiting-room']).toMatchObject({ state: 'pass', via: 'settings-page', readAt: at });
    expect(out['waiting-room']?.evidence).toBe('settings page read 2026-11-20: Waiting Room on');
    expect(out.passcode).toMatchObject({ state: 'pass', via: 'settings-page', readAt: '2026-11-01T10:00:00.000Z' });
    expect(out['chat-control']).toMatchObject({ state: 'pass', evidence: 'live' });
  });

  it('remembers only definite verdicts, merges tabs of the same page, and caps the number of scopes', async () => {
    await rememberSettings('zoom:profile', 'https://zoom.us/profile/setting?tab=meeting', { 'waiting-room': { state: 'pass', evidence: 'a', via: 'dom' }, passcode: { state: 'unknown', evidence: 'b', via: 'none' } });
    await rememberSettings('zoom:profile', 'https://zoom.us/profile/setting?tab=recording', { 'recording-control': { state: 'fail', evidence: 'c', via: 'dom' } });
    const memory = await rememberedSettingsItem.getValue();
    expect(Object.keys(memory['zoom:profile'].findings).sort()).toEqual(['recording-control', 'waiting-room']);
    for (let i = 0; i < REMEMBERED_SETTINGS_CAP + 5; i++) {
      await rememberSettings(`s:${i}`, 'https://x.test/', {}, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    }
    expect(Object.keys(await rememberedSettingsItem.getValue())).toHaveLength(REMEMBERED_SETTINGS_CAP);
  });
});
