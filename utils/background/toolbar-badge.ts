import { browser } from 'wxt/browser';
import { BAND_COLORS as GLANCE_COLORS, glance } from '../checklist/glance';
import type { Band } from '../checklist/types';
import type { TabState } from '../messaging';
import { badgeMessages } from './badge-i18n';

/**
 * Band colours for the toolbar badge (utils/checklist/glance.ts), dark enough for white text at 4.5:1 (WCAG AA);
 * `neutral` (the grey of "not checked yet") for pages that are not meetings.
 */
export const BAND_COLORS: Record<Band | 'neutral', string> = { ...GLANCE_COLORS, neutral: GLANCE_COLORS.grey };

/**
 * Badge text (4 characters at most): the score for what is known when something is known to be wrong or every
 * key item is good; "?" while the room is not checked yet (nothing known fails, a key item is still to confirm).
 */
export function badgeFor(state: TabState | null): { text: string; color: string } {
  if (!state || !state.isMeeting) return { text: '', color: BAND_COLORS.neutral };
  const g = glance(state.result);
  return { text: g.text, color: g.color };
}

type Words = (key: string, subs: string[]) => string;

/** The toolbar button's title (its tooltip and accessible name): the one key insight, then the coverage mark. */
export function badgeTitle(state: TabState | null, words: Words): string {
  if (!state || !state.isMeeting) return words('actionTitle', []);
  const g = glance(state.result);
  return words('toolbar_title', [words(g.headlineKey, []), words('coverage_mark', [String(g.coverage.checked), String(g.coverage.total)])]);
}

/** Words in the language chosen in Vigie's settings (the background's own messages file), else the browser's. */
async function wordsFor(language: string): Promise<Words> {
  const chosen = await badgeMessages(language);
  return (key, subs) => {
    const own = chosen?.messages[key]?.message;
    if (own) return subs.reduce((text, sub, i) => text.replaceAll(`$${i + 1}`, sub), own);
    return browser.i18n.getMessage(key as never, subs) || key;
  };
}

export async function paintToolbarBadge(tabId: number, state: TabState | null, language = 'auto'): Promise<void> {
  const { text, color } = badgeFor(state);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    if ('setBadgeTextColor' in browser.action) await browser.action.setBadgeTextColor({ tabId, color: '#ffffff' });
    await browser.action.setTitle({ tabId, title: badgeTitle(state, await wordsFor(language)) });
  } catch {
    // The tab closed between the report and the paint: nothing to update.
  }
}
