import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import { findByLabel, firstMatch, COMMON_PARTICIPANT_AREAS } from './kit/dom';
import { valueIs, type ControlIndex } from './kit/controls';
import { controlSlot, onlyIfVerified, switchIn, valueIn, type ValueReading } from './kit/switches';
import { accountLineFinding } from './kit/account';
import { fail, pass, unknown } from './kit/finding';
import { coverageOf, readTable, type NotApplicable, type Table } from './kit/probes';
import { roleOf, type RoleReading } from './kit/role';
import labelTable from './label-tables/teams';
import type { PlatformAdapter, ReadContext } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel, sure, pair } = labelTable;

/**
 * Microsoft Teams on the web: teams.microsoft.com (classic and /v2/), teams.cloud.microsoft, and teams.live.com
 * (Teams free, personal Microsoft accounts). In a call Vigie reads the data-tid hooks (hang-up button), the
 * organizer's "End meeting" entry, and — when the teacher has the Meeting options panel open — the options' own
 * controls. The Meeting options PAGE (/meetingOptions/?…threadId=19_meeting_…@thread.v2) is a settings page: its
 * verdicts are remembered under `teams:meeting:<id>` and fill what the call cannot show.
 * Class teams (Teams for Education, `#/school/…` routes) are read by utils/platforms/teams-education.ts; the two
 * never match the same URL. Facts: shared/reference/platforms.md §5, platform-labels.json "teams".
 *
 * The options page's DOM is NOT verified in public code (platforms.md: "options-page dropdown (DOM not
 * verified)"). It is modelled minimally: a combobox / select named by the documented label shows its value, a
 * switch or checkbox named by the documented label carries its state. Only that value or state is read. Labels
 * marked [unverified] may fail an item, never pass one.
 */


/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '.roster', '.tile', '[data-tid="chat-pane-message"]', '[data-tid="roster-list"]'];
/** Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. */
const selectors = {
  inCall: [
    'button[data-tid="hangup-main-btn"]', // new Teams (v2) in-call Leave (Vexa msteams/selectors.ts, 2026-08)
    'button#hangup-button', // in-call Leave, both clients (Vexa, TranscripTonic, 2026)
  ],
  preJoin: ['#prejoin-join-button'], // pre-join "Join now" (Vexa, 2026-08)
  // Microsoft 365 account manager ("me control"): its second line is the signed-in account's e-mail. Seen in
  // public automation code next to Teams (2026); not in platforms.md: verify live.
  accountEmail: ['#mectrl_currentAccount_secondary'],
} as const;

/**
 * EN/FR labels come from utils/platforms/labels.ts ("teams"), each with its vendor page: verified labels are read as
 * sure, the others as unsure, and a pass read through an unsure one stays to confirm (capUnverified, in readTable).
 */
type LabelKey = keyof typeof labelTable.table;
const labels = {
  endMeeting: anyLabel('teams', 'endMeeting'), // organizer's Leave split-button menu: the role, never a pass on its own
} as const;

/** Option values of "Who can bypass the lobby?" (Graph lobbyBypassScope), strictest last. EN only in the sources. */
const lobbyValues = {
  everyone: ['Everyone'],
  guests: ['People in my organization, trusted organizations, and guests', 'People in my organization and guests'],
  organization: ['People in my organization'],
  invited: ['People I invite'],
  organizer: ['Only me and co-organizers'],
} as const;

const presenterValues = {
  organizer: ['Only me and co-organizers', 'Organisateurs et co-organisateurs uniquement'],
  specific: ['Specific people'],
  open: ['Everyone', 'People in my organization', 'People in my organization and guests'],
} as const;

const chatValues = {
  enabled: ['Enabled', 'Activé'],
  disabled: ['Disabled', 'Désactivé'],
  inMeeting: ['In-meeting only', 'En réunion uniquement'],
} as const;

export const TEAMS_HOSTS = ['teams.microsoft.com', 'teams.cloud.microsoft', 'teams.live.com'];

/** A class team's page (Teams for Education), e.g. https://teams.microsoft.com/_#/school/conversations/General?threadId=… */
export function isClassTeamUrl(url: URL): boolean {
  return url.protocol === 'https:' && TEAMS_HOSTS.includes(url.hostname) && url.hostname !== 'teams.live.com' && /^#\/school\//.test(url.hash.replace(/^#!?/, '#'));
}

