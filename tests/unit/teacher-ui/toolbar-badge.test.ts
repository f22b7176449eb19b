import { describe, expect, it } from 'vitest';
import { mergeLocale } from '../../../wxt.config';
import { BAND_COLORS, badgeFor, badgeTitle } from '../../../utils/background/toolbar-badge';
import type { TabState } from '../../../utils/messaging';

const state = (over: Partial<TabState['result']> = {}, isMeeting = true): TabState => ({
  tabId: 1,
  platform: 'jitsi',
  url: 'https://meet.jit.si/Room',
  roomKey: 'jitsi:meet.jit.si/room',
  isMeeting,
  role: 'host',
  updatedAt: '2026-11-23T09:00:00Z',
  result: { score: 72, potential: 100, band: 'orange', known: true, nextStep: null, items: [], counts: { pass: 1, fail: 1, unknown: 0, 'n/a': 0 }, coverage: { checked: 2, total: 2, keyChecked: 0, keyTotal: 0 }, ...over },
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
  it('shows "?" in grey while the room is not checked yet (nothing known, or nothing failing with a key item to confirm)', () => {
    expect(badgeFor(state({ known: false, score: 0, band: 'grey' }))).toEqual({ text: '?', color: '#505a63' });
    expect(badgeFor(state({ known: true, score: 100, band: 'grey' }))).toEqual({ text: '?', color: '#505a63' });
  });
  it('shows the score in its band colour', () => {
    expect(badgeFor(state())).toEqual({ text: '72', color: '#9a4a00' });
    expect(badgeFor(state({ score: 100, band: 'green' }))).toEqual({ text: '100', color: '#1e6b34' });
    expect(badgeFor(state({ score: 91, band: 'red' }))).toEqual({ text: '91', color: '#b3261e' });
  });
  it.each([
    ['en', 'Vigie: Not checked yet: nothing wrong found so far (6 of 14 checked)', 'Vigie: Unsafe: a key setting is wrong (6 of 14 checked)'],
    ['fr', 'Vigie : Pas encore vérifié : rien d’anormal pour l’instant (6 sur 14 vérifiés)', 'Vigie : À risque : un réglage essentiel est à corriger (6 sur 14 vérifiés)'],
  ] as const)('its title (tooltip, accessible name) says the kind of room and the coverage mark, %s', (lang, grey, red) => {
    const messages = mergeLocale(lang) as Record<string, { message: string }>;
    const words = (key: string, subs: string[]) => subs.reduce((m, s, i) => m.replaceAll(`$${i + 1}`, s), messages[key].message);
    const coverage = { checked: 6, total: 14, keyChecked: 4, keyTotal: 6 };
    expect(badgeTitle(state({ band: 'grey', score: 100, coverage }), words)).toBe(grey);
    expect(badgeTitle(state({ band: 'red', score: 80, coverage }), words)).toBe(red);
    expect(badgeTitle(null, words)).toBe(messages.actionTitle.message);
  });
  it.each(Object.entries(BAND_COLORS))('band colour %s carries white text at 4.5:1 or more', (_band, hex) => {
    expect(contrastWithWhite(hex)).toBeGreaterThanOrEqual(4.5);
  });
});
