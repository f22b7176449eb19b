import type { ItemId } from '../checklist/items';
import { findByLabel, firstMatch, COMMON_PARTICIPANT_AREAS } from './kit/dom';
import { type ControlIndex } from './kit/controls';
import { controlSlot, describeSwitch, switchIn, switchVerdict, switchVia } from './kit/switches';
import { fail, pass, unknown } from './kit/finding';
import { coverageOf, namedSwitch, presence, readTable, type NotApplicable, type Table } from './kit/probes';
import { roleFrom, type RoleReading } from './kit/role';
import labelTable from './label-tables/zoom';
import type { PlatformAdapter, ReadContext } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel, pair } = labelTable;

/**
 * Zoom: the web client (app.zoom.us/wc/…, zoom.us/wc/…, <org>.zoom.us/wc/…, regional hosts such as
 * us04web.zoom.us) and the web settings portal (profile settings, per-meeting edit page, account settings).
 * Zoom has no in-page state object and no test ids. In the meeting, Vigie reads the footer (the host's button says
 * "End", a participant's "Leave"), the Security menu's check state, and the join URL (`pwd=` = passcode embedded
 * in the link). Most room settings live in the portal: a settings page's verdicts are remembered per scope
 * (`zoom:meeting:<id>`, then `zoom:profile`, then `zoom:account`) and fill what the meeting page cannot show.
 * Facts: shared/reference/platforms.md §3, platform-labels.json "zoom".
 *
 * The Security menu's exact DOM (menuitemcheckbox / aria-checked) was NOT found in public code (platforms.md:
 * "verify live"). It is modelled minimally: a checkable control whose accessible name is the documented label,
 * and only its checked state is read. Most French labels of that menu are [unverified]: they may fail an item,
 * never pass one.
 */


/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '.video-tile', '.video-avatar__avatar', '.participants-section-container', '.chat-container', '.chat-box'];
/** Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. */
const selectors = {
  meetingPage: [
    '.meeting-app', // React web client meeting container (Vexa live notes, 2026-08/09)
    'button.join-audio-container__btn', // footer audio button (Vexa, 2026-08)
    'button.send-video-container__btn', // footer video button (Vexa, 2026-08)
  ],
  preJoin: [
    '#input-for-name', // React client pre-join name input (Vexa, 2026-08)
    'button.preview-join-button', // React client pre-join join button (Vexa, 2026-08)
    '#inputname', // classic client pre-join (Vexa, 2026-08) TODO [2027-06-01]: drop when the classic client is gone
    '#joinBtn', // classic client join button (Vexa, 2026-08) TODO [2027-06-01]: drop
  ],
  hostFooter: ['button[aria-label="End"]'], // footer Leave button reads "End" for the host (Vexa selectors, 2026-08)
  participantFooter: ['button[aria-label="Leave"]'], // footer Leave button for participants (Vexa, 2026-08)
  endForAll: ['button.leave-meeting-options__btn--danger'], // leave dialog danger button, empty aria-label (Vexa, 2026-08)
} as const;

/**
 * EN/FR labels come from utils/platforms/labels.ts ("zoom"), each with its vendor page: `control(p, key)` reads
 * a key's verified labels as sure and its unverified ones as unsure; a pass read through an unsure one stays to
 * confirm (capUnverified, in read()). Labels used only to cite or to tell the role are read in full.
 */
type LabelKey = keyof typeof labelTable.table;
const labels = {
  security: anyLabel('zoom', 'security'), // footer Security icon, host and co-host only: role, never a pass
  endForAll: anyLabel('zoom', 'endForAll'), // cited only ("to confirm"), never a pass on its own
} as const;

const HOST_RE = /(^|\.)zoom\.us$/;

/** The meeting id in a web-client or meeting-edit URL, digits only. */
export function zoomMeetingId(url: URL): string | null {
  const m = /^\/wc\/(?:join\/)?(\d{9,12})(?:\/|$)/.exec(url.pathname) ?? /^\/meeting\/(\d{9,12})\/edit\/?$/.exec(url.pathname);
  return m ? m[1] : null;
}

