import type { ItemId } from '../checklist/items';
import { COMMON_PARTICIPANT_AREAS } from './kit/dom';
import { fold, weakLabelLog } from './kit/labels';
import { collectToggles, pickToggle, type ToggleReading } from './kit/toggles';
import { fail, notApplicable, pass } from './kit/finding';
import { coverageOf, readTable, type NotApplicable, type Table } from './kit/probes';
import labelTable from './label-tables/seesaw';
import type { PlatformAdapter, ReadContext, Role } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel, sure, unsure } = labelTable;

/**
 * Seesaw (app.seesaw.me): teachers, families and students share one single-page app with hash routes. A
 * class-management app, not a video room: only the items about who can reach the class, comments, family
 * visibility, personal information and the teacher's account apply; the video items are n/a.
 *
 * Hooks (platforms.md §8, platform-labels.json "seesaw": detectable "no", "manual until checked live"):
 * - URL facts, language-independent: class ids `class.<uuid>` in the hash (#/activities/class/class.<uuid>/…,
 *   #/family/journals/person.<id>/class.<uuid>), family/student route prefixes.
 * - Class settings (wrench icon) switches, identified by the [doc] EN labels of help.seesaw.me article 205676565
 *   and read from their own ARIA/checkbox state. No French label is verified: a French settings panel stays
 *   "to confirm".
 */


/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '.journal-post', '.comment-section'];
const HOST = 'app.seesaw.me';
const CLASS_ID = /^class\.[0-9a-z-]{6,64}$/i; // e.g. class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0
const SIGNED_OUT = ['login', 'signup', 'forgot_password', 'logout'];

/**
 * Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. Seesaw documents no test
 * ids; the class settings switches are found by role/type and named by their label.
 */
const selectors = {
  switches: [
    '[role="switch"]', // ARIA switch with aria-checked, class settings panel (2026-11 model, unverified live)
    '[role="checkbox"]', // ARIA checkbox with aria-checked (2026-11 model, unverified live)
    'input[type="checkbox"]', // native checkbox (2026-11 model, unverified live)
  ],
} as const;

/*
 * EN labels come from utils/platforms/labels.ts ("seesaw"; help.seesaw.me 205676565 "Class settings", all verified),
 * matched inside a switch's accessible name. FR: none recorded. Any label of any key tells the settings panel apart.
 */
const KEYS = ['seeEachOther', 'studentComments', 'commentApproval', 'familyAccess', 'familiesShare'] as const;
const ALL_LABELS = KEYS.flatMap((k) => anyLabel('seesaw', k));

/** Unverified labels read during the current detector (see capUnverified). */
const weak = weakLabelLog();

type LabelKey = (typeof KEYS)[number];

/**
 * The switch for `key` (labels.ts "seesaw"), matched as a phrase of its accessible name: the key's verified labels
 * first, then its unverified ones (none today), which the weak log notes so a pass on them stays to confirm.
 */
function toggle(toggles: readonly ToggleReading[], key: LabelKey): ToggleReading | null {
  const hit = pickToggle(toggles, sure('seesaw', key));
  if (hit) return hit;
  const soft = pickToggle(toggles, unsure('seesaw', key));
  if (soft) weak.note(soft.name);
  return soft;
}

interface Route {
  seesaw: boolean;
  path: string[];
  classId: string | null;
}