function isOptionsPage(url: URL): boolean {
  return /^\/meetingoptions\/?$/i.test(url.pathname);
}

/** The meeting's id inside its thread id (19_meeting_<id>@thread.v2, 19:meeting_<id>@thread.v2), from path, query or hash. */
export function teamsMeetingId(url: URL): string | null {
  let text = `${url.pathname}${url.search}${url.hash}`;
  try {
    text = decodeURIComponent(text);
  } catch {
    /* a malformed escape: read it raw */
  }
  const m = /19[:_]meeting_([A-Za-z0-9_-]{8,200})@thread\.v2/.exec(text);
  return m ? m[1] : null;
}

/** The kit's role reading, plus whether it was read in the call (the organizer's End meeting) or the options page. */
type TeamsRole = RoleReading & { inCall: boolean };

function readRole(ctx: ReadContext): TeamsRole {
  if (isOptionsPage(ctx.url)) return { role: 'host', evidence: 'Meeting options page (organizers and co-organizers)', inCall: false };
  const end = findByLabel(ctx.doc, '[role="menuitem"], button', labels.endMeeting, true, AREAS);
  if (end) return { role: 'host', evidence: `${end.selector} (organizers only)`, inCall: true };
  return { role: 'unknown', evidence: 'role not shown', inCall: false };
}

const show = (r: ValueReading) => `"${r.hit.label}" = "${r.value.slice(0, 80)}"${r.hit.verified ? '' : ' (label unverified)'}`;

interface Page {
  r: TeamsRole;
  where: string;
  index: ControlIndex;
}

const dropdown = (p: Page, key: LabelKey) => valueIn(p.index, pair(key));

function lobbyScope(p: Page): { r: ValueReading; scope: keyof typeof lobbyValues } | null {
  const r = dropdown(p, 'lobby');
  if (!r) return null;
  for (const scope of Object.keys(lobbyValues) as (keyof typeof lobbyValues)[]) {
    if (valueIs(r.value, lobbyValues[scope])) return { r, scope };
  }
  return null;
}

/** Who can present: only organizers passes, open to others fails, "Specific people" depends on whom (not read). */
function presenters(p: Page, why = ''): Finding | null {
  const v = dropdown(p, 'presenters');
  if (!v) return null;
  if (valueIs(v.value, presenterValues.organizer)) return pass(`${p.where}: ${show(v)}${why}`, 'aria');
  if (valueIs(v.value, presenterValues.open)) return fail(`${p.where}: ${show(v)}${why && ' (every presenter can record)'}`, 'aria');
  return null;
}

/** An organizer-only switch: offered = the organizer controls it (its position is the teacher's choice). */
function offered(p: Page, key: LabelKey, verifiedOnly: boolean): Finding | null {
  const t = switchIn(p.index, pair(key));
  if (!t) return null;
  const f = pass(`${p.where}: "${t.hit.label}" is ${t.on ? 'on' : 'off'} (the organizer controls it)`, 'aria');
  return verifiedOnly ? onlyIfVerified(t, f) : f;
}

