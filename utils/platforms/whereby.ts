import type { ItemId } from '../checklist/items';
import { findByLabel, type Hit, COMMON_PARTICIPANT_AREAS } from './kit/dom';
import { fail, unknown } from './kit/finding';
import { coverageOf, readTable, type NotApplicable, type Table } from './kit/probes';
import { roleFrom, roleOf, type RoleReading } from './kit/role';
import labelTable from './label-tables/whereby';
import type { PlatformAdapter, ReadContext } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel } = labelTable;

/**
 * Whereby rooms (whereby.com/<room>, <subdomain>.whereby.com/<room>). platforms.md §7 documents one readable state:
 * the host's top-bar padlock button, whose label toggles between "Lock room" (unlocked) and "Room locked" (locked),
 * and the host's knock controls ("Let in", "See who", "Hold", "Reject"). Everything else is in per-user menus or the
 * paid dashboard, so it stays "to confirm". English labels only ([doc]; French not verified). Facts: platforms.md §7,
 * platform-labels.json "whereby".
 */


/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '.participant-list', '.chat-panel'];
const selectors = {
  controls: 'button, [role="button"], [role="menuitem"], [role="switch"]', // top-bar and knock controls (help centre, 2026)
} as const;

/**
 * English labels from utils/platforms/labels.ts ("whereby"; whereby.helpscoutdocs.com article 352, all verified).
 * They only ever tell the role, fail ("Lock room" shown = unlocked) or are cited ("Room locked"), never pass, so
 * they are read in full.
 */
const labels = {
  lockRoom: anyLabel('whereby', 'lockRoom'), // shown while the room is unlocked
  roomLocked: anyLabel('whereby', 'roomLocked'), // shown while the room is locked
  knockHost: anyLabel('whereby', 'knockHost'), // host's options for someone knocking
} as const;

function lockButton(doc: Document): { locked: boolean; hit: Hit } | null {
  const locked = findByLabel(doc, selectors.controls, labels.roomLocked, true, AREAS);
  if (locked) return { locked: true, hit: locked };
  const unlocked = findByLabel(doc, selectors.controls, labels.lockRoom, true, AREAS);
  return unlocked ? { locked: false, hit: unlocked } : null;
}

function readRole(ctx: ReadContext): RoleReading {
  const controls = selectors.controls;
  return roleFrom(
    ctx.doc,
    [
      { role: 'host', labels: { candidates: controls, names: labels.roomLocked }, why: "the padlock is the host's" },
      { role: 'host', labels: { candidates: controls, names: labels.lockRoom }, why: "the padlock is the host's" },
      { role: 'host', labels: { candidates: controls, names: labels.knockHost }, why: 'answers a knock: host only' },
    ],
    AREAS,
  );
}

const table: Table<RoleReading> = {
  // A label may reveal a risk; it never certifies safety on its own (tests/platforms/fuzz.test.ts): "Room locked" is
  // cited in a "to confirm" finding, "Lock room" (unlocked) fails.
  'waiting-room': ({ doc }) => {
    const l = lockButton(doc);
    if (!l) return null;
    return l.locked
      ? unknown(`${l.hit.selector}: the padlock says the room is locked (visitors knock); confirm`)
      : fail(`${l.hit.selector}: the room is unlocked, anyone with the link walks in`, 'label');
  },
  'restricted-access': ({ doc }) => {
    const l = lockButton(doc);
    if (!l) return null;
    return l.locked ? unknown(`${l.hit.selector}: the padlock says only people you let in can enter; confirm`) : fail(`${l.hit.selector}: the room link alone lets anyone in`, 'label');
  },
};

/** Whereby has every item in some form (n/a is declared here once: none). */
const NA: NotApplicable = {};

const WHY_UNKNOWN: Partial<Record<ItemId, string>> = {
  'end-for-all': 'Whereby has no "end for all": the host removes people one by one',
  'no-stay-after-host': 'Whereby rooms stay open after the host leaves unless the room is locked',
  'mute-control': 'per-person menu (⋯ on each video) or the paid dashboard, not readable here',
  'camera-control': 'per-person menu (⋯ on each video) or the paid dashboard, not readable here',
  'chat-control': 'room permission in the Whereby dashboard, not shown in the room',
  'screen-share-host-only': 'room permission in the Whereby dashboard, not shown in the room',
};

/** First path segments of whereby.com that are not rooms. */
const NOT_ROOMS = ['user', 'login', 'signup', 'information', 'pricing', 'blog', 'org', 'dashboard', 'admin', 'api', 'embed', 'download', 'static', 'assets', 'legal', 'privacy', 'terms', 'support', 'enterprise', 'business', 'pro'];

const whereby: PlatformAdapter = {
  id: 'whereby',
  label: 'Whereby',
  kind: 'meeting',
  participantAreas: AREAS,
  matchPatterns: ['https://whereby.com/*', 'https://*.whereby.com/*'],
  matches(url) {
    if (url.protocol !== 'https:') return false;
    const host = url.hostname;
    if (host !== 'whereby.com' && !/^[a-z0-9-]+\.whereby\.com$/.test(host)) return false;
    if (host === 'www.whereby.com' || host === 'docs.whereby.com' || host === 'blog.whereby.com') return false;
    const segments = url.pathname.split('/').filter(Boolean);
    return segments.length === 1 && !NOT_ROOMS.includes(segments[0].toLowerCase());
  },
  exampleUrls: {
    yes: ['https://whereby.com/classe-6b', 'https://whereby.com/classe-6b?lang=fr', 'https://ecole.whereby.com/maths-5b'],
    no: ['https://whereby.com/', 'https://whereby.com/user', 'https://whereby.com/information/tos', 'https://www.whereby.com/classe-6b', 'https://whereby.com.evil.example/classe-6b', 'http://whereby.com/classe-6b', 'https://whereby.com/a/b'],
  },
  isMeetingPage(ctx) {
    return readRole(ctx).role === 'host';
  },
  role: roleOf(readRole),
  read(ctx) {
    return readTable('whereby', table, NA, ctx, readRole(ctx), { areas: AREAS, unread: (id) => WHY_UNKNOWN[id] ?? 'not shown in the room; check it in your Whereby account' });
  },
  roomKey(url) {
    return `whereby:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  },
  coverage: coverageOf(NA, {
    'waiting-room': 'read',
    'restricted-access': 'read',
    'no-stay-after-host': 'confirm',
    'recording-control': 'confirm',
    'private-chat-off': 'confirm',
    'screen-share-host-only': 'confirm',
    'end-for-all': 'confirm',
    passcode: 'confirm',
    'authenticated-only': 'confirm',
    'join-before-host-off': 'confirm',
    'chat-control': 'confirm',
    'school-account': 'confirm',
    'mute-control': 'confirm',
    'camera-control': 'confirm',
    'personal-info-limited': 'confirm',
  }),
  settingsUrl: 'https://whereby.com/user',
  watch: ['button', '[role="button"]', '[role="menuitem"]', '[role="dialog"]', '[role="alert"]'],
};

export default whereby;

/*
 * Observed on:
 * - https://whereby.com/<room> and https://<subdomain>.whereby.com/<room>, as listed in shared/reference/platforms.md §7
 *   (research date 2026-11-23), from whereby.helpscoutdocs.com article 352 "Meeting controls" and
 *   appearin.helpscoutdocs.com article 105 (knock flow).
 * - English labels only; no selectors are documented, no live capture. Only the host's view is recognised as a room
 *   (the padlock and knock controls are the only documented hooks); a participant's view gets no score.
 */
