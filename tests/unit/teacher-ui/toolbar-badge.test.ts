import { describe, expect, it } from 'vitest';
import { BAND_COLORS, badgeFor } from '../../../utils/background/toolbar-badge';
import type { TabState } from '../../../utils/messaging';

const state = (over: Partial<TabState['result']> = {}, isMeeting = true): TabState => ({
  tabId: 1,
  platform: 'jitsi',
  url: 'https://meet.jit.si/Room',
  roomKey: 'jitsi:meet.jit.si/room',
  isMeeting,
  role: 'host',
  updatedAt: '2026-11-23T09:00:00Z',
  result: { score: 72, potential: 100, band: 'orange', known: true, nextStep: null, items: [], counts: { pass: 1, fail: 1, unknown: 0, 'n/a': 0 }, ...over },
});

/** WCAG relative luminance contrast of white text on a colour. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05);
}

describe('toolbar badge', () => {
  it('is empty and neutral on pages that are not meetings', () => {
    expect(badgeFor(null)).toEqual({ text: '', color: BAND_COLORS.neutral });
    expect(badgeFor(state({}, false))).toEqual({ text: '', color: BAND_COLORS.neutral });
  });
  it('shows "?" while nothing is known', () => {
    expect(badgeFor(state({ known: false, score: 0, band: 'red' }))).toEqual({ text: '?', color: BAND_COLORS.neutral });
  });
  it('shows the score in its band colour', () => {
    expect(badgeFor(state())).toEqual({ text: '72', color: BAND_COLORS.orange });
    expect(badgeFor(state({ score: 95, band: 'green' }))).toEqual({ text: '95', color: BAND_COLORS.green });
  });
  it.each(Object.entries(BAND_COLORS))('band colour %s carries white text at 4.5:1 or more', (_band, hex) => {
    expect(contrastWithWhite(hex)).toBeGreaterThanOrEqual(4.5);
  });
});