function settingsPage(url: URL): 'profile' | 'account' | 'meeting' | null {
  if (!HOST_RE.test(url.hostname)) return null;
  if (/^\/profile\/setting\/?$/.test(url.pathname)) return 'profile';
  if (/^\/account\/setting\/?$/.test(url.pathname)) return 'account';
  if (/^\/meeting\/\d{9,12}\/edit\/?$/.test(url.pathname)) return 'meeting';
  return null;
}

function isWebClient(url: URL): boolean {
  return HOST_RE.test(url.hostname) && /^\/wc\/(?:join\/)?\d{9,12}(?:\/|$)/.test(url.pathname);
}

/** The page's controls, indexed once per read(). */
const controls = controlSlot(AREAS);

function readRole(ctx: ReadContext): RoleReading {
  if (settingsPage(ctx.url)) return { role: 'host', via: 'url', evidence: 'settings portal (only the account owner sees it)' };
  return roleFrom(
    ctx.doc,
    [
      { role: 'host', selectors: selectors.hostFooter, why: 'the footer shows "End" to the host' },
      { role: 'host', labels: { candidates: 'button, [role="button"]', names: labels.security }, why: 'shown to host and co-host only' },
      { role: 'participant', selectors: selectors.participantFooter, why: 'participants see "Leave", the host "End"' },
    ],
    AREAS,
    undefined,
    'aria',
  );
}

/** What every row reads besides the page: the role, where the controls are, and this read's control index. */
interface Page {
  r: RoleReading;
  where: string;
  index: ControlIndex;
}

const control = (p: Page, key: LabelKey) => switchIn(p.index, pair(key));
const menu = (p: Page) => p.where === 'Security menu';
/** A portal/menu switch read in its safe position (see probes.ts namedSwitch). */
const sw = (key: LabelKey, safeWhenOn: boolean) => namedSwitch(pair(key), safeWhenOn);

