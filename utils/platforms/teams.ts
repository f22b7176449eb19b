import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import { findByLabel, firstMatch, COMMON_PARTICIPANT_AREAS } from './kit/dom';
import { capUnverified } from './kit/labels';
import { checkedState, indexControls, selectedValue, valueIs, type ControlHit, type ControlIndex } from './kit/controls';
import { emailDomain, inSchoolDomains } from './kit/account';
import { fail, notApplicable, pass, runDetectors, unknown } from './kit/finding';
import labelTable from './label-tables/teams';
import type { PlatformAdapter, ReadContext, Role } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel, sure, unsure } = labelTable;

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
 * sure, the others as unsure, and a pass read through an unsure one stays to confirm (capUnverified in read()).
 */
type LabelKey = keyof typeof labelTable.table;
const labels = {
  endMeeting: anyLabel('teams', 'endMeeting'), // organizer's Leave split-button menu: the role, never a pass on its own
} as const;
const L = (key: LabelKey) => [sure('teams', key), unsure('teams', key)] as const;

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

interface RoleReading {
  role: Role;
  evidence: string;
  /** true when the role was read in the call (the organizer's End meeting), not from the options page. */
  inCall: boolean;
}

function readRole(ctx: ReadContext): RoleReading {
  if (isOptionsPage(ctx.url)) return { role: 'host', evidence: 'Meeting options page (organizers and co-organizers)', inCall: false };
  const end = findByLabel(ctx.doc, '[role="menuitem"], button', labels.endMeeting, true, AREAS);
  if (end) return { role: 'host', evidence: `${end.selector} (organizers only)`, inCall: true };
  return { role: 'unknown', evidence: 'role not shown', inCall: false };
}

type Reading = { hit: ControlHit; value: string };

function dropdown(ctx: ReadContext, sure: readonly string[], unsure: readonly string[] = []): Reading | null {
  const hit = controlsOf(ctx).find(sure, unsure);
  if (!hit) return null;
  const value = selectedValue(hit.el);
  return value ? { hit, value } : null;
}

function toggle(ctx: ReadContext, sure: readonly string[], unsure: readonly string[] = []): { hit: ControlHit; on: boolean } | null {
  const hit = controlsOf(ctx).find(sure, unsure);
  if (!hit) return null;
  const on = checkedState(hit.el);
  return on === null ? null : { hit, on };
}

const show = (r: Reading) => `"${r.hit.label}" = "${r.value.slice(0, 80)}"${r.hit.verified ? '' : ' (label unverified)'}`;

/** A pass read through an unverified label stays "to confirm". */
function guarded(r: { hit: ControlHit }, f: Finding): Finding {
  return f.state === 'pass' && !r.hit.verified ? unknown(`${f.evidence} (label unverified): confirm on the page`) : f;
}

function lobbyScope(ctx: ReadContext): { r: Reading; scope: keyof typeof lobbyValues } | null {
  const r = dropdown(ctx, ...L('lobby'));
  if (!r) return null;
  for (const scope of Object.keys(lobbyValues) as (keyof typeof lobbyValues)[]) {
    if (valueIs(r.value, lobbyValues[scope])) return { r, scope };
  }
  return null;
}

/** The page's controls, indexed once per read() (reads are synchronous, so one slot is enough). */
let readIndex: { doc: Document; index: ControlIndex } | null = null;
function controlsOf(ctx: ReadContext): ControlIndex {
  if (readIndex?.doc === ctx.doc) return readIndex.index;
  return indexControls(ctx.doc, { exclude: AREAS });
}

type Detector = (ctx: ReadContext, role: RoleReading, where: string) => Finding | null;

