import { policyCacheItem, userSettingsItem } from '../storage';
import { policyNotices } from './policy/notice';
import { EMPTY_POLICY, validatePolicy } from './policy/validate';
import { resolveSettings, type EffectiveSettings } from './effective';

/**
 * Settings at once, without asking managed storage (issue 15). On a fresh Chromium profile the first
 * `storage.managed.get()` takes seconds to answer (measured 1.9–3.6 s: the browser is still loading its policy
 * service); every later call answers in under a millisecond. A page that waits for it shows "Opening your
 * report…" for seconds before the emergency numbers. So pages draw first with the layers already on disk (the
 * teacher's choices and the school policy's last good copy in storage.local, or the defaults), then apply
 * getEffectiveSettings() when it answers. `final: false` says which is which: anything a school policy may lock
 * or restrict (where a report goes) must wait for the final answer.
 */
export async function getQuickSettings(): Promise<EffectiveSettings & { final: false }> {
  const [cached, user] = await Promise.all([policyCacheItem.getValue().catch(() => null), userSettingsItem.getValue().catch(() => ({}))]);
  const usable = !!cached && typeof cached === 'object' && !!cached.raw;
  const policy = usable ? validatePolicy(cached.raw) : EMPTY_POLICY;
  const resolved = resolveSettings({ values: policy.values, locked: policy.locked, problems: policyNotices(policy.problems) }, user);
  return { ...resolved, policy: { origin: usable ? 'cache' : 'none', readAt: usable && typeof cached.at === 'string' ? cached.at : undefined }, final: false };
}