const table: Table<Page> = {
  'waiting-room': (_ctx, p) => switchVerdict(control(p, menu(p) ? 'waitingRoomMenu' : 'waitingRoom'), true, p.where),
  'restricted-access': (_ctx, p) => {
    const { where } = p;
    const auth = menu(p) ? null : control(p, 'authenticated');
    const lock = menu(p) ? control(p, 'lockMeeting') : null;
    const waiting = control(p, menu(p) ? 'waitingRoomMenu' : 'waitingRoom');
    if (auth?.on) return pass(`${where}: ${describeSwitch(auth)}`, switchVia(auth));
    if (lock?.on && lock.hit.verified) return pass(`${where}: ${describeSwitch(lock)} (nobody new can join)`, 'aria');
    if (waiting?.on && waiting.hit.verified) return pass(`${where}: ${describeSwitch(waiting)} (you admit each person)`, switchVia(waiting));
    const other = menu(p) ? lock : auth;
    if (waiting && other && !waiting.on && !other.on) return fail(`${where}: ${describeSwitch(waiting)} and ${describeSwitch(other)}: anyone with the link enters`, switchVia(waiting));
    return null;
  },
  'no-stay-after-host': (_ctx, { r }) =>
    // No persistent setting: a leaving host must assign a host or end the meeting. checklist.md counts a one-click "end for all".
    r.role === 'host' && r.via === 'aria' ? pass(`no setting in Zoom; the host has "End Meeting for All" (${r.evidence})`, 'aria') : null,
  'recording-control': (_ctx, p) => {
    const local = control(p, 'localRecording');
    // Off: nobody records locally. On: participants still need the host's permission, which the page does not show.
    return local && !local.on ? pass(`${p.where}: ${describeSwitch(local)}`, switchVia(local)) : null;
  },
  'private-chat-off': sw('privateChat', false),
  'screen-share-host-only': (_ctx, p) => {
    if (menu(p)) return switchVerdict(control(p, 'shareScreen'), false, `${p.where} "Allow participants to:"`);
    if (control(p, 'shareHostOnly')?.on) return pass(`${p.where}: Who can share? = "Host Only"`, 'dom');
    if (control(p, 'shareAll')?.on) return fail(`${p.where}: Who can share? = "All Participants"`, 'dom');
    return null;
  },
  'end-for-all': [
    presence(selectors.endForAll, 'pass', 'leave dialog\'s "End Meeting for All" button'),
    (_ctx, { r }) => (r.role === 'host' && r.via === 'aria' ? pass(`${r.evidence}: Zoom gives the host "End Meeting for All"`, 'aria') : null),
    // A button labelled "End Meeting for All" alone is cited, never certified: any element can carry that label
    // (tests/platforms/fuzz.test.ts found it passing from one bare <button aria-label>).
    ({ doc }) => {
      const button = findByLabel(doc, 'button, [role="button"], [role="menuitem"]', labels.endForAll, true, AREAS);
      return button ? unknown(`${button.selector} is shown; confirm you can end the meeting for everyone`) : null;
    },
  ],
  passcode: (ctx, p) => {
    if (isWebClient(ctx.url) && ctx.url.searchParams.has('pwd')) return fail('join URL carries pwd=: the passcode is embedded in a public link', 'url');
    if (menu(p)) return null;
    const embed = control(p, 'embedPasscode');
    if (embed?.on) return fail(`${p.where}: ${describeSwitch(embed)}: one-click links carry the passcode`, 'dom');
    const require = control(p, 'requirePasscode');
    if (require && !require.on) return switchVerdict(require, true, p.where);
    if (require?.on && (embed || p.where !== 'profile settings')) return switchVerdict(require, true, p.where);
    return null;
  },
  'authenticated-only': sw('authenticated', true),
  'join-before-host-off': sw('joinBeforeHost', false),
  'chat-control': (_ctx, p) => {
    const chat = menu(p) ? control(p, 'chat') : null;
    return chat?.hit.verified ? pass(`${p.where} "Allow participants to:" offers "Chat" (now ${chat.on ? 'on' : 'off'})`, 'aria') : null;
  },
  'mute-control': (_ctx, p) => {
    if (menu(p)) {
      const unmute = control(p, 'unmute');
      return unmute ? pass(`${p.where} "Allow participants to:" offers "Unmute Themselves" (now ${unmute.on ? 'on' : 'off'}); "Mute All" is in Participants`, 'aria') : null;
    }
    const entry = control(p, 'muteOnEntry');
    return entry?.on ? pass(`${p.where}: ${describeSwitch(entry)}`, 'dom') : null;
  },
  'camera-control': (_ctx, p) => (menu(p) ? switchVerdict(control(p, 'startVideo'), false, `${p.where} "Allow participants to:"`) : null),
  'personal-info-limited': (_ctx, p) => {
    if (!menu(p)) return null;
    const hide = control(p, 'hidePictures');
    const rename = control(p, 'rename');
    if (rename?.on) return fail(`${p.where} "Allow participants to:" ${describeSwitch(rename)}`, 'aria');
    if (hide?.on) return pass(`${p.where}: ${describeSwitch(hide)}`, 'aria');
    if (rename && !rename.on) return pass(`${p.where} "Allow participants to:" ${describeSwitch(rename)}`, 'aria');
    return null;
  },
};

/** Zoom has no item it lacks a notion of (n/a is declared here once). */
const NA: NotApplicable = {};

/** Why an item stays "to confirm", when nothing on this page decided it. */
function unreadReason(id: ItemId, page: ReturnType<typeof settingsPage>): string {
  if (id === 'school-account') return 'Zoom does not show which account you are signed in with here; check it is your school account';
  if (page) return 'not on this settings page';
  return 'not shown in the meeting; open zoom.us/profile/setting (or the meeting’s edit page) once so Vigie can read it';
}