const detectors: Record<ItemId, Detector> = {
  'waiting-room': (ctx, _r, where) => {
    const l = lobbyScope(ctx);
    if (!l) return null;
    const ok = l.scope === 'organizer' || l.scope === 'invited';
    return guarded(l.r, ok ? pass(`${where}: ${show(l.r)} (others wait in the lobby)`, 'aria') : fail(`${where}: ${show(l.r)} (they skip the lobby)`, 'aria'));
  },
  'restricted-access': (ctx, _r, where) => {
    const lock = toggle(ctx, ...L('lock'));
    if (lock?.on) return pass(`${where}: "${lock.hit.label}" is on (nobody else can join)`, 'aria');
    const l = lobbyScope(ctx);
    if (!l) return null;
    const ok = l.scope === 'organizer' || l.scope === 'invited' || l.scope === 'organization';
    return guarded(l.r, ok ? pass(`${where}: ${show(l.r)} (outsiders wait for you to admit them)`, 'aria') : fail(`${where}: ${show(l.r)} (people outside the school get straight in)`, 'aria'));
  },
  'no-stay-after-host': (_ctx, r) =>
    // Teams keeps the meeting going after the organizer leaves; checklist.md counts a one-click "end for all".
    r.role === 'host' && r.inCall ? pass(`no setting in Teams; the organizer has "End meeting" (${r.evidence})`, 'aria') : null,
  'recording-control': (ctx, _r, where) => {
    const p = dropdown(ctx, ...L('presenters'));
    if (!p) return null;
    // Presenters can record; "Who can record and transcribe?" (newer builds) has no documented values, so it is not read.
    if (valueIs(p.value, presenterValues.organizer)) return pass(`${where}: ${show(p)} (only presenters can record)`, 'aria');
    if (valueIs(p.value, presenterValues.open)) return fail(`${where}: ${show(p)} (every presenter can record)`, 'aria');
    return null;
  },
  'private-chat-off': () => null, // tenant messaging policy: not on any page
  'screen-share-host-only': (ctx, _r, where) => {
    const p = dropdown(ctx, ...L('presenters'));
    if (!p) return null;
    if (valueIs(p.value, presenterValues.organizer)) return pass(`${where}: ${show(p)}`, 'aria');
    if (valueIs(p.value, presenterValues.open)) return fail(`${where}: ${show(p)}`, 'aria');
    return null; // "Specific people": depends on whom the teacher picked
  },
  'end-for-all': ({ doc }) => {
    // Only a label a Microsoft page shows may pass; the others are cited, to confirm (labels.ts).
    const sureHit = findByLabel(doc, '[role="menuitem"], button', sure('teams', 'endMeeting'), true, AREAS);
    if (sureHit) return pass(`${sureHit.selector} (organizer's Leave menu)`, 'aria');
    const hit = findByLabel(doc, '[role="menuitem"], button', labels.endMeeting, true, AREAS);
    return hit ? unknown(`${hit.selector} is shown (label no Microsoft help page confirms): confirm you can end the meeting for everyone`) : null;
  },
  passcode: () => notApplicable('Teams meetings have no passcode unless joined by meeting ID'),
  'authenticated-only': () => null, // tenant policy ("Anonymous users can join a meeting"): not on the page
  'join-before-host-off': (ctx, _r, where) => {
    const l = lobbyScope(ctx);
    if (!l) return null;
    return guarded(
      l.r,
      l.scope === 'organizer' ? pass(`${where}: ${show(l.r)} (nobody enters before you)`, 'aria') : fail(`${where}: ${show(l.r)} (they can enter before you)`, 'aria'),
    );
  },
  'chat-control': (ctx, _r, where) => {
    const c = dropdown(ctx, ...L('chat'));
    if (!c) return null;
    if (valueIs(c.value, [...chatValues.disabled, ...chatValues.inMeeting, ...chatValues.enabled])) {
      return pass(`${where}: ${show(c)} (the organizer sets it)`, 'aria');
    }
    return null;
  },
  'school-account': (ctx) => {
    if (ctx.url.hostname === 'teams.live.com') {
      return fail('teams.live.com is Teams free, for personal Microsoft accounts: use your school account on teams.microsoft.com', 'url');
    }
    const hit = firstMatch(ctx.doc, selectors.accountEmail, AREAS);
    const domain = emailDomain(hit?.el.textContent);
    const schools = ctx.schoolDomains ?? [];
    if (!hit || !domain || !schools.length) return null;
    return inSchoolDomains(domain, schools)
      ? pass(`${hit.selector}: signed in with an @${domain} account (a school domain)`, 'dom')
      : fail(`${hit.selector}: signed in with an @${domain} account, not one of the school's domains`, 'dom');
  },
  'mute-control': (ctx, _r, where) => {
    const t = toggle(ctx, ...L('mic'));
    return t ? pass(`${where}: "${t.hit.label}" is ${t.on ? 'on' : 'off'} (the organizer controls it)`, 'aria') : null;
  },
  'camera-control': (ctx, _r, where) => {
    const t = toggle(ctx, ...L('camera'));
    if (!t) return null;
    return guarded(t, pass(`${where}: "${t.hit.label}" is ${t.on ? 'on' : 'off'} (the organizer controls it)`, 'aria'));
  },
  'personal-info-limited': () => null, // names come from the school directory; guests type their own
};

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
  role(ctx) {
    return readRole(ctx).role;
  },
  read(ctx) {
    const options = isOptionsPage(ctx.url);
    const where = options ? 'Meeting options' : 'Meeting options panel';
    const r = readRole(ctx);
    readIndex = { doc: ctx.doc, index: indexControls(ctx.doc, { exclude: AREAS }) };
    try {
      const index = readIndex.index;
      return runDetectors(
        'teams',
        detectors,
        (detect) => {
          index.resetWeak();
          return capUnverified(detect(ctx, r, where), index, unknown);
        },
        (id) => unreadReason(id, options),
      );
    } finally {
      readIndex = null;
    }
  },
  roomKey(url) {
    const id = teamsMeetingId(url);
    if (id) return `teams:meeting:${id}`;
    return `teams:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  },
  // end-for-all, chat, mute and camera controls are read only from labels no Microsoft help page shows in that
  // form (labels.ts): they can never pass, so the popup asks the teacher to confirm them.
  coverage: {
    'waiting-room': 'read',
    'restricted-access': 'read',
    'no-stay-after-host': 'read',
    'recording-control': 'read',
    'private-chat-off': 'confirm',
    'screen-share-host-only': 'read',
    'end-for-all': 'confirm',
    passcode: 'n/a',
    'authenticated-only': 'confirm',
    'join-before-host-off': 'read',
    'chat-control': 'confirm',
    'school-account': 'read',
    'mute-control': 'confirm',
    'camera-control': 'confirm',
    'personal-info-limited': 'confirm',
  },
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
