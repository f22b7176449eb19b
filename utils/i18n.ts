import { browser } from 'wxt/browser';

/** WXT types getMessage from public/_locales; ours are generated at build from locales/, so keys are plain strings. */
export const getMessage = (key: string, substitutions?: string | string[]): string =>
  (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions);

/**
 * Every visible word goes through here (browser.i18n; messages in locales/<lang>/*.json, merged at build).
 * A missing key shows as the key itself so it is caught in tests and e2e rather than rendering blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    const message = getMessage(key, substitutions);
    return message || key;
  } catch {
    return key;
  }
}

/** Steps are stored as one message with one step per line. */
export function steps(key: string): string[] {
  const text = t(key);
  return text === key ? [] : text.split('\n').map((s) => s.trim()).filter(Boolean);
}