const zoom: PlatformAdapter = {
  id: 'zoom',
  label: 'Zoom',
  kind: 'meeting',
  participantAreas: AREAS,
  matchPatterns: ['https://zoom.us/*', 'https://*.zoom.us/*'],
  matches(url) {
    return url.protocol === 'https:' && (isWebClient(url) || settingsPage(url) !== null);
  },
  exampleUrls: {
    yes: [
      'https://app.zoom.us/wc/81234567890/join?pwd=abc123',
      'https://app.zoom.us/wc/join/81234567890',
      'https://zoom.us/wc/join/81234567890',
      'https://cssdm.zoom.us/wc/81234567890/start',
      'https://us04web.zoom.us/wc/join/81234567890',
      'https://zoom.us/profile/setting?tab=meeting',
      'https://zoom.us/profile/setting?tab=recording',
      'https://us04web.zoom.us/profile/setting',
      'https://zoom.us/meeting/81234567890/edit',
      'https://zoom.us/account/setting',
    ],
    no: [
      'https://zoom.us/',
      'https://zoom.us/j/81234567890?pwd=abc',
      'https://zoom.us/wc/',
      'https://zoom.us/meeting/81234567890',
      'https://zoom.us/signin',
      'https://zoom.us.evil.example/wc/join/81234567890',
      'https://notzoom.us/wc/join/81234567890',
      'http://zoom.us/wc/join/81234567890',
    ],
  },
  isMeetingPage(ctx) {
    if (!isWebClient(ctx.url)) return false;
    return !!firstMatch(ctx.doc, selectors.meetingPage, AREAS);
  },
  role: (ctx) => readRole(ctx).role,
  read(ctx) {
    const page = settingsPage(ctx.url);
    const r = readRole(ctx);
    const where = page === 'profile' ? 'profile settings' : page === 'account' ? 'account settings' : page === 'meeting' ? 'meeting settings' : 'Security menu';
    return controls.during(ctx.doc, (index) =>
      readTable('zoom', table, NA, ctx, { r, where, index }, { areas: AREAS, controls: index, where, weak: index, unread: (id) => unreadReason(id, page) }),
    );
  },
  roomKey(url) {
    const id = zoomMeetingId(url);
    if (id) return `zoom:${id}`;
    return `zoom:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  },
  coverage: coverageOf(NA, {
    'waiting-room': 'read',
    'restricted-access': 'read',
    'no-stay-after-host': 'read',
    // Local recording passes only on its English profile label, which no Zoom help page shows (labels.ts): to confirm.
    'recording-control': 'confirm',
    'private-chat-off': 'read',
    'screen-share-host-only': 'read',
    'end-for-all': 'read',
    passcode: 'read',
    'authenticated-only': 'read',
    'join-before-host-off': 'read',
    'chat-control': 'read',
    'school-account': 'confirm',
    'mute-control': 'read',
    'camera-control': 'read',
    'personal-info-limited': 'read',
  }),
  settingsUrl: 'https://zoom.us/profile/setting?tab=meeting',
  settingsScope(ctx) {
    const page = settingsPage(ctx.url);
    if (page === 'profile') return 'zoom:profile';
    if (page === 'account') return 'zoom:account';
    if (page === 'meeting') {
      const id = zoomMeetingId(ctx.url);
      return id ? `zoom:meeting:${id}` : null;
    }
    return null;
  },
  rememberedScopes(ctx) {
    if (!isWebClient(ctx.url)) return [];
    const id = zoomMeetingId(ctx.url);
    return [...(id ? [`zoom:meeting:${id}`] : []), 'zoom:profile', 'zoom:account'];
  },
  // Settings show in menus, dialogs, the footer and the portal's forms; video tiles and chat are ignored.
  watch: ['[role="menu"]', '[role="menuitemcheckbox"]', '[role="dialog"]', '[role="switch"]', 'input', 'button[aria-label]', '.leave-meeting-options__btn--danger'],
};

export default zoom;

/*
 * Observed on:
 * - https://app.zoom.us/wc/<id>/join (React client), https://app.zoom.us/wc/join/<id> (classic), <org>.zoom.us/wc/…:
 *   footer and leave-dialog hooks from Vexa-ai/vexa@4647c96e (2026-08-21) core/meetings/modules/join/src/zoom/selectors.ts
 *   ("verified from live DOM inspection", live notes 2026-08-24 and 2026-09-01 in a fork) and
 *   vivek-nexus/transcriptonic@fe25d759 (2026-05-10) extension/content-zoom.js.
 * - Security menu labels: Zoom support KB0061231 (EN), KB0061240 (FR), Teachers College KB. Its DOM is NOT verified
 *   (modelled minimally as checkable controls named by those labels).
 * - https://zoom.us/profile/setting?tab=meeting|recording, https://zoom.us/meeting/<id>/edit: toggle labels from
 *   KB0082510, KB0063165, support.zoom.us/hc/fr 201363253, the zoom.com/fr blog; toggle DOM not verified.
 * - Research captured 2026-11-23 in shared/reference/platforms.md §3; built from the documented hooks, no live capture yet.
 */
