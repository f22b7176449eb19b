import { browser } from 'wxt/browser';
import { EMPTY_POLICY, validatePolicy, type PolicyLayer } from './validate';

/**
 * Reading the school policy from managed storage, safely, on both engines.
 * - Chromium: `storage.managed.get()` resolves `{}` when no policy is set, and only ever holds values that matched
 *   public/managed_schema.json. Policies can arrive after start-up (Google Admin console): storage.onChanged fires
 *   with area 'managed'.
 * - Firefox: the same call REJECTS ("Managed storage manifest not found") when policies.json has nothing for Vigie.
 *   An absent policy is the normal case for most teachers: it reads as "no policy", never as an error.
 * The last policy read is cached in memory (refreshed when the managed area changes) and in storage.local, so a
 * failure to read managed storage later (anything other than "none exists") keeps the school's last known settings
 * instead of silently unlocking them.
 */

import { policyCacheItem } from '../../storage';
import { isNoPolicyError, readManagedRaw } from './managed-raw';

export { isNoPolicyError, readManagedRaw };

export type PolicyOrigin = 'managed' | 'cache' | 'none';

export interface PolicyState extends PolicyLayer {
  /** Where the values came from: read from the browser's managed storage now, the last good copy, or no policy. */
  origin: PolicyOrigin;
  /** When the policy was read from managed storage (ISO time), if ever. */
  readAt?: string;
  /** What the browser handed over: nothing (no policy), an empty object, or values. */
  delivered: 'none' | 'empty' | 'values';
  /** The values as the browser delivered them, before Vigie's checks (the options page's "School policy" panel). */
  raw?: Record<string, unknown>;
}

/** Read managed storage now, update the local copy, and fall back to it only when the browser failed to answer. */
export async function loadPolicy(): Promise<PolicyState> {
  const read = await readManagedRaw();
  if (read.kind === 'ok') {
    const at = new Date().toISOString();
    await policyCacheItem.setValue({ at, raw: read.raw }).catch((e) => console.warn('[vigie] could not cache the school policy', e));
    return { ...validatePolicy(read.raw), origin: 'managed', readAt: at, delivered: 'values', raw: read.raw };
  }
  if (read.kind === 'none' || read.kind === 'empty') {
    await policyCacheItem.removeValue().catch(() => undefined);
    return { ...EMPTY_POLICY, origin: 'none', delivered: read.kind === 'empty' ? 'empty' : 'none' };
  }
  console.warn('[vigie] could not read the school policy; using the last copy', read.error);
  const cached = await policyCacheItem.getValue().catch(() => null);
  if (cached && typeof cached === 'object' && cached.raw) return { ...validatePolicy(cached.raw), origin: 'cache', readAt: typeof cached.at === 'string' ? cached.at : undefined, delivered: 'values', raw: cached.raw };
  return { ...EMPTY_POLICY, origin: 'none', delivered: 'none' };
}

let current: Promise<PolicyState> | undefined;
let listening = false;
const subscribers = new Set<() => void>();

function listen(): void {
  if (listening) return;
  listening = true;
  try {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area !== 'managed') return;
      current = undefined;
      for (const fn of subscribers) {
        try {
          fn();
        } catch (e) {
          console.warn('[vigie] policy listener failed', e);
        }
      }
    });
  } catch (e) {
    console.warn('[vigie] cannot watch the school policy for changes', e);
  }
}

/** The policy layer: read once, cached in memory, re-read after the managed area changes. Never rejects. */
export function getPolicy(): Promise<PolicyState> {
  listen();
  current ??= loadPolicy().catch((e): PolicyState => {
    console.warn('[vigie] school policy unavailable', e);
    current = undefined;
    return { ...EMPTY_POLICY, origin: 'none', delivered: 'none' };
  });
  return current;
}

/** Call `fn` when the school's policy changes (options page re-renders). Returns an unsubscribe function. */
export function onPolicyChanged(fn: () => void): () => void {
  listen();
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}

/** Tests: forget the in-memory copy. */
export function resetPolicyMemory(): void {
  current = undefined;
  listening = false;
  subscribers.clear();
}