const table: Table<Page> = {
  'waiting-room': (_ctx, p) => {
    const l = lobbyScope(p);
    if (!l) return null;
    const ok = l.scope === 'organizer' || l.scope === 'invited';
    return onlyIfVerified(l.r, ok ? pass(`${p.where}: ${show(l.r)} (others wait in the lobby)`, 'aria') : fail(`${p.where}: ${show(l.r)} (they skip the lobby)`, 'aria'));
  },
  'restricted-access': (_ctx, p) => {
    const lock = switchIn(p.index, pair('lock'));
    if (lock?.on) return pass(`${p.where}: "${lock.hit.label}" is on (nobody else can join)`, 'aria');
    const l = lobbyScope(p);
    if (!l) return null;
    const ok = l.scope === 'organizer' || l.scope === 'invited' || l.scope === 'organization';
    return onlyIfVerified(l.r, ok ? pass(`${p.where}: ${show(l.r)} (outsiders wait for you to admit them)`, 'aria') : fail(`${p.where}: ${show(l.r)} (people outside the school get straight in)`, 'aria'));
  },
  'no-stay-after-host': (_ctx, { r }) =>
    // Teams keeps the meeting going after the organizer leaves; checklist.md counts a one-click "end for all".
    r.role === 'host' && r.inCall ? pass(`no setting in Teams; the organizer has "End meeting" (${r.evidence})`, 'aria') : null,
  // Presenters can record; "Who can record and transcribe?" (newer builds) has no documented values, so it is not read.
  'recording-control': (_ctx, p) => presenters(p, ' (only presenters can record)'),
  'screen-share-host-only': (_ctx, p) => presenters(p),
  // Only a label a Microsoft page shows may pass; the others are cited, to confirm (labels.ts).
  // Only a label a Microsoft page shows may pass; the others are cited, to confirm (labels.ts). Code, not a probe:
  // teams-education imports this file, and a module-level probe call would ride along in its bundle.
  'end-for-all': ({ doc }) => {
    const sureHit = findByLabel(doc, '[role="menuitem"], button', sure('teams', 'endMeeting'), true, AREAS);
    if (sureHit) return pass(`${sureHit.selector} (organizer's Leave menu)`, 'aria');
    const hit = findByLabel(doc, '[role="menuitem"], button', labels.endMeeting, true, AREAS);
    return hit ? unknown(`${hit.selector} is shown (label no Microsoft help page confirms): confirm you can end the meeting for everyone`) : null;
  },
  'join-before-host-off': (_ctx, p) => {
    const l = lobbyScope(p);
    if (!l) return null;
    return onlyIfVerified(l.r, l.scope === 'organizer' ? pass(`${p.where}: ${show(l.r)} (nobody enters before you)`, 'aria') : fail(`${p.where}: ${show(l.r)} (they can enter before you)`, 'aria'));
  },
  'chat-control': (_ctx, p) => {
    const c = dropdown(p, 'chat');
    return c && valueIs(c.value, [...chatValues.disabled, ...chatValues.inMeeting, ...chatValues.enabled]) ? pass(`${p.where}: ${show(c)} (the organizer sets it)`, 'aria') : null;
  },
  'school-account': [
    (ctx) => (ctx.url.hostname === 'teams.live.com' ? fail('teams.live.com is Teams free, for personal Microsoft accounts: use your school account on teams.microsoft.com', 'url') : null),
    (ctx) => accountLineFinding(ctx.doc, selectors.accountEmail, ctx.schoolDomains, AREAS),
  ],
  'mute-control': (_ctx, p) => offered(p, 'mic', false),
  'camera-control': (_ctx, p) => offered(p, 'camera', true),
  // private-chat-off, authenticated-only, personal-info-limited: not on any page (tenant policy, directory): unread.
};

const NA: NotApplicable = { passcode: 'Teams meetings have no passcode unless joined by meeting ID' };

/** The page's controls, indexed once per read(). */
const controls = controlSlot(AREAS);

function unreadReason(id: ItemId, options: boolean): string {
  if (id === 'private-chat-off') return 'private chat is set by your school’s Teams messaging policy; ask your IT team';
  if (id === 'authenticated-only') return 'anonymous join is a tenant setting; check “Who can bypass the lobby?” and ask your IT team';
  if (id === 'personal-info-limited') return 'names come from the school directory; guests type their own';
  if (id === 'school-account') return 'the page does not show which account you use here';
  return options ? 'not on this page' : 'not shown in the call; open Meeting options once so Vigie can read it';
}

