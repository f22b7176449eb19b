import { storage } from 'wxt/utils/storage';
import { ITEM_IDS } from './checklist/items';
import type { Confirmations, Findings } from './checklist/types';
import type { ObservationReport, TabState } from './messaging';

/**
 * Every stored key is defined here once, versioned from day one. Reads are repaired entry by entry:
 * a corrupt entry is dropped (with a warning), never the whole object.
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

export const confirmationsItem = storage.defineItem<ConfirmationsByRoom>('local:confirmations', {
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
export const tabStatesItem = storage.defineItem<Record<string, TabState>>('session:tabStates', {
  version: 1,
  fallback: {},
});

/** The last validated report per tab, so a confirmation can rescore without asking the page again. */
export const tabReportsItem = storage.defineItem<Record<string, ObservationReport>>('session:tabReports', {
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
export const rememberedSettingsItem = storage.defineItem<Record<string, RememberedSettings>>('local:rememberedSettings', {
  version: 1,
  fallback: {},
});

/** What a "Report a concern about this…" right-click left for the report page, per source tab (session only). */
export const reportEntriesItem = storage.defineItem<Record<string, import('./report/context').ReportEntry>>('session:reportEntries', {
  version: 1,
  fallback: {},
});

/**
 * Social-app banner dismissals: key → until (ISO). Keys are `site:<host>` or `conv:<host>:<sha-256 of the
 * conversation path>` (the thread id never stored in clear). No message text, ever. Capped; expired entries
 * are dropped on each write (utils/background/boundaries.ts).
 */
export const BOUNDARY_DISMISSALS_CAP = 500;
export const boundaryDismissalsItem = storage.defineItem<Record<string, string>>('local:boundaryDismissals', {
  version: 1,
  fallback: {},
});

/**
 * In-page badge preferences (position per platform, expanded, sites where it is hidden). Defined in
 * utils/meeting/badge-prefs.ts so the meeting content script can use it without zod; re-exported here so every
 * stored key is listed in this file.
 */
export { badgePrefsItem, type BadgePrefs } from './meeting/badge-prefs';

/**
 * The welcome page (issue 15): whether the background opened it on install or skipped it because the school's
 * policy already sets where the teacher teaches and their lead. Written once per install; never reopened on its
 * own (the options page links to it).
 */
export interface WelcomeState {
  state: 'opened' | 'skipped';
  at: string;
}
export const welcomeItem = storage.defineItem<WelcomeState | null>('local:welcome', { version: 1, fallback: null });
