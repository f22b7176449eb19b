import type { ItemId } from './items';
import type { Confirmation, Confirmations, Scope } from './types';

/**
 * Pure rules for the teacher's confirmations (issue 17). Stored as `scope key → item → { at, scope }`
 * (utils/storage.ts `local:confirmations`): a room key for room settings, `account:…` / `organisation:…` for
 * settings that live there (utils/platforms/scopes.ts). The background does the reads and writes.
 */
export type ConfirmationsByScope = Record<string, Confirmations>;

/** Asked again after this many days unless the school's policy sets `confirmationMaxAgeDays`. */
export const CONFIRMATION_MAX_AGE_DAYS = 90;
/** At most this many scopes (rooms, accounts, organisations) are remembered; the oldest are dropped first. */
export const CONFIRMATIONS_CAP = 200;

const DAY = 24 * 60 * 60 * 1000;

export interface RoomContext {
  roomKey: string;
  role: 'host' | 'participant' | 'unknown';
  /** Each item's scope key in this room (see scopeKey), for items whose scope is not 'room'. */
  keys: Partial<Record<ItemId, { scope: Scope; key: string }>>;
}

export function isExpired(at: string, now: Date, maxAgeDays: number): boolean {
  const t = Date.parse(at);
  // A date that does not parse, or lies in the future, is not trusted: asked again.
  return !Number.isFinite(t) || t > now.getTime() + DAY || now.getTime() - t > maxAgeDays * DAY;
}

/**
 * The confirmations that apply to one room: for each item, the one kept under its scope (account, organisation)
 * or under the room itself (room settings, and confirmations made before scopes existed), the newest winning.
 * Account and organisation confirmations are not carried into a room where the teacher is a participant: that
 * room belongs to someone else's account. Old ones come back marked `expired` (asked again, never applied).
 */
export function confirmationsFor(room: RoomContext, all: ConfirmationsByScope, now: Date, maxAgeDays = CONFIRMATION_MAX_AGE_DAYS): Confirmations {
  const out: Confirmations = {};
  const roomOwn = all[room.roomKey] ?? {};
  const ids = new Set<ItemId>([...(Object.keys(roomOwn) as ItemId[]), ...(Object.keys(room.keys) as ItemId[])]);
  for (const id of ids) {
    const candidates: Confirmation[] = [];
    const own = roomOwn[id];
    if (own) candidates.push({ at: own.at, scope: 'room' });
    const scoped = room.keys[id];
    if (scoped && room.role !== 'participant') {
      const hit = all[scoped.key]?.[id];
      if (hit) candidates.push({ at: hit.at, scope: scoped.scope });
    }
    const newest = candidates.sort((a, b) => b.at.localeCompare(a.at))[0];
    if (!newest) continue;
    out[id] = isExpired(newest.at, now, maxAgeDays) ? { ...newest, expired: true } : newest;
  }
  return out;
}

/** The newest date in one scope's confirmations (how "old" a scope is, for pruning). */
function newestAt(entry: Confirmations): string {
  return Object.values(entry).reduce((max, c) => (c && c.at > max ? c.at : max), '');
}

/** Keep at most `cap` scopes, dropping the ones confirmed longest ago first (like remembered settings pages). */
export function pruneConfirmations(all: ConfirmationsByScope, cap = CONFIRMATIONS_CAP): ConfirmationsByScope {
  const entries = Object.entries(all).filter(([, v]) => Object.keys(v).length > 0);
  if (entries.length <= cap) return Object.fromEntries(entries);
  return Object.fromEntries(entries.sort((a, b) => newestAt(b[1]).localeCompare(newestAt(a[1]))).slice(0, cap));
}

/**
 * Record (or undo) "I checked this" for one item in one room, under the item's scope. Undo removes it from the
 * scope and from the room itself (a confirmation made before scopes existed), so it is really gone.
 */
export function applyConfirmation(
  all: ConfirmationsByScope,
  req: { roomKey: string; itemId: ItemId; scope: Scope; key: string; confirmed: boolean },
  now: Date,
  cap = CONFIRMATIONS_CAP,
): ConfirmationsByScope {
  const out: ConfirmationsByScope = { ...all };
  const edit = (key: string, fn: (entry: Confirmations) => void) => {
    const entry = { ...(out[key] ?? {}) };
    fn(entry);
    if (Object.keys(entry).length) out[key] = entry;
    else delete out[key];
  };
  if (req.confirmed) {
    edit(req.key, (e) => {
      e[req.itemId] = { at: now.toISOString(), ...(req.scope === 'room' ? {} : { scope: req.scope }) };
    });
  } else {
    edit(req.key, (e) => delete e[req.itemId]);
    edit(req.roomKey, (e) => delete e[req.itemId]);
  }
  return pruneConfirmations(out, cap);
}