const teams: PlatformAdapter = {
  id: 'teams',
  label: 'Microsoft Teams',
  kind: 'meeting',
  participantAreas: AREAS,
  matchPatterns: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*', 'https://teams.live.com/*'],
  matches(url) {
    return url.protocol === 'https:' && TEAMS_HOSTS.includes(url.hostname) && !isClassTeamUrl(url);
  },
  exampleUrls: {
    yes: [
      'https://teams.microsoft.com/v2/',
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5ZTFhYmMtZDBhOS00@thread.v2/0?context=%7b%7d',
      'https://teams.microsoft.com/_#/l/meetup-join/19:meeting_NjQ5ZTFhYmMtZDBhOS00@thread.v2/0',
      'https://teams.cloud.microsoft/v2/',
      'https://teams.live.com/meet/9876543210?p=abc',
      'https://teams.microsoft.com/meetingOptions/?organizerId=0b1c&tenantId=9f8e&threadId=19_meeting_NjQ5ZTFhYmMtZDBhOS00@thread.v2&messageId=0&language=fr-FR',
    ],
    no: [
      'https://teams.microsoft.com/_#/school/conversations/General?threadId=19:abc@thread.tacv2&ctx=channel',
      'https://teams.microsoft.com.evil.example/v2/',
      'http://teams.microsoft.com/v2/',
      'https://www.microsoft.com/microsoft-teams',
      'https://example.com/meetingOptions/',
    ],
  },
  isMeetingPage(ctx) {
    if (isOptionsPage(ctx.url)) return false;
    return !!firstMatch(ctx.doc, selectors.inCall, AREAS);
  },
  role: roleOf(readRole),
  read(ctx) {
    const options = isOptionsPage(ctx.url);
    const where = options ? 'Meeting options' : 'Meeting options panel';
    const r = readRole(ctx);
    return controls.during(ctx.doc, (index) => readTable('teams', table, NA, ctx, { r, where, index }, { areas: AREAS, controls: index, where, weak: index, unread: (id) => unreadReason(id, options) }));
  },
  roomKey(url) {
    const id = teamsMeetingId(url);
    if (id) return `teams:meeting:${id}`;
    return `teams:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  },
  // end-for-all, chat, mute and camera controls are read only from labels no Microsoft help page shows in that
  // form (labels.ts): they can never pass, so the popup asks the teacher to confirm them.
  coverage: coverageOf(NA, {
    'waiting-room': 'read',
    'restricted-access': 'read',
    'no-stay-after-host': 'read',
    'recording-control': 'read',
    'private-chat-off': 'confirm',
    'screen-share-host-only': 'read',
    'end-for-all': 'confirm',
    'authenticated-only': 'confirm',
    'join-before-host-off': 'read',
    'chat-control': 'confirm',
    'school-account': 'read',
    'mute-control': 'confirm',
    'camera-control': 'confirm',
    'personal-info-limited': 'confirm',
  }),
  settingsScope(ctx) {
    if (!isOptionsPage(ctx.url)) return null;
    const id = teamsMeetingId(ctx.url);
    return id ? `teams:meeting:${id}` : null;
  },
  rememberedScopes(ctx) {
    const id = teamsMeetingId(ctx.url);
    return id && !isOptionsPage(ctx.url) ? [`teams:meeting:${id}`] : [];
  },
  // Options show in the side panel, menus and dialogs; the roster, captions and chat messages are ignored.
  watch: ['[role="combobox"]', '[role="switch"]', 'input', 'select', '[role="menu"]', '[role="menuitem"]', '[role="dialog"]', '[role="listbox"]', '[data-tid="hangup-main-btn"]', '#hangup-button', '#mectrl_currentAccount_secondary'],
};

export default teams;

/*
 * Observed on:
 * - https://teams.microsoft.com/v2/ and /l/meetup-join/… calls: hang-up and pre-join hooks from Vexa-ai/vexa@4647c96e
 *   (2026-08-21) core/meetings/modules/join/src/msteams/selectors.ts and vivek-nexus/transcriptonic (2026)
 *   extension/content-teams.js; "End meeting" / "Mettre fin à la réunion" from support.microsoft.com/fr-fr.
 * - https://teams.microsoft.com/meetingOptions/?…: option labels and values from support.microsoft.com "Participant
 *   settings for a Teams meeting", Rollins KB 141772, learn.microsoft.com/fr-fr (meeting policies, manage meeting chat)
 *   and Graph onlineMeetingBase / lobbyBypassSettings. The options page DOM is NOT verified: modelled minimally.
 * - teams.live.com = Teams free (personal accounts). #mectrl_currentAccount_secondary: public automation code (2026),
 *   not in platforms.md.
 * - Research captured 2026-11-23 in shared/reference/platforms.md §5; built from the documented hooks, no live capture yet.
 */
