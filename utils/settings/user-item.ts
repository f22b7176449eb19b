import { storage } from 'wxt/utils/storage';
import type { Settings } from './schema';

/**
 * The teacher's own choices: only keys they changed, each validated on its own on read by effective.ts (a corrupt
 * value falls back to the default for that key alone, never resetting the rest). Defined here, apart from the zod
 * schema, so the popup can read the language without loading zod; effective.ts re-exports it.
 */
export const userSettingsItem = storage.defineItem<Partial<Settings>>('local:userSettings', { version: 1, fallback: {} });
