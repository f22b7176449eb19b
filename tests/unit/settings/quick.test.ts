import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policyCacheItem, userSettingsItem } from '../../../utils/storage';
import { getQuickSettings } from '../../../utils/settings/quick';

describe('settings at once, without waiting for managed storage (issue 15)', () => {
  it('never asks managed storage (seconds on a fresh Chromium profile)', async () => {
    const managed = (fakeBrowser.storage as unknown as { managed?: { get(): Promise<unknown> } }).managed;
    const spy = managed ? vi.spyOn(managed, 'get') : null;
    await userSettingsItem.setValue({ region: 'fr', language: 'fr' });
    const q = await getQuickSettings();
    expect(q.settings.region).toBe('fr');
    expect(q.settings.language).toBe('fr');
    expect(q.final).toBe(false);
    expect(q.policy?.origin).toBe('none');
    if (spy) expect(spy).not.toHaveBeenCalled();
  });

  it('uses the school policy’s last good copy, locks included', async () => {
    await policyCacheItem.setValue({ at: '2026-11-30T08:00:00.000Z', raw: { region: 'uk', lockedSettings: ['region'], organisationName: 'Oak Academy' } });
    await userSettingsItem.setValue({ region: 'fr' });
    const q = await getQuickSettings();
    expect(q.settings.region).toBe('uk');
    expect(q.locked).toContain('region');
    expect(q.settings.organisationName).toBe('Oak Academy');
    expect(q.policy).toEqual({ origin: 'cache', readAt: '2026-11-30T08:00:00.000Z' });
  });

  it('a corrupt copy or corrupt settings never throw: defaults', async () => {
    await fakeBrowser.storage.local.set({ policyCache: 'junk', userSettings: ['junk'] });
    const q = await getQuickSettings();
    expect(q.settings.region).toBe('other'); // tests/setup.ts: TZ=UTC, en-US: nothing guessed
    expect(q.policy?.origin).toBe('none');
  });
});
