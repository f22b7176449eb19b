import type { ItemId } from '../checklist/items';
import { COMMON_PARTICIPANT_AREAS } from './kit/dom';
import { weakLabelLog } from './kit/labels';
import { collectToggles, pickToggle, type ToggleReading } from './kit/toggles';
import { accountFinding, shownEmailDomain } from './kit/account';
import { fail, notApplicable, pass } from './kit/finding';
import { coverageOf, readTable, type NotApplicable, type Table } from './kit/probes';
import labelTable from './label-tables/classdojo';
import type { PlatformAdapter, ReadContext, Role } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { sure, unsure } = labelTable;

/**
 * ClassDojo (teach.classdojo.com for teachers, home.classdojo.com for families, student.classdojo.com for
 * students). A class-management app, not a video room: only the checklist items about who can reach the class,
 * comments and messaging, personal information and the teacher's account apply; the video items are n/a.
 *
 * Hooks (platforms.md §8, platform-labels.json "classDojo": detectable "no" without live DOM work):
 * - URL facts, language-independent: the app's hash routes, from ClassDojo's own universal-link redirect table
 *   (class page `#/classes/<id>/points|story`, class settings `…?settings=true`, school settings
 *   `#/schools/…?schoolSettings=true`, account tab `#/launchpad?settingsTab=profile`). They give the role and the
 *   settings scope.
 * - Settings switches, identified by the [doc] EN labels of the help center and read from their own ARIA/checkbox
 *   state. No French label is verified, so a French settings page stays "to confirm".
 * - The account tab's e-mail field, for school-account (domain only).
 */


/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '[data-test-name="messageThread"]', '.story-post'];
const HOSTS = { teacher: 'teach.classdojo.com', family: 'home.classdojo.com', student: 'student.classdojo.com' } as const;
const CLASS_ID = /^[0-9a-f]{24}$/i; // Mongo-style ids in class URLs (e.g. #/classes/697d7ed028ab93052f78c907/points)
/** Routes where nobody is signed in yet, or that carry a login token: never read, never keyed. */
const SIGNED_OUT = ['login', 'signup', 'directLogin', 'singleLinkSignup', 'logout', 'forgotPassword'];

/**
 * Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. ClassDojo documents no
 * test ids; the only DOM hooks are the settings switches (found by role/type, named by label, below) and the account
 * tab's e-mail field.
 */
const selectors = {
  switches: [
    '[role="switch"]', // ARIA switch with aria-checked (2026-11 model, unverified live)
    '[role="checkbox"]', // ARIA checkbox with aria-checked (2026-11 model, unverified live)
    'input[type="checkbox"]', // native checkbox (2026-11 model, unverified live)
  ],
  accountEmail: [
    'input[type="email"]', // Account settings → Profile e-mail field (2026-11 model, unverified live)
    'input[autocomplete="email"]', // same field typed as text (2026-11 model)
  ],
} as const;

/*
 * EN labels come from utils/platforms/labels.ts ("classdojo"; help.classdojo.com School Settings and Class Story
 * articles, all verified), matched as phrases inside a switch's accessible name. FR: none recorded (platforms.md
 * keeps ClassDojo FR out): French switches are not read.
 */

/** Unverified labels read during the current detector (see capUnverified). */
const weak = weakLabelLog();

type LabelKey = 'classStoryComments' | 'schoolStoryComments' | 'familyChat' | 'monsterAvatars';

/**
 * The switch for `key` (labels.ts "classdojo"), matched as a phrase of its accessible name: the key's verified labels
 * first, then its unverified ones (none today), which the weak log notes so a pass on them stays to confirm.
 */
function toggle(toggles: readonly ToggleReading[], key: LabelKey): ToggleReading | null {
  const hit = pickToggle(toggles, sure('classdojo', key));
  if (hit) return hit;
  const soft = pickToggle(toggles, unsure('classdojo', key));
  if (soft) weak.note(soft.name);
  return soft;
}

interface Route {
  host: 'teacher' | 'family' | 'student' | null;
  path: string[];
  query: URLSearchParams;
}