function routeOf(url: URL): Route {
  const seesaw = url.protocol === 'https:' && url.hostname === HOST;
  const hash = url.hash.replace(/^#/, '');
  const q = hash.indexOf('?');
  const path = (q >= 0 ? hash.slice(0, q) : hash).split('/').filter(Boolean).slice(0, 10);
  const classId = path.find((p) => CLASS_ID.test(p))?.toLowerCase() ?? null;
  return { seesaw, path, classId };
}

const isParticipantRoute = (r: Route) => r.path[0] === 'family' || r.path[0] === 'student';

interface Reading {
  toggles: ToggleReading[];
  route: Route;
}

function settingsShown(toggles: readonly ToggleReading[]): boolean {
  const wanted = ALL_LABELS.map(fold);
  return toggles.some((t) => wanted.some((w) => t.name.includes(w)));
}

function settingsScope(ctx: ReadContext): string | null {
  const r = routeOf(ctx.url);
  if (!r.seesaw || !r.classId || isParticipantRoute(r)) return null;
  // The class settings panel opens over the class page (wrench icon); it is the panel's switches that make this a
  // settings page. English UI only (no verified French label).
  return settingsShown(collectToggles(ctx.doc, selectors.switches, AREAS)) ? `seesaw:${r.classId}` : null;
}

function readRole(r: Route, toggles: readonly ToggleReading[]): Role {
  if (isParticipantRoute(r)) return 'participant';
  // Only teachers see the class settings and the approval queue (#/activities/class/<id>/display/pending).
  if (settingsShown(toggles) || (r.path[0] === 'activities' && r.path.includes('pending'))) return 'host';
  return 'unknown';
}

const VIDEO = 'Seesaw has no video meeting: this item does not apply';
const at = (t: ToggleReading) => `${t.evidence} (class settings)`;

/** Seesaw has no video meeting: declared once, for coverage and read alike. */
const NA = {
  'waiting-room': VIDEO,
  'no-stay-after-host': VIDEO,
  'recording-control': VIDEO,
  'screen-share-host-only': VIDEO,
  'end-for-all': VIDEO,
  passcode: VIDEO,
  'authenticated-only': 'every Seesaw member has an account or a class code; who may join the class is the restricted-access item',
  'join-before-host-off': VIDEO,
  'mute-control': VIDEO,
  'camera-control': VIDEO,
} as const satisfies NotApplicable;

// Who can join (restricted-access): class code / QR sign-in vs school accounts ("Student sign in mode"); the values
// are not documented, so it has no row.
const table: Table<Reading> = {
  'chat-control': (_ctx, { toggles }) => {
    const comments = toggle(toggles, 'studentComments');
    const approval = toggle(toggles, 'commentApproval');
    if (comments && !comments.on) return pass(`${at(comments)}: students cannot comment`, comments.via);
    if (approval?.on) return pass(`${at(approval)}: every new comment waits for the teacher`, approval.via);
    if (comments?.on && approval && !approval.on) return fail(`${at(comments)}; ${at(approval)}: comments appear without review`, approval.via);
    return null;
  },
  // Parent inclusion (transparency) is mapped here: no private teacher–student or student–student channel hidden from
  // families. Seesaw has no student-to-student messages; with Family access on, families see their child's journal
  // and the comments on it.
  'private-chat-off': (_ctx, { toggles }) => {
    const family = toggle(toggles, 'familyAccess');
    if (!family) return null;
    return family.on
      ? pass(`${at(family)}: families see their child's journal and its comments`, family.via)
      : fail(`${at(family)}: families cannot see what their child posts or receives`, family.via);
  },
  'personal-info-limited': (_ctx, { toggles }) => {
    const see = toggle(toggles, 'seeEachOther');
    const share = toggle(toggles, 'familiesShare');
    const family = toggle(toggles, 'familyAccess');
    const exposed = [see, share].filter((t): t is ToggleReading => !!t?.on);
    if (exposed.length) return fail(`${exposed.map(at).join('; ')}: work is visible beyond the student and teacher`, exposed[0].via);
    if (see && (share || (family && !family.on))) return pass(`${at(see)}; ${share ? at(share) : at(family!)}: work stays private`, see.via);
    return null;
  },
  'school-account': (_ctx, { route }) =>
    isParticipantRoute(route) ? notApplicable('family or student view: this item is about the teacher\u2019s account') : null,
};

const UNREAD: Partial<Record<ItemId, string>> = {
  'restricted-access': 'Seesaw does not show how students sign in to this class (class code or school accounts): confirm',
  'chat-control': 'read on the class settings panel (wrench icon, English UI); not shown here',
  'private-chat-off': 'Family access is read on the class settings panel (wrench icon, English UI); not shown here',
  'personal-info-limited': 'read on the class settings panel (wrench icon, English UI); not shown here',
  'school-account': 'Seesaw does not show the signed-in account on class pages: confirm it is your school account',
};

const seesaw: PlatformAdapter = {
  id: 'seesaw',
  label: 'Seesaw',
  kind: 'classroom',
  participantAreas: AREAS,
  matchPatterns: ['https://app.seesaw.me/*'],
  matches(url) {
    const r = routeOf(url);
    if (!r.seesaw) return false;
    const first = r.path[0] ?? '';
    return !SIGNED_OUT.includes(first) && !(r.path[1] === 'login');
  },
  exampleUrls: {
    yes: [
      'https://app.seesaw.me/#/activities/class/class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0/display/pending',
      'https://app.seesaw.me/#/activities/class/class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0',
      'https://app.seesaw.me/#/family/journals/person.5d2c1a7e-0b4f-4c1e-9a51-2f0f3b8e7c11/class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0',
    ],
    no: [
      'https://app.seesaw.me/#/login',
      'https://app.seesaw.me/#/login?role=org_admin',
      'https://app.seesaw.me/#/student/login',
      'https://web.seesaw.me/',
      'https://help.seesaw.me/hc/en-us/articles/205676565',
      'http://app.seesaw.me/#/activities/class/class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0',
      'https://app.seesaw.me.example.net/#/activities/class/class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0',
    ],
  },
  isMeetingPage(ctx) {
    // The class itself, decided from the URL (language-independent): a route that names a class, settings closed.
    const r = routeOf(ctx.url);
    return r.seesaw && !!r.classId && !settingsScope(ctx);
  },
  role(ctx) {
    return readRole(routeOf(ctx.url), collectToggles(ctx.doc, selectors.switches, AREAS));
  },
  read(ctx) {
    let reading: Reading;
    try {
      reading = { toggles: collectToggles(ctx.doc, selectors.switches, AREAS), route: routeOf(ctx.url) };
    } catch {
      reading = { toggles: [], route: { seesaw: false, path: [], classId: null } };
    }
    return readTable('seesaw', table, NA, ctx, reading, { areas: AREAS, weak, unread: (id) => UNREAD[id] ?? 'not shown on this page' });
  },
  roomKey(url) {
    const r = routeOf(url);
    return r.classId ? `seesaw:${r.classId}` : `seesaw:${HOST}/${(r.path[0] ?? '').toLowerCase()}`;
  },
  coverage: coverageOf(NA, {
    'restricted-access': 'confirm',
    'private-chat-off': 'read',
    'chat-control': 'read',
    'school-account': 'confirm',
    'personal-info-limited': 'read',
  }),
  settingsScope,
  rememberedScopes(ctx) {
    const r = routeOf(ctx.url);
    return r.classId && !isParticipantRoute(r) ? [`seesaw:${r.classId}`] : [];
  },
  // Settings show in the class settings panel (a dialog of switches); journal posts and comments are ignored.
  watch: ['[role="dialog"]', ...selectors.switches],
};

export default seesaw;

/*
 * Observed on:
 * - https://app.seesaw.me/#/activities/class/class.<uuid>/display/pending (teacher approval queue; route seen in a
 *   public userscript's @match), https://app.seesaw.me/#/family/journals/person.<id>/class.<uuid> (family journal;
 *   route seen in a public downloader's tests), #/login and #/student/login (sign-in pages, not read).
 * - Labels: help.seesaw.me/hc/en-us/articles/205676565 (class settings), as summarised in
 *   shared/reference/platforms.md §8 (research 2026-11-23).
 * - Built from these documented hooks, NOT a live capture: the class settings panel's markup is modelled minimally
 *   in tests/fixtures/seesaw/. Recapture a real page to confirm before relying on more than URL facts.
 */
