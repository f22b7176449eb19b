import { browser } from 'wxt/browser';

/**
 * Every visible word goes through here. Messages live in locales/<lang>/*.json, merged at build into
 * _locales/<lang>/messages.json (Chrome messages format).
 *
 * Two layers on top of browser.i18n:
 * 1. Language override. browser.i18n follows the browser's language and cannot switch at run time. When the
 *    teacher picks "français" or "English" in the options, extension pages call `loadLocale(lang)`, which reads
 *    our own packaged /_locales/<lang>/messages.json through runtime.getURL (a file inside the extension, not a
 *    network request). Until then, and for "auto", browser.i18n answers.
 * 2. Regional vocabulary. Chrome has no fr_CA folder next to fr. Where Québec/Canadian French uses another word
 *    (fr-CA "clavardage" vs fr-FR "chat"), the fragment holds a second key with the `_frca` suffix
 *    (`item_chat_control_title_frca`). When the region is Québec or Canada outside Québec and the language shown is
 *    French, `t(key)` prefers `key_frca` when it exists. The base key is the France/international wording.
 *    tests/unit/i18n-keys.test.ts counts a `_frca` key as used when its base key is.
 */

type Messages = Record<string, { message: string }>;
export type UiLanguage = 'en' | 'fr';
export type LanguageSetting = 'auto' | UiLanguage;

let override: { lang: UiLanguage; messages: Messages } | null = null;
let regionalFrench = false;

/** WXT types getMessage from public/_locales; ours are generated at build from locales/, so keys are plain strings. */
export const getMessage = (key: string, substitutions?: string | string[]): string => {
  if (override) {
    const entry = override.messages[key];
    if (entry) return substitute(entry.message, substitutions);
    // A key the chosen set lacks (a partial set, as the meeting badge gets) falls back to browser.i18n.
  }
  return (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions);
};

/** Chrome's rules for messages without placeholders: $1..$9 are substitutions, $$ is a dollar sign. */
export function substitute(message: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** The language the words are shown in right now. */
export function uiLanguage(): UiLanguage {
  if (override) return override.lang;
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
  } catch {
    return 'en';
  }
}

/** Region from the settings: Québec and Canada outside Québec get Canadian French vocabulary. */
export function setRegion(region: string): void {
  regionalFrench = region === 'qc' || region === 'ca';
}

/** Use the given messages instead of browser.i18n (tests, or after loadLocale). null goes back to browser.i18n. */
export function setMessages(lang: UiLanguage | null, messages?: Messages): void {
  override = lang && messages ? { lang, messages } : null;
}

/**
 * Apply the language setting on an extension page. 'auto' keeps browser.i18n. A failure to read the packaged
 * file (never expected) also keeps browser.i18n: the page still shows words, in the browser's language.
 */
export async function loadLocale(setting: LanguageSetting): Promise<void> {
  if (setting !== 'fr' && setting !== 'en') {
    setMessages(null);
    return;
  }
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${setting}/messages.json` as '/'));
    setMessages(setting, (await response.json()) as Messages);
  } catch (error) {
    console.warn('[vigie] could not load the chosen language; using the browser language', error);
    setMessages(null);
  }
}

/** Apply both settings at once and set <html lang> so screen readers pronounce the words right. */
export async function applyLanguageSettings(settings: { language: LanguageSetting; region: string }, doc?: Document): Promise<void> {
  await loadLocale(settings.language);
  setRegion(settings.region);
  if (doc) doc.documentElement.lang = uiLanguage() === 'fr' ? (regionalFrench ? 'fr-CA' : 'fr') : 'en';
}

function lookup(key: string, substitutions?: string | string[]): string {
  try {
    return getMessage(key, substitutions);
  } catch {
    return '';
  }
}

/**
 * A missing key shows as the key itself so it is caught in tests and e2e rather than rendering blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  if (regionalFrench && uiLanguage() === 'fr') {
    const regional = lookup(`${key}_frca`, substitutions);
    if (regional) return regional;
  }
  return lookup(key, substitutions) || key;
}

/** Is there a message for this key (in the current language)? */
export function has(key: string): boolean {
  return lookup(key) !== '';
}

/** Steps are stored as one message with one step per line. */
export function steps(key: string): string[] {
  const text = t(key);
  return text === key ? [] : text.split('\n').map((s) => s.trim()).filter(Boolean);
}