/** ClassDojo routes live in the hash: `#/classes/<id>/points?settings=true`. */
function routeOf(url: URL): Route {
  const host = (Object.entries(HOSTS).find(([, h]) => h === url.hostname)?.[0] ?? null) as Route['host'];
  const hash = url.hash.replace(/^#/, '');
  const q = hash.indexOf('?');
  const path = (q >= 0 ? hash.slice(0, q) : hash).split('/').filter(Boolean).slice(0, 8);
  let query = new URLSearchParams();
  try {
    query = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
  } catch {
    /* a malformed hash query is treated as none */
  }
  return { host, path, query };
}

function classIdOf(r: Route): string | null {
  return r.host === 'teacher' && r.path[0] === 'classes' && CLASS_ID.test(r.path[1] ?? '') ? r.path[1].toLowerCase() : null;
}

function settingsScope(ctx: ReadContext): string | null {
  const r = routeOf(ctx.url);
  if (r.host !== 'teacher') return null;
  const classId = classIdOf(r);
  if (classId && r.query.get('settings') === 'true') return `classdojo:${classId}`;
  if (r.path[0] === 'schools' && r.query.get('schoolSettings') === 'true') return 'classdojo:school';
  if (r.path[0] === 'launchpad' && r.query.get('settingsTab') === 'profile') return 'classdojo:account';
  return null;
}

function role(ctx: ReadContext): Role {
  const host = routeOf(ctx.url).host;
  return host === 'teacher' ? 'host' : host ? 'participant' : 'unknown';
}

interface Reading {
  toggles: ToggleReading[];
  role: Role;
  scope: string | null;
}

const onSettings = (f: ToggleReading) => `${f.evidence} (ClassDojo settings)`;

const VIDEO = 'ClassDojo has no video meeting: this item does not apply';

/** ClassDojo has no video meeting: declared once, for coverage and read alike. */
const NA = {
  'waiting-room': VIDEO,
  'no-stay-after-host': VIDEO,
  'recording-control': VIDEO,
  'screen-share-host-only': VIDEO,
  'end-for-all': VIDEO,
  passcode: VIDEO,
  'authenticated-only': 'every ClassDojo member has an account; who may join the class is the restricted-access item',
  'join-before-host-off': VIDEO,
  'mute-control': VIDEO,
  'camera-control': VIDEO,
} as const satisfies NotApplicable;

// Who can join (restricted-access) is decided by class codes, parent invites and the teacher approving connection
// requests; no page shows it as a setting Vigie can read: it has no row.
const table: Table<Reading> = {
  'chat-control': (_ctx, { toggles }) => {
    const read = [toggle(toggles, 'classStoryComments'), toggle(toggles, 'schoolStoryComments'), toggle(toggles, 'familyChat')].filter(
      (t): t is ToggleReading => !!t,
    );
    if (!read.length) return null;
    const open = read.filter((t) => t.on);
    if (open.length) return fail(`${open.map(onSettings).join('; ')}: comments or chat are on`, open[0].via);
    return pass(`${read.map(onSettings).join('; ')}: comments and chat are off`, read[0].via);
  },
  // Parent inclusion (transparency) is mapped here: the risk the item guards against is a private channel that the
  // family cannot see. ClassDojo students cannot start chats (help center); with Class/Family Chat off there is no
  // chat at all. With it on, whether teacher–student messages (grades 6–12, district-enabled) include families is
  // not shown anywhere: "to confirm".
  'private-chat-off': (_ctx, { toggles }) => {
    const chat = toggle(toggles, 'familyChat');
    return chat && !chat.on ? pass(`${onSettings(chat)}: no class or family chat, students cannot start chats`, chat.via) : null;
  },
  'personal-info-limited': (_ctx, { toggles }) => {
    const monsters = toggle(toggles, 'monsterAvatars');
    return monsters?.on ? pass(`${onSettings(monsters)}: students appear as monster avatars, not photos`, monsters.via) : null;
  },
  'school-account': (ctx, { role: who, scope }) => {
    if (who === 'participant') return notApplicable('family or student view: this item is about the teacher\u2019s account');
    // Only the account tab shows the signed-in teacher's own e-mail (an invite form elsewhere shows other people's).
    if (scope !== 'classdojo:account') return null;
    return accountFinding(shownEmailDomain(ctx.doc, selectors.accountEmail), ctx.schoolDomains, 'account settings (#/launchpad?settingsTab=profile)');
  },
};

/** Why an item stays "to confirm", per item (the evidence the popup and the audit show). */
const UNREAD: Partial<Record<ItemId, string>> = {
  'restricted-access': 'ClassDojo does not show who can join the class (class code, parent invites): confirm',
  'chat-control': 'comment and chat switches are read on ClassDojo\u2019s class or school settings (English UI); not shown here',
  'private-chat-off': 'confirm that Class/Family Chat is off, or that teacher\u2013student messages include families',
  'personal-info-limited': 'monster avatars are read on School settings (English UI) and not shown here as on: confirm no student photos or full names are shown',
  'school-account': 'the signed-in account is read on Account settings → Profile; not shown here',
};

const classdojo: PlatformAdapter = {
  id: 'classdojo',
  label: 'ClassDojo',
  kind: 'classroom',
  participantAreas: AREAS,
  matchPatterns: ['https://teach.classdojo.com/*', 'https://home.classdojo.com/*', 'https://student.classdojo.com/*'],
  matches(url) {
    if (url.protocol !== 'https:') return false;
    const r = routeOf(url);
    return !!r.host && !SIGNED_OUT.includes(r.path[0] ?? '');
  },
  exampleUrls: {
    yes: [
      'https://teach.classdojo.com/#/classes/697d7ed028ab93052f78c907/points',
      'https://teach.classdojo.com/#/classes/66b41b4df18932df7fb0eb94/story',
      'https://teach.classdojo.com/#/classes/697d7ed028ab93052f78c907/points?settings=true',
      'https://teach.classdojo.com/#/schools/story?schoolSettings=true',
      'https://teach.classdojo.com/#/launchpad?settingsTab=profile',
      'https://home.classdojo.com/#/story',
      'https://home.classdojo.com/#/messages/',
      'https://student.classdojo.com/#/story',
    ],
    no: [
      'https://www.classdojo.com/',
      'https://www.classdojo.com/ul/t/class?classID=697d7ed028ab93052f78c907',
      'https://teach.classdojo.com/#/login?redirect=%2Flaunchpad',
      'https://student.classdojo.com/#/directLogin?token=abc&studentId=def',
      'http://teach.classdojo.com/#/classes/697d7ed028ab93052f78c907/points',
      'https://teach-static.classdojo.com/logo.png',
      'https://teach.classdojo.com.example.net/#/classes/697d7ed028ab93052f78c907/points',
    ],
  },
  isMeetingPage(ctx) {
    const r = routeOf(ctx.url);
    if (!r.host || settingsScope(ctx)) return false;
    // The class itself: a class page for the teacher; the class story or messages for families and students.
    // Decided from the URL alone (language-independent); a page still loading just has nothing to read yet.
    return r.host === 'teacher' ? !!classIdOf(r) : ['story', 'messages', 'portfolio'].includes(r.path[0] ?? '');
  },
  role,
  read(ctx) {
    let reading: Reading;
    try {
      reading = { toggles: collectToggles(ctx.doc, selectors.switches, AREAS), role: role(ctx), scope: settingsScope(ctx) };
    } catch {
      reading = { toggles: [], role: 'unknown', scope: null };
    }
    return readTable('classdojo', table, NA, ctx, reading, { areas: AREAS, weak, unread: (id) => UNREAD[id] ?? 'not shown on this page' });
  },
  roomKey(url) {
    const r = routeOf(url);
    const classId = classIdOf(r);
    if (classId) return `classdojo:${classId}`;
    return `classdojo:${url.hostname}/${r.path.slice(0, 1).join('/').toLowerCase()}`;
  },
  coverage: coverageOf(NA, {
    'restricted-access': 'confirm',
    'private-chat-off': 'read',
    'chat-control': 'read',
    'school-account': 'read',
    'personal-info-limited': 'read',
  }),
  settingsUrl: 'https://teach.classdojo.com/#/schools/story?schoolSettings=true',
  settingsScope,
  rememberedScopes(ctx) {
    const classId = classIdOf(routeOf(ctx.url));
    return classId ? [`classdojo:${classId}`, 'classdojo:school', 'classdojo:account'] : [];
  },
  // Settings show in dialogs and switches; the story feed, points and messages are ignored.
  watch: ['[role="dialog"]', ...selectors.switches, ...selectors.accountEmail],
};

export default classdojo;

/*
 * Observed on:
 * - https://teach.classdojo.com/#/classes/<classId>/points (class), …/points?settings=true (class settings),
 *   #/schools/story?schoolSettings=true (school settings), #/launchpad?settingsTab=profile (account);
 *   https://home.classdojo.com/#/story, https://student.classdojo.com/#/story. Routes from ClassDojo's public
 *   universal-link redirect table (read 2026-11-23) and public scripts using teach.classdojo.com/#/classes/<id>/….
 * - Labels: help.classdojo.com School Settings (37079046891661) and teacher–student messaging (42703283797133),
 *   as summarised in shared/reference/platforms.md §8 (research 2026-11-23).
 * - Built from these documented hooks, NOT a live capture: the settings DOM (switch markup) is modelled minimally
 *   in tests/fixtures/classdojo/. Recapture a real page to confirm before relying on more than URL facts.
 */
