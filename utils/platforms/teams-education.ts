import type { ItemId } from '../checklist/items';
import { COMMON_PARTICIPANT_AREAS } from './kit/dom';
import { accountLineFinding } from './kit/account';
import { coverageOf, readTable, type NotApplicable, type Table } from './kit/probes';
import type { PlatformAdapter } from './types';
import { isClassTeamUrl, TEAMS_HOSTS } from './teams';

/**
 * Microsoft Teams for Education, class teams (not meetings): a class team's channels on teams.microsoft.com or
 * teams.cloud.microsoft, recognised by the `#/school/…` route. Teams calls and Meeting options are read by
 * utils/platforms/teams.ts, which never matches these URLs (the registry picks the first adapter that matches).
 *
 * platforms.md §5 and §8: who may post, student muting (Manage team → Members → Mute) and channel moderation are
 * UI-only and their labels are not verified in public code; private 1:1 chat is the tenant's messaging policy. So
 * every class-team item is "to confirm" with exact steps, except the account: a personal account is read from
 * the URL or the account manager's e-mail against the school's domains. Meeting-room items do not apply here.
 */


/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '[data-tid="chat-pane-message"]', '[data-tid="roster-list"]'];
/** Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. */
const selectors = {
  // Microsoft 365 account manager ("me control"): the signed-in account's e-mail. Public automation code next to
  // Teams (2026); not in platforms.md: verify live.
  accountEmail: ['#mectrl_currentAccount_secondary'],
} as const;

const CLASS_ONLY = 'a class team is not a meeting room';
/** Meeting-room items do not apply to a class team: declared once, for coverage and read alike. */
const NA = {
  'waiting-room': CLASS_ONLY,
  'no-stay-after-host': CLASS_ONLY,
  'recording-control': CLASS_ONLY,
  'screen-share-host-only': CLASS_ONLY,
  'end-for-all': CLASS_ONLY,
  passcode: CLASS_ONLY,
  'authenticated-only': CLASS_ONLY,
  'join-before-host-off': CLASS_ONLY,
  'mute-control': CLASS_ONLY,
  'camera-control': CLASS_ONLY,
} as const satisfies NotApplicable;

const reasons: Partial<Record<ItemId, string>> = {
  'restricted-access': 'class membership and who sees the class’s meeting links are set in Manage team; confirm there',
  'private-chat-off': 'private chat between students is your school’s Teams messaging policy; ask your IT team',
  'chat-control': 'who may post and reply, and muted students, are in Manage team → Settings and Members; confirm there',
  'personal-info-limited': 'names and photos come from the school directory; confirm what students can change',
  'school-account': 'the page does not show which account you use here',
};

const table: Table = {
  'school-account': (ctx) => accountLineFinding(ctx.doc, selectors.accountEmail, ctx.schoolDomains, AREAS),
};

const coverage = coverageOf(NA, {
  'restricted-access': 'confirm',
  'private-chat-off': 'confirm',
  'chat-control': 'confirm',
  'school-account': 'read',
  'personal-info-limited': 'confirm',
});

const teamsEducation: PlatformAdapter = {
  id: 'teams-education',
  label: 'Teams for Education',
  kind: 'classroom',
  participantAreas: AREAS,
  matchPatterns: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*'],
  matches(url) {
    return TEAMS_HOSTS.includes(url.hostname) && isClassTeamUrl(url);
  },
  exampleUrls: {
    yes: [
      'https://teams.microsoft.com/_#/school/conversations/General?threadId=19:4f2a9c1b@thread.tacv2&ctx=channel',
      'https://teams.microsoft.com/_#/school/classroom/General?threadId=19:4f2a9c1b@thread.tacv2&ctx=channel',
      'https://teams.cloud.microsoft/_#/school/conversations/General?threadId=19:4f2a9c1b@thread.tacv2&ctx=channel',
    ],
    no: [
      'https://teams.microsoft.com/v2/',
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5ZTFhYmMtZDBhOS00@thread.v2/0',
      'https://teams.live.com/_#/school/conversations/General',
      'https://teams.microsoft.com/school/conversations/General',
      'https://example.com/_#/school/conversations/General',
    ],
  },
  isMeetingPage(ctx) {
    // The class team itself is the "room"; the app shell must have rendered something.
    return isClassTeamUrl(ctx.url) && !!ctx.doc.body?.firstElementChild;
  },
  role() {
    // Team owner vs member is not shown by a documented hook.
    return 'unknown';
  },
  read(ctx) {
    return readTable('teams-education', table, NA, ctx, undefined, { areas: AREAS, unread: (id) => reasons[id] ?? 'not shown on this page' });
  },
  roomKey(url) {
    let hash = url.hash;
    try {
      hash = decodeURIComponent(hash);
    } catch {
      /* raw */
    }
    const thread = /threadId=(19:[A-Za-z0-9_-]{4,200}@thread\.tacv2)/.exec(hash)?.[1];
    return thread ? `teams-education:${thread.toLowerCase()}` : `teams-education:${url.hostname}${url.pathname}`;
  },
  coverage,
  watch: ['#mectrl_currentAccount_secondary'],
};

export default teamsEducation;

/*
 * Observed on:
 * - https://teams.microsoft.com/_#/school/… class team channels (Teams for Education route), per Microsoft docs quoted in
 *   shared/reference/platforms.md §5 and §8 and platform-labels.json "teamsEducation" (labels not verified: manual).
 * - #mectrl_currentAccount_secondary (Microsoft 365 account manager): public automation code (2026), not in
 *   platforms.md; verify live.
 * - Research captured 2026-11-23; built from the documented facts, no live capture yet.
 */
