import { browser } from 'wxt/browser';
import type { Band } from '../checklist/types';
import type { TabState } from '../messaging';

/**
 * Band colours for the toolbar badge, dark enough for white text at 4.5:1 (WCAG AA):
 * green #1e6b34 (6.6:1), orange #9a4a00 (6.3:1), red #b3261e (6.5:1), neutral grey #505a63 (7.2:1).
 */
export const BAND_COLORS: Record<Band | 'neutral', string> = {
  green: '#1e6b34',
  orange: '#9a4a00',
  red: '#b3261e',
  neutral: '#505a63',
};

/** Badge text: the score, or "?" while nothing is known yet (all items still to confirm). */
export function badgeFor(state: TabState | null): { text: string; color: string } {
  if (!state || !state.isMeeting) return { text: '', color: BAND_COLORS.neutral };
  if (!state.result.known) return { text: '?', color: BAND_COLORS.neutral };
  return { text: String(state.result.score), color: BAND_COLORS[state.result.band] };
}

export async function paintToolbarBadge(tabId: number, state: TabState | null): Promise<void> {
  const { text, color } = badgeFor(state);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    if ('setBadgeTextColor' in browser.action) await browser.action.setBadgeTextColor({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed between the report and the paint: nothing to update.
  }
}
