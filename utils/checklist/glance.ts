import type { Band, Coverage, RoomScore } from './types';

/**
 * What the teacher sees at a glance (toolbar, in-page badge, popup header), as one pure view model so the three
 * cannot disagree. DuckDuckGo's dashboard leads with one key insight: ours is the kind of room, said in words,
 * then the number for what is known, then the coverage mark ("6 of 14 checked").
 *
 * - unsafe: a known failure of a key (weight-3) item (red, the number);
 * - to-fix: known failures of lighter items (orange, the number);
 * - not-checked: nothing known fails, but a key item is still to confirm (grey, "?": never a number, because
 *   with nothing failing the number would always read 100 and look like a verdict);
 * - good: every key item known good, nothing known fails (green, the number).
 */
export type GlanceKind = 'unsafe' | 'to-fix' | 'not-checked' | 'good';

export const KIND_OF_BAND: Readonly<Record<Band, GlanceKind>> = { red: 'unsafe', orange: 'to-fix', grey: 'not-checked', green: 'good' };

/**
 * Band colours, dark enough for white text at 4.5:1 (WCAG AA):
 * green #1e6b34 (6.6:1), orange #9a4a00 (6.3:1), red #b3261e (6.5:1), grey #505a63 (7.2:1).
 */
export const BAND_COLORS: Readonly<Record<Band, string>> = { green: '#1e6b34', orange: '#9a4a00', red: '#b3261e', grey: '#505a63' };

export interface Glance {
  kind: GlanceKind;
  band: Band;
  /** What stands in the badge: the score, or "?" when not checked yet. At most 4 characters (toolbar badge). */
  text: string;
  /** The number shown, or null when none is (not checked yet). */
  number: number | null;
  color: string;
  /** Message key of the one-line insight (locales/<lang>/score.json). */
  headlineKey: `glance_${'unsafe' | 'to_fix' | 'not_checked' | 'good'}`;
  coverage: Pick<Coverage, 'checked' | 'total'>;
}

export function glance(r: Pick<RoomScore, 'band' | 'known' | 'score'> & { coverage?: Pick<Coverage, 'checked' | 'total'> }): Glance {
  const kind = KIND_OF_BAND[r.band] ?? 'not-checked';
  const number = kind === 'not-checked' || !r.known ? null : r.score;
  return {
    kind,
    band: r.band,
    text: number === null ? '?' : String(number),
    number,
    color: BAND_COLORS[r.band] ?? BAND_COLORS.grey,
    headlineKey: `glance_${kind.replace('-', '_') as 'unsafe' | 'to_fix' | 'not_checked' | 'good'}`,
    coverage: { checked: r.coverage?.checked ?? 0, total: r.coverage?.total ?? 0 },
  };
}
