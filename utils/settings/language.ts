import { readLockList } from './policy/lists';
import { readManagedRaw } from './policy/managed-raw';
import { policyCacheItem, userSettingsItem } from '../storage';
import { LANGUAGES, REGIONS, SETTING_KEY_NAMES, type Region } from './constants';
import { browserRegion } from './region-inference';

/**
 * The two settings the popup needs before its first word: the language and the region (which picks the French
 * vocabulary). The same layers and rules as effective.ts (defaults → school policy → teacher, unless locked; the
 * policy's last good copy when the browser fails to answer), checked by hand for just these two keys so the popup
 * does not load zod. tests/unit/policy/language-fast.test.ts proves it agrees with getEffectiveSettings() on random
 * and junk input.
 */
export type LanguageSetting = (typeof LANGUAGES)[number];

const isLanguage = (v: unknown): v is LanguageSetting => (LANGUAGES as readonly unknown[]).includes(v);
const isRegion = (v: unknown): v is Region => (REGIONS as readonly unknown[]).includes(v);
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The policy's lock list, read by the same rule as the full validator (utils/settings/policy/lists.ts, fail closed). */
function lockedKeys(p: Record<string, unknown>): string[] {
  if (!('lockedSettings' in p)) return [];
  const set = () => [isLanguage(p.language) ? 'language' : '', isRegion(p.region) ? 'region' : ''].filter(Boolean);
  return readLockList(p.lockedSettings, SETTING_KEY_NAMES, set).locked;
}

export function resolveLanguage(policy: unknown, user: unknown): { language: LanguageSetting; region: Region } {
  const p = isRecord(policy) ? policy : {};
  const u = isRecord(user) ? user : {};
  const locked = lockedKeys(p);
  let language: LanguageSetting = 'auto';
  // The same default as DEFAULT_SETTINGS.region: the guess from the browser's languages and time zone.
  let region: Region = browserRegion().region;
  if (isLanguage(p.language)) language = p.language;
  if (isRegion(p.region)) region = p.region;
  if (isLanguage(u.language) && !locked.includes('language')) language = u.language;
  if (isRegion(u.region) && !locked.includes('region')) region = u.region;
  return { language, region };
}

export async function getLanguageSettings(): Promise<{ language: LanguageSetting; region: Region }> {
  const [read, user] = await Promise.all([readManagedRaw(), userSettingsItem.getValue().catch(() => ({}))]);
  let policy: unknown;
  if (read.kind === 'ok') policy = read.raw;
  else if (read.kind === 'error') policy = (await policyCacheItem.getValue().catch(() => null))?.raw;
  return resolveLanguage(policy, user);
}
