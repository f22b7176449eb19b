import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getPolicy, loadPolicy, onPolicyChanged, resetPolicyMemory } from '../../../utils/settings/policy/read';
import { policyCacheItem, userSettingsItem } from '../../../utils/storage';
import { getEffectiveSettings } from '../../../utils/settings/effective';

/** Reading managed storage on both engines, with WXT's fake browser standing in for the real one. */
describe('reading the school policy', () => {
  beforeEach(() => {
    resetPolicyMemory();
    vi.restoreAllMocks();
  });

  it('Chromium with no policy: managed storage is empty → no policy, nothing reported', async () => {
    const p = await loadPolicy();
    expect(p).toMatchObject({ origin: 'none', values: {}, locked: [], problems: [] });
  });

  it('Firefox with no policy: managed.get() rejects → treated as no policy, not as an error', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const p = await loadPolicy();
    expect(p).toMatchObject({ origin: 'none', problems: [] });
  });

  it('reads a policy, keeps a local copy, and uses that copy only when the browser fails to answer', async () => {
    await fakeBrowser.storage.managed.set({ region: 'uk', lockedSettings: ['region'] });
    const first = await loadPolicy();
    expect(first).toMatchObject({ origin: 'managed', values: { region: 'uk' }, locked: ['region'] });
    expect((await policyCacheItem.getValue())?.raw).toEqual({ region: 'uk', lockedSettings: ['region'] });

    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('IO error'));
    const fallback = await loadPolicy();
    expect(fallback).toMatchObject({ origin: 'cache', values: { region: 'uk' }, locked: ['region'] });
  });

  it('a removed policy removes the local copy (a school that stops managing Vigie unlocks it)', async () => {
    await fakeBrowser.storage.managed.set({ region: 'uk' });
    await loadPolicy();
    await fakeBrowser.storage.managed.clear();
    expect(await loadPolicy()).toMatchObject({ origin: 'none', values: {} });
    expect(await policyCacheItem.getValue()).toBeNull();
  });

  it('is cached in memory and refreshed when the managed area changes', async () => {
    await fakeBrowser.storage.managed.set({ minScoreAlert: 60 });
    expect((await getPolicy()).values.minScoreAlert).toBe(60);
    const spy = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await getPolicy();
    expect(spy).not.toHaveBeenCalled();
    const changed = vi.fn();
    onPolicyChanged(changed);
    spy.mockRestore();
    await fakeBrowser.storage.managed.set({ minScoreAlert: 80 });
    expect(changed).toHaveBeenCalled();
    expect((await getPolicy()).values.minScoreAlert).toBe(80);
  });

  it('a throwing storage API never breaks the settings: defaults apply', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => {
      throw new TypeError('boom');
    });
    const eff = await getEffectiveSettings();
    expect(eff.settings.region).toBe('other');
    expect(eff.policy).toEqual({ origin: 'none', readAt: undefined });
  });
});

describe('getEffectiveSettings with a policy', () => {
  beforeEach(() => {
    resetPolicyMemory();
    vi.restoreAllMocks();
  });

  it('applies valid keys, locks them, keeps the teacher’s unlocked choices and reports invalid ones', async () => {
    await fakeBrowser.storage.managed.set({
      organisationName: 'École B',
      lead: { name: 'M. Roy', email: 'roy@ecole-b.qc.ca', phone: '', formUrl: '' },
      minScoreAlert: 'high',
      studentDomains: ['not a domain'],
      lockedSettings: ['lead', 'region'],
    });
    await userSettingsItem.setValue({ region: 'fr', lead: { name: 'me', email: 'me@x.org', phone: '', formUrl: '' }, minScoreAlert: 40 });
    const eff = await getEffectiveSettings();
    expect(eff.settings.lead.email).toBe('roy@ecole-b.qc.ca');
    expect(eff.settings.region).toBe('other'); // locked at its default
    expect(eff.settings.minScoreAlert).toBe(40); // teacher's choice, policy value invalid
    expect(eff.settings.studentDomains).toEqual([]);
    expect(eff.locked).toEqual(['lead', 'region']);
    expect(eff.source).toMatchObject({ organisationName: 'policy', lead: 'policy', minScoreAlert: 'user' });
    expect(eff.policy?.origin).toBe('managed');
    // The fake browser has no i18n: the notice shows as its key. minScoreAlert is invalid as a whole; the one
    // studentDomains entry is named and ignored while the (now empty) list applies.
    expect(eff.problems).toEqual(['policy_problem_invalid_one', 'policy_problem_entries']);
  });
});
