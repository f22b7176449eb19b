import { storage } from 'wxt/utils/storage';

/**
 * Where the teacher put the in-page badge, per platform; whether it is expanded; the sites where they hid it.
 * Kept apart from utils/storage.ts (which re-exports it) so the meeting content script does not pull zod in:
 * it is validated by hand on read. Local only.
 */
export interface BadgePrefs {
  /** Top-left corner in CSS pixels, per platform id. Clamped to the window when applied. */
  positions: Record<string, { x: number; y: number }>;
  expanded: boolean;
  /** Host names (e.g. meet.jit.si) where the teacher hid the badge. */
  hiddenSites: string[];
}

export const DEFAULT_BADGE_PREFS: BadgePrefs = { positions: {}, expanded: false, hiddenSites: [] };
export const BADGE_PREFS_CAP = 100;

export const badgePrefsItem = storage.defineItem<BadgePrefs>('local:badgePrefs', { version: 1, fallback: DEFAULT_BADGE_PREFS });

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 100_000;

/** Keep what is well-formed, drop the rest (a corrupt entry never hides or misplaces the badge everywhere). */
export function repairBadgePrefs(raw: unknown): BadgePrefs {
  const out: BadgePrefs = { positions: {}, expanded: false, hiddenSites: [] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  const r = raw as Record<string, unknown>;
  if (r.positions && typeof r.positions === 'object' && !Array.isArray(r.positions)) {
    for (const [platform, p] of Object.entries(r.positions as Record<string, unknown>).slice(0, BADGE_PREFS_CAP)) {
      const pos = p as { x?: unknown; y?: unknown } | null;
      if (pos && finite(pos.x) && finite(pos.y)) out.positions[platform] = { x: pos.x, y: pos.y };
    }
  }
  out.expanded = r.expanded === true;
  if (Array.isArray(r.hiddenSites)) {
    out.hiddenSites = r.hiddenSites.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 253).slice(0, BADGE_PREFS_CAP);
  }
  return out;
}

export async function readBadgePrefs(): Promise<BadgePrefs> {
  try {
    return repairBadgePrefs(await badgePrefsItem.getValue());
  } catch {
    return { ...DEFAULT_BADGE_PREFS };
  }
}

/** Read-modify-write of the prefs (the content script and the popup both write them). */
export async function updateBadgePrefs(change: (prefs: BadgePrefs) => BadgePrefs): Promise<BadgePrefs> {
  const next = change(await readBadgePrefs());
  await badgePrefsItem.setValue(next);
  return next;
}

/** Hide or show the badge on one site (popup and badge). */
export function setSiteHidden(site: string, hidden: boolean): Promise<BadgePrefs> {
  return updateBadgePrefs((p) => ({ ...p, hiddenSites: hidden ? [...new Set([...p.hiddenSites, site])] : p.hiddenSites.filter((s) => s !== site) }));
}
