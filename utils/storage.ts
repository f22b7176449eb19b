import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { ITEM_IDS } from './checklist/items';
import type { Confirmations, Findings } from './checklist/types';
import type { ObservationReport, TabState } from './messaging';
import type { ReportEntry } from './report/context';
import type { Settings } from './settings/schema';

/**
 * Every stored key is defined here once, versioned from day one. Reads are repaired entry by entry:
 * a corrupt entry is dropped (with a warning), never the whole object.
 *
 * This file stays free of zod (the popup and the meeting content scripts import it): value types owned by other
 * rooms come in with `import type` only. Each `defineItem` is marked pure so a bundle that uses none of them (the
 * meeting content scripts, which read the badge's preferences below with a plain browser.storage call) drops WXT's
 * storage module altogether.
 */

/**
 * Teacher confirmations ("I checked this"), per scope key: a room key for room settings, `account:<platform>…` or
 * `organisation:<platform>…` for settings that live there (utils/platforms/scopes.ts, issue 17). Capped at
 * CONFIRMATIONS_CAP scopes, oldest dropped first (utils/checklist/confirmations.ts).
 */
export type ConfirmationsByRoom = Record<string, Confirmations>;

/**
 * One scope's confirmations: known item ids → { at, scope? } (a date string; the scope it was made for). Checked by
 * hand, not with zod, because the popup reads this file and must open fast (zod stays out of its bundle). Extra
 * fields are dropped.
 */
function parseRoomConfirmations(value: unknown): Confirmations | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Confirmations = {};
  for (const [id, entry] of Object.entries(value)) {
    if (!(ITEM_IDS as readonly string[]).includes(id)) return null;
    const at = (entry as { at?: unknown } | null)?.at;
    if (!entry || typeof entry !== 'object' || typeof at !== 'string' || at.length > 40) return null;
    const scope = (entry as { scope?: unknown }).scope;
    if (scope !== undefined && scope !== 'room' && scope !== 'account' && scope !== 'organisation') return null;
    out[id as keyof Confirmations] = scope === 'account' || scope === 'organisation' ? { at, scope } : { at };
  }
  return out;
}

export const confirmationsItem = /* @__PURE__ */ storage.defineItem<ConfirmationsByRoom>('local:confirmations', {
  version: 1,
  fallback: {},
});

export function repairConfirmations(raw: unknown): ConfirmationsByRoom {
  const out: ConfirmationsByRoom = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [room, value] of Object.entries(raw)) {
    const parsed = parseRoomConfirmations(value);
    if (parsed) out[room] = parsed;
    else console.warn(`[vigie] dropped invalid confirmations for ${room}`);
  }
  return out;
}

export async function readConfirmations(): Promise<ConfirmationsByRoom> {
  return repairConfirmations(await confirmationsItem.getValue());
}

/** Per-tab results, in session storage: gone when the browser closes, kept across service-worker restarts. */
export const tabStatesItem = /* @__PURE__ */ storage.defineItem<Record<string, TabState>>('session:tabStates', {
  version: 1,
  fallback: {},
});

/** The last validated report per tab, so a confirmation can rescore without asking the page again. */
export const tabReportsItem = /* @__PURE__ */ storage.defineItem<Record<string, ObservationReport>>('session:tabReports', {
  version: 1,
  fallback: {},
});

/**
 * Findings read on a settings page (Zoom profile settings, Teams meeting options, Greenlight room settings, a
 * class's settings page), remembered per scope with the date they were read, so the meeting page can use them
 * for items it cannot show. Local only; capped so it cannot grow without bound.
 */
export interface RememberedSettings {
  at: string;
  url: string;
  findings: Findings;
}
export const REMEMBERED_SETTINGS_CAP = 200;
export const rememberedSettingsItem = /* @__PURE__ */ storage.defineItem<Record<string, RememberedSettings>>('local:rememberedSettings', {
  version: 1,
  fallback: {},
});

/** What a "Report a concern about this…" right-click left for the report page, per source tab (session only). */
export const reportEntriesItem = /* @__PURE__ */ storage.defineItem<Record<string, ReportEntry>>('session:reportEntries', {
  version: 1,
  fallback: {},
});

