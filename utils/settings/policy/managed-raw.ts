import { browser } from 'wxt/browser';

/**
 * Reading the raw school policy from managed storage, without validating it: kept apart from read.ts (which
 * validates with zod) so the popup can learn the policy's language and region without loading zod.
 * - Chromium: `storage.managed.get()` resolves `{}` when no policy is set, and only ever holds values that matched
 *   public/managed_schema.json.
 * - Firefox: the same call REJECTS ("Managed storage manifest not found") when policies.json has nothing for Vigie.
 *   An absent policy is the normal case for most teachers: it reads as "no policy", never as an error.
 */

/** Firefox's (and polyfills') way of saying "no policy for this extension". */
export function isNoPolicyError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /managed storage manifest not found|no managed storage|storage\.managed is (not|un)/i.test(message);
}

/**
 * `empty`: the browser answered `{}`. On Firefox that is a policies.json entry for Vigie with nothing in it (no entry
 * rejects instead); on Chromium it is what both "no policy" and "every value refused by Chromium's schema check" look
 * like, so the options page cannot tell those two apart there and says so (chrome://policy can).
 */
type ReadResult = { kind: 'ok'; raw: Record<string, unknown> } | { kind: 'none' } | { kind: 'empty' } | { kind: 'error'; error: unknown };

/** One read of managed storage, classified. Never throws. */
export async function readManagedRaw(): Promise<ReadResult> {
  const area = (browser.storage as { managed?: { get(): Promise<Record<string, unknown>> } } | undefined)?.managed;
  if (!area?.get) return { kind: 'none' };
  try {
    const raw = await area.get();
    if (!raw || typeof raw !== 'object') return { kind: 'none' };
    if (Object.keys(raw).length === 0) return { kind: 'empty' };
    return { kind: 'ok', raw };
  } catch (error) {
    return isNoPolicyError(error) ? { kind: 'none' } : { kind: 'error', error };
  }
}

