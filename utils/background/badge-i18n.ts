import { browser } from 'wxt/browser';

/**
 * The in-page badge's few words in the language the teacher chose in Vigie's settings. A content script cannot
 * read the extension's packaged messages (they are not web-accessible, on purpose: pages could fingerprint
 * Vigie). So the background reads its own /_locales/<lang>/messages.json and hands the badge only these keys
 * through cs.getPageContext. With language "auto" nothing is sent, and the badge uses browser.i18n.
 */
export const BADGE_KEYS = [
  'badgeLabel',
  'badgeLabelUnknown',
  'badgeLabelNotChecked',
  'badgeDetail',
  'badgeBelowMinimum',
  'badge_move',
  'badge_move_help',
  'badge_hide_site',
  // The score's words at a glance (issue 17): in-page badge and toolbar title.
  'glance_unsafe',
  'glance_to_fix',
  'glance_not_checked',
  'glance_good',
  'coverage_mark',
  'coverage_short',
  'toolbar_title',
  'actionTitle',
] as const;

export interface UiMessages {
  lang: 'en' | 'fr';
  messages: Record<string, { message: string }>;
}

const cache = new Map<string, UiMessages>();

export async function badgeMessages(language: string): Promise<UiMessages | undefined> {
  if (language !== 'fr' && language !== 'en') return undefined;
  const cached = cache.get(language);
  if (cached) return cached;
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/'));
    const all = (await response.json()) as Record<string, { message?: unknown }>;
    const messages: UiMessages['messages'] = {};
    for (const key of BADGE_KEYS) {
      const message = all[key]?.message;
      if (typeof message === 'string') messages[key] = { message };
    }
    const out: UiMessages = { lang: language, messages };
    cache.set(language, out);
    return out;
  } catch {
    return undefined; // the badge falls back to the browser's language
  }
}