/**
 * Social-app banner dismissals: key → until (ISO). Keys are `site:<host>` or `conv:<host>:<sha-256 of the
 * conversation path>` (the thread id never stored in clear). No message text, ever. Capped; expired entries
 * are dropped on each write (utils/background/boundaries.ts).
 */
export const BOUNDARY_DISMISSALS_CAP = 500;
export const boundaryDismissalsItem = /* @__PURE__ */ storage.defineItem<Record<string, string>>('local:boundaryDismissals', {
  version: 1,
  fallback: {},
});

/**
 * The welcome page (issue 15): whether the background opened it on install or skipped it because the school's
 * policy already sets where the teacher teaches and their lead. Written once per install; never reopened on its
 * own (the options page links to it).
 */
export interface WelcomeState {
  state: 'opened' | 'skipped';
  at: string;
}
export const welcomeItem = /* @__PURE__ */ storage.defineItem<WelcomeState | null>('local:welcome', { version: 1, fallback: null });

/**
 * The teacher's own settings: only keys they changed, each validated on its own on read by
 * utils/settings/effective.ts (a corrupt value falls back to the default for that key alone, never resetting the
 * rest). The popup reads the language from it without loading zod.
 */
export const userSettingsItem = /* @__PURE__ */ storage.defineItem<Partial<Settings>>('local:userSettings', { version: 1, fallback: {} });

/**
 * The last school policy read from managed storage, raw (validated again on every read by
 * utils/settings/policy/read.ts): used when managed storage cannot be read for a while.
 */
export interface PolicyCache {
  at: string;
  raw: Record<string, unknown>;
}
export const policyCacheItem = /* @__PURE__ */ storage.defineItem<PolicyCache | null>('local:policyCache', { version: 1, fallback: null });

/**
 * In-page badge preferences: where the teacher put the badge, per platform; whether it is expanded; the sites where
 * they hid it. Local only, validated by hand on read. `badgePrefsItem` is the WXT item (options page, forget-data);
 * the functions below read and write the same key (`badgePrefs`, version 1, no migration, so WXT keeps no version
 * meta for it) with plain browser.storage.local calls, so the meeting content scripts carry no storage library.
 * tests/unit/teacher-ui/badge.test.ts checks that both paths see the same value.
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
const BADGE_PREFS_KEY = 'badgePrefs';
export const badgePrefsItem = /* @__PURE__ */ storage.defineItem<BadgePrefs>(`local:${BADGE_PREFS_KEY}`, { version: 1, fallback: DEFAULT_BADGE_PREFS });

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

/** The stored prefs, repaired; the defaults when nothing is stored or storage cannot be read. */
export async function readBadgePrefs(): Promise<BadgePrefs> {
  try {
    const stored = (await browser.storage.local.get(BADGE_PREFS_KEY))[BADGE_PREFS_KEY] as unknown;
    return repairBadgePrefs(stored ?? DEFAULT_BADGE_PREFS);
  } catch {
    return { ...DEFAULT_BADGE_PREFS };
  }
}

/** Read-modify-write of the prefs (the content script and the popup both write them). */
export async function updateBadgePrefs(change: (prefs: BadgePrefs) => BadgePrefs): Promise<BadgePrefs> {
  const next = change(await readBadgePrefs());
  await browser.storage.local.set({ [BADGE_PREFS_KEY]: next });
  return next;
}

/** Hide or show the badge on one site (popup and badge). */
export function setSiteHidden(site: string, hidden: boolean): Promise<BadgePrefs> {
  return updateBadgePrefs((p) => ({ ...p, hiddenSites: hidden ? [...new Set([...p.hiddenSites, site])] : p.hiddenSites.filter((s) => s !== site) }));
}

/** Calls `onChange` with the new stored value (the defaults when it was removed) on every real change; returns the unwatch. */
export function watchBadgePrefs(onChange: (value: BadgePrefs) => void): () => void {
  const area = browser.storage.local;
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
    const change = changes[BADGE_PREFS_KEY];
    if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
    onChange((change.newValue as BadgePrefs | undefined) ?? DEFAULT_BADGE_PREFS);
  };
  area.onChanged.addListener(listener);
  return () => area.onChanged.removeListener(listener);
}
