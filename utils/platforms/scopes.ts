import type { ItemId } from '../checklist/items';
import type { RoomContext } from '../checklist/confirmations';
import type { Scope } from '../checklist/types';
import { ITEM_IDS } from '../checklist/items';
import type { PlatformId } from './types';

/**
 * Where each checklist item's setting lives, per platform (issue 17). A teacher's "I checked this" applies to that
 * whole scope: one confirmation of a Zoom account setting covers every Zoom room of that account. Items not listed
 * live in the room (the default, and the safe one: a room-scope confirmation covers one room only).
 *
 * Kept apart from the adapter files on purpose (they change often); an adapter may also declare `scope` itself
 * (PlatformAdapter.scope), which wins. Sources: shared/reference/platforms.md and each platform's docs/platforms/<id>.md.
 * When in doubt an item stays 'room': a setting that a meeting can override (Zoom's waiting room, passcode and
 * join-before-host are set per scheduled meeting) must never be confirmed once for a whole account.
 */
export const PLATFORM_SCOPES: Readonly<Partial<Record<PlatformId, Partial<Record<ItemId, Scope>>>>> = {
  // Zoom web settings (Settings › Meeting / Recording), the same for every meeting of the signed-in account.
  zoom: {
    'recording-control': 'account',
    'private-chat-off': 'account',
    'screen-share-host-only': 'account',
    'chat-control': 'account',
    'school-account': 'account',
    'personal-info-limited': 'account',
  },
  // Teams: the organisation's meeting and messaging policies (Teams admin centre), not the meeting options.
  teams: {
    'private-chat-off': 'organisation',
    'authenticated-only': 'organisation',
    'personal-info-limited': 'organisation',
  },
  'teams-education': {
    'private-chat-off': 'organisation',
    'personal-info-limited': 'organisation',
  },
  // Webex: site administration (one site per school, e.g. school.webex.com) and the host's own preferences.
  webex: {
    'private-chat-off': 'organisation',
    'authenticated-only': 'organisation',
    'school-account': 'account',
    'recording-control': 'account',
  },
  // Whereby: the account's dashboard (plan features), not the room's own settings.
  whereby: {
    'school-account': 'account',
    'recording-control': 'account',
  },
  // Google Workspace admin console: who can join from outside, profile details.
  'google-meet': { 'personal-info-limited': 'organisation' },
  'google-classroom': {
    'authenticated-only': 'organisation',
    'private-chat-off': 'organisation',
    'personal-info-limited': 'organisation',
  },
  classdojo: { 'school-account': 'account' },
  seesaw: { 'school-account': 'account' },
};

/**
 * Platforms where an account or organisation is tied to the server's host name (a Webex site, a self-hosted
 * Jitsi or BigBlueButton server, a Whereby organisation subdomain): the host is part of the scope key, so a
 * confirmation made on one school's server never covers another's.
 */
const HOST_BOUND: ReadonlySet<PlatformId> = new Set(['webex', 'jitsi', 'bigbluebutton', 'whereby']);

export function scopeOf(platform: PlatformId, id: ItemId, adapterScope?: Partial<Record<ItemId, Scope>>): Scope {
  return adapterScope?.[id] ?? PLATFORM_SCOPES[platform]?.[id] ?? 'room';
}

/**
 * The storage key a confirmation is kept under: the room key for 'room'; `account:<platform>[:<host>]` or
 * `organisation:<platform>[:<host>]` otherwise. Room keys always start with a platform id, so they never collide.
 */
export function scopeKey(scope: Scope, platform: PlatformId, roomKey: string, url: string): string {
  if (scope === 'room') return roomKey;
  let host = '';
  if (HOST_BOUND.has(platform)) {
    try {
      host = `:${new URL(url).host.toLowerCase()}`;
    } catch {
      return roomKey; // no host to bind to: keep the confirmation to this room
    }
  }
  return `${scope}:${platform}${host}`;
}

/** Every item of one room whose setting does not live in the room, with the key its confirmations are kept under. */
export function scopedKeys(platform: PlatformId, roomKey: string, url: string, adapterScope?: Partial<Record<ItemId, Scope>>): RoomContext['keys'] {
  const keys: RoomContext['keys'] = {};
  for (const id of ITEM_IDS) {
    const scope = scopeOf(platform, id, adapterScope);
    if (scope !== 'room') keys[id] = { scope, key: scopeKey(scope, platform, roomKey, url) };
  }
  return keys;
}
