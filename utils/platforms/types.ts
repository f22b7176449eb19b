import type { ItemId } from '../checklist/items';
import type { Findings, Scope } from '../checklist/types';
import type { PlatformId } from './ids';

export type { PlatformId } from './ids';

export type Role = 'host' | 'participant' | 'unknown';

/** A flat snapshot of in-page state (read in the page's main world): dotted path → primitive value. */
export type PageState = Record<string, string | number | boolean | null>;

/** What an adapter is handed. Readers never reach for globals, so tests can pass a happy-dom document. */
export interface ReadContext {
  doc: Document;
  url: URL;
  /** In-page state from the main-world reader, when the platform has one and it answered. */
  state?: PageState;
  /** School account domains from policy/options, for the school-account item. */
  schoolDomains?: readonly string[];
}

/**
 * How an adapter treats each checklist item:
 * - read: it reads the value from the page (state, data-test ids, ARIA, labels);
 * - confirm: the page cannot show it; the popup shows steps for the teacher to check by hand;
 * - n/a: the platform has no such notion (e.g. passcode on Google Meet).
 */
export type Coverage = 'read' | 'confirm' | 'n/a';

export interface PlatformAdapter {
  id: PlatformId;
  /** Product name, not translated. */
  label: string;
  kind: 'meeting' | 'classroom';
  /** Match patterns for the content script (static hosts only; self-hosted origins are added at run time). */
  matchPatterns: string[];
  /** Pure URL predicate: is this URL a page of this platform where a room may be open? */
  matches(url: URL): boolean;
  /** Example URLs, tested with it.each (refined-github's github-url-detection practice). */
  exampleUrls: { yes: string[]; no: string[] };
  /** The room itself (not a pre-join, landing or settings page). */
  isMeetingPage(ctx: ReadContext): boolean;
  role(ctx: ReadContext): Role;
  /** Never throws: each item's detector is guarded by the runner; a miss is `unknown`, never a pass. */
  read(ctx: ReadContext): Findings;
  /** Stable key of the room, for confirmations (no query string, no passcode, no hash). */
  roomKey(url: URL): string;
  coverage: Record<ItemId, Coverage>;
  /**
   * Where each item's setting lives (room, account, organisation), when not in the room: a teacher's confirmation
   * applies to that whole scope (issue 17). Most adapters leave this out and are described in utils/platforms/scopes.ts.
   * @default every item 'room'
   */
  scope?: Partial<Record<ItemId, Scope>>;
  /** Deep link to where the teacher changes room settings, when the platform has one. */
  settingsUrl?: string;
  /**
   * Settings pages (Zoom profile settings, Teams meeting options, Greenlight room settings, a class's settings):
   * return the scope the page's findings apply to (e.g. `zoom:profile`, `teams:meeting:<id>`), or null when
   * this page is not a settings page. The background remembers those findings, with their date.
   */
  settingsScope?(ctx: ReadContext): string | null;
  /**
   * Meeting pages: the remembered settings scopes that may fill items this page cannot read, most specific
   * first (e.g. [`zoom:meeting:<id>`, `zoom:profile`]). A remembered finding never overrides one read live.
   */
  rememberedScopes?(ctx: ReadContext): string[];
  /**
   * Where settings can change in the DOM. Mutations outside these (video tiles, captions, chat) do not trigger a
   * rescan, which is what keeps a busy meeting page cheap. Absent = every mutation is considered (slow pages).
   */
  watch?: readonly string[];
  /**
   * Participant-written areas (tiles, names, chat, comments) as simple selectors: every helper skips controls and
   * text inside them, so a pupil named "End meeting for all" changes nothing. Starts with kit/dom.ts
   * COMMON_PARTICIPANT_AREAS; tests/platforms/fuzz.test.ts plants label-like names and chat lines in each.
   */
  participantAreas?: readonly string[];
  /** Paths read from the page's own state by the main-world reader (see utils/page-state/). */
  statePaths?: readonly string[];
  /**
   * Open-source platforms (Jitsi, BigBlueButton, Greenlight): every hook the adapter relies on, written exactly as
   * tests/fixtures/<id>/source-hooks.json lists it (a selector, data-test id, store path, config key or locale
   * key, e.g. `#lobby-section-switch`, `store:features/lobby.lobbyEnabled`, `locale:toolbar.endConference`).
   * tests/platforms/source-hooks.test.ts fails when one is missing from that extract or marked removed.
   */
  sourceHooks?: readonly string[];
}
