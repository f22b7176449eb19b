import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import { findByLabel, firstMatch, type Hit } from './dom';
import { fail, notApplicable, pass, runDetectors } from './finding';
import type { PlatformAdapter, ReadContext, Role } from './types';
import { isSelfHosted } from './self-hosted';

/**
 * BigBlueButton: the HTML5 client (`/html5client/…`) and Greenlight v3 room settings (`/rooms/<friendly_id>`,
 * Settings tab). BBB is always self-hosted, so this adapter only runs on origins the school registered (options
 * page or policy; utils/platforms/self-hosted.ts). The client is read through BBB's own end-to-end test hooks
 * (`data-test`), which do not change with the UI language: the French client says "Gestion des interactions",
 * "Restrictions" and "Gestion des accès" where the English one says "Lock viewers" and "Guest policy", so text is
 * the last resort. Greenlight's settings are plain checkboxes with stable ids; the page is a settings page whose
 * findings are remembered for that room's meetings. Facts: shared/reference/platforms.md §2,
 * platform-labels.json "bigbluebutton".
 */

/** Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. */
const selectors = {
  meetingPage: [
    'div[data-test="userListContent"]', // BBB 3.x user list (elements.ts @98642186)
    'button[data-test="optionsButton"]', // BBB 3.x navbar options menu (elements.ts @98642186)
    'section#ActionsBar', // BBB 2.x–3.x action bar (platforms.md §2)
    'header#Navbar', // BBB 2.x–3.x navbar (platforms.md §2)
  ],
  /** Only moderators get the user-list "manage users" menu (mute all, lock viewers, guest policy). */
  moderatorMenu: ['button[data-test="manageUsers"]'], // BBB 3.x (elements.ts @98642186)
  userList: ['div[data-test="userListContent"]'], // BBB 3.x (elements.ts @98642186)
  endMeeting: [
    'li[data-test="endMeetingButton"]', // options dropdown, moderators only (elements.ts @98642186)
    'button[data-test="confirmEndMeeting"]', // end-session confirm dialog (elements.ts @98642186)
  ],
  // Guest policy modal: the current policy button has aria-pressed="true" and is disabled (guest-policy/component.jsx @3061f297).
  guestAsk: ['button[data-test="askModerator"]'], // BBB 3.x
  guestAccept: ['button[data-test="alwaysAccept"]'], // BBB 3.x
  guestDeny: ['button[data-test="alwaysDeny"]'], // BBB 3.x
  waitingUsers: ['div[data-test="waitingUsersBtn"]'], // waiting-users panel entry, present while guests wait (elements.ts)
  // Lock-viewers modal: checked = the feature is LOCKED for viewers (lock-viewers/component.jsx @5e26913e).
  lockMic: ['input[data-test="lockShareMicrophone"]'], // BBB 3.x
  lockWebcam: ['input[data-test="lockShareWebcam"]'], // BBB 3.x
  lockPublicChat: ['input[data-test="lockPublicChat"]'], // BBB 3.x
  lockPrivateChat: ['input[data-test="lockPrivateChat"]'], // BBB 3.x
  lockUserList: ['input[data-test="lockUserList"]'], // BBB 3.x
  muteMenu: ['li[data-test="muteAllExceptPresenter"]', 'li[data-test="usersJoinMuted"]'], // manage-users menu (elements.ts)
  /** Only the presenter sees the screen-share button. */
  startScreenShare: ['button[data-test="startScreenShare"]'], // BBB 3.x action bar (elements.ts @98642186)
  recordingIndicator: ['div[data-test="recordingIndicator"]'], // BBB 3.x navbar (elements.ts @98642186)
  // Greenlight v3 room Settings tab: input.form-check-input#<settingName> (RoomSettings.jsx, greenlight @15db765b, 2026-07-17).
  glGuestPolicy: ['input#guestPolicy'], // checked = ask moderator
  glRequireAuth: ['input#glRequireAuthentication'], // checked = signed-in users only
  glAnyoneCanStart: ['input#glAnyoneCanStart'],
  glAnyoneModerator: ['input#glAnyoneJoinAsModerator'],
  glMuteOnStart: ['input#muteOnStart'],
  glRecord: ['input#record'],
  glAccessCode: ['.access-code-input input[readonly]', '.access-code-input input'], // AccessCodeRow.jsx (greenlight @15db765b)
  glSettingsRow: ['div.room-settings-row'], // RoomSettingsRow.jsx (greenlight @15db765b)
} as const;

/** EN/FR labels (platform-labels.json "bigbluebutton"), the last resort. */
const labels = {
  // AccessCodeRow.jsx shows this button label while no viewer code exists (greenlight locales en/fr).
  generateViewerCode: ['Generate access code for viewers', 'Générer un code d’accès pour les auditeurs'],
} as const;

/** Greenlight v3: /rooms/<friendly_id> (the join page /rooms/<id>/join is not the settings page). */
const ROOM_PATH = /^\/rooms\/([A-Za-z0-9_-]{3,64})\/?$/;
const ROOM_OR_JOIN_PATH = /^\/rooms\/([A-Za-z0-9_-]{3,64})(?:\/join)?\/?$/;
const CLIENT_PATH = /^\/html5client(?:\/|$)/;

function checked(hit: Hit | null): boolean | null {
  if (!hit) return null;
  const el = hit.el as HTMLInputElement;
  return typeof el.checked === 'boolean' && el.type === 'checkbox' ? el.checked : null;
}

/** The guest-policy button that is current: aria-pressed="true" (and disabled, per the component). */
function pressed(doc: Document, list: readonly string[]): Hit | null {
  const hit = firstMatch(doc, list);
  return hit && hit.el.getAttribute('aria-pressed') === 'true' ? hit : null;
}

function isSettingsPage(ctx: ReadContext): boolean {
  if (!ROOM_PATH.test(ctx.url.pathname)) return false;
  return !!firstMatch(ctx.doc, [...selectors.glRequireAuth, ...selectors.glGuestPolicy, ...selectors.glAnyoneCanStart, ...selectors.glRecord, ...selectors.glSettingsRow]);
}

interface RoleReading {
  role: Role;
  via: 'dom' | 'none';
  evidence: string;
}

function readRole(ctx: ReadContext): RoleReading {
  const { doc } = ctx;
  // Only a room's owner (or a shared-access user) sees Greenlight's Settings tab.
  if (isSettingsPage(ctx)) return { role: 'host', via: 'dom', evidence: 'Greenlight room Settings tab (owner only)' };
  const mod = firstMatch(doc, [...selectors.moderatorMenu, ...selectors.endMeeting, ...selectors.lockPublicChat, ...selectors.guestAsk]);
  if (mod) return { role: 'host', via: 'dom', evidence: `${mod.selector} (moderators only)` };
  const list = firstMatch(doc, selectors.userList);
  if (list) return { role: 'participant', via: 'dom', evidence: `${list.selector} shown without the moderator menu` };
  return { role: 'unknown', via: 'none', evidence: 'role not shown' };
}

type Detector = (ctx: ReadContext, r: RoleReading) => Finding | null;

/** A Greenlight checkbox: pass when it has the safe value, fail otherwise, null when absent. */
function glBox(ctx: ReadContext, list: readonly string[], safeWhen: boolean, meaning: string): Finding | null {
  const hit = firstMatch(ctx.doc, list);
  const on = checked(hit);
  if (on === null) return null;
  const evidence = `Greenlight ${hit!.selector} ${on ? 'checked' : 'not checked'} (${meaning})`;
  return on === safeWhen ? pass(evidence, 'dom') : fail(evidence, 'dom');
}

/** A lock-viewers row: checked = locked for viewers. */
function lockBox(ctx: ReadContext, list: readonly string[], what: string): { locked: boolean; evidence: string } | null {
  const hit = firstMatch(ctx.doc, list);
  const on = checked(hit);
  return on === null ? null : { locked: on, evidence: `${hit!.selector} ${on ? 'checked (locked)' : 'not checked'}: ${what}` };
}

const detectors: Record<ItemId, Detector> = {
  'waiting-room': (ctx) => {
    const gl = glBox(ctx, selectors.glGuestPolicy, true, 'require moderator approval');
    if (gl) return gl;
    const ask = pressed(ctx.doc, selectors.guestAsk);
    if (ask) return pass(`${ask.selector}[aria-pressed="true"]: guests wait for a moderator`, 'aria');
    const deny = pressed(ctx.doc, selectors.guestDeny);
    if (deny) return pass(`${deny.selector}[aria-pressed="true"]: guests are always refused`, 'aria');
    const accept = pressed(ctx.doc, selectors.guestAccept);
    if (accept) return fail(`${accept.selector}[aria-pressed="true"]: guests enter without approval`, 'aria');
    const waiting = firstMatch(ctx.doc, selectors.waitingUsers);
    if (waiting) return pass(`${waiting.selector} present: guests are waiting for approval`, 'dom');
    return null;
  },
  'restricted-access': (ctx) => glBox(ctx, selectors.glRequireAuth, true, 'only signed-in users can join'),
  'authenticated-only': (ctx) => glBox(ctx, selectors.glRequireAuth, true, 'only signed-in users can join'),
  'join-before-host-off': (ctx) => {
    const anyone = glBox(ctx, selectors.glAnyoneCanStart, false, 'any user can start the meeting');
    const allMod = glBox(ctx, selectors.glAnyoneModerator, false, 'all users join as moderators');
    if (anyone?.state === 'fail') return anyone;
    if (allMod?.state === 'fail') return allMod;
    return anyone ?? null;
  },
  passcode: (ctx) => {
    if (!isSettingsPage(ctx)) return null;
    const code = firstMatch<HTMLInputElement>(ctx.doc, selectors.glAccessCode);
    if (code) {
      const value = (code.el.value || code.el.getAttribute('value') || '').trim();
      if (value.length >= 4) return pass(`Greenlight ${code.selector} holds a viewer access code (${value.length} characters)`, 'dom');
    }
    const generate = findByLabel(ctx.doc, 'button, [role="button"]', labels.generateViewerCode);
    if (generate) return fail(`no viewer access code: ${generate.selector} is offered`, 'label');
    return null;
  },
  'no-stay-after-host': (ctx, r) => {
    // endWhenNoModerator is a create-API parameter, invisible in the client; checklist.md counts a one-click
    // "end for all" as a pass, and BBB shows "End session" to every moderator.
    if (isSettingsPage(ctx)) return null;
    return r.role === 'host' ? pass(`no visible setting; the moderator has "End session" (${r.evidence})`, r.via) : null;
  },
  'end-for-all': (ctx, r) => {
    const hit = firstMatch(ctx.doc, selectors.endMeeting);
    if (hit) return pass(`${hit.selector} present`, 'dom');
    if (isSettingsPage(ctx)) return null;
    return r.role === 'host' ? pass(`${r.evidence}: BBB offers "End session" to moderators in the options menu`, r.via) : null;
  },
  'recording-control': (ctx, r) => {
    const allMod = firstMatch(ctx.doc, selectors.glAnyoneModerator);
    if (checked(allMod) === true) return fail(`Greenlight ${allMod!.selector} checked: every participant is a moderator and can record`, 'dom');
    const rec = firstMatch(ctx.doc, selectors.glRecord);
    const recOn = checked(rec);
    if (recOn === false) return pass(`Greenlight ${rec!.selector} not checked: this room cannot be recorded`, 'dom');
    if (recOn === true) return pass(`Greenlight ${rec!.selector} checked: only moderators can start a recording`, 'dom');
    const indicator = firstMatch(ctx.doc, selectors.recordingIndicator);
    if (indicator && r.role === 'host') return pass(`${indicator.selector} present; only moderators can start or stop recording`, 'dom');
    return null;
  },
  'private-chat-off': (ctx) => {
    const l = lockBox(ctx, selectors.lockPrivateChat, 'viewers sending private messages');
    return l ? (l.locked ? pass(l.evidence, 'dom') : fail(l.evidence, 'dom')) : null;
  },
  'chat-control': (ctx, r) => {
    const l = lockBox(ctx, selectors.lockPublicChat, 'viewers sending public chat messages');
    if (l?.locked) return pass(l.evidence, 'dom');
    if (l) return pass(`${l.evidence}; the moderator can lock it in this dialog`, 'dom');
    if (isSettingsPage(ctx)) return null;
    return r.role === 'host' ? pass(`${r.evidence}: moderators can lock public chat (Lock viewers)`, r.via) : null;
  },
  'screen-share-host-only': (ctx, r) => {
    if (isSettingsPage(ctx)) {
      const allMod = firstMatch(ctx.doc, selectors.glAnyoneModerator);
      return checked(allMod) === true ? fail(`Greenlight ${allMod!.selector} checked: anyone can take presenter and share`, 'dom') : null;
    }
    // Only the presenter can share in BBB; the share button shows who holds that role.
    const share = firstMatch(ctx.doc, selectors.startScreenShare);
    if (share && r.role === 'host') return pass(`${share.selector}: the moderator is the presenter, the only one who can share`, 'dom');
    if (share && r.role === 'participant') return fail(`${share.selector} shown to a viewer: a viewer holds the presenter role and can share`, 'dom');
    return null;
  },
  'mute-control': (ctx, r) => {
    const l = lockBox(ctx, selectors.lockMic, 'viewers sharing their microphone');
    if (l?.locked) return pass(l.evidence, 'dom');
    const gl = firstMatch(ctx.doc, selectors.glMuteOnStart);
    if (checked(gl) === true) return pass(`Greenlight ${gl!.selector} checked: users join muted`, 'dom');
    const menu = firstMatch(ctx.doc, selectors.muteMenu);
    if (menu) return pass(`${menu.selector} offered`, 'dom');
    if (isSettingsPage(ctx)) return null;
    return r.role === 'host' ? pass(`${r.evidence}: moderators can mute all users and lock microphones`, r.via) : null;
  },
  'camera-control': (ctx, r) => {
    const l = lockBox(ctx, selectors.lockWebcam, 'viewers sharing their webcam');
    if (l?.locked) return pass(l.evidence, 'dom');
    if (l) return pass(`${l.evidence}; the moderator can lock webcams in this dialog`, 'dom');
    if (isSettingsPage(ctx)) return null;
    return r.role === 'host' ? pass(`${r.evidence}: moderators can lock webcams and close a user's camera`, r.via) : null;
  },
  'personal-info-limited': (ctx) => {
    const l = lockBox(ctx, selectors.lockUserList, 'viewers seeing other viewers in the user list');
    return l ? (l.locked ? pass(l.evidence, 'dom') : fail(l.evidence, 'dom')) : null;
  },
  'school-account': () => notApplicable('a BigBlueButton server registered by the school: accounts are the school’s own'),
};

const UNKNOWN_HINT: Partial<Record<ItemId, string>> = {
  'no-stay-after-host': 'endWhenNoModerator is set when the meeting is created; confirm you end the session for all',
  'restricted-access': 'read on the Greenlight room Settings tab; open it once so Vigie remembers it',
  'authenticated-only': 'read on the Greenlight room Settings tab; open it once so Vigie remembers it',
  'join-before-host-off': 'read on the Greenlight room Settings tab; open it once so Vigie remembers it',
  passcode: 'read on the Greenlight room Settings tab; open it once so Vigie remembers it',
};

function scopeFor(url: URL, friendlyId: string): string {
  return `bbb:${url.host.toLowerCase()}:room:${friendlyId.toLowerCase()}`;
}

/**
 * The Greenlight room a client page came from. The client URL carries only a session token, so the room is read
 * from the referrer (the Greenlight join flow is same-origin on a standard install). Null when unknown: a remembered
 * finding is never applied to a room it was not read for.
 */
function roomOfReferrer(ctx: ReadContext): string | null {
  let ref: URL;
  try {
    ref = new URL(ctx.doc.referrer || '');
  } catch {
    return null;
  }
  if (ref.host !== ctx.url.host) return null;
  const m = ROOM_OR_JOIN_PATH.exec(ref.pathname);
  return m ? scopeFor(ctx.url, m[1]) : null;
}

const bigbluebutton: PlatformAdapter = {
  id: 'bigbluebutton',
  label: 'BigBlueButton',
  kind: 'meeting',
  // No public host: every BBB server is a school's or a host's own. Registered origins get the scripts at run time.
  matchPatterns: [],
  matches(url) {
    if (!isSelfHosted(url, 'bigbluebutton')) return false;
    return CLIENT_PATH.test(url.pathname) || ROOM_OR_JOIN_PATH.test(url.pathname);
  },
  exampleUrls: {
    // Valid once https://bbb.ecole-exemple.fr is registered as a BigBlueButton origin (the tests register it).
    yes: [
      'https://bbb.ecole-exemple.fr/html5client/?sessionToken=abc123',
      'https://bbb.ecole-exemple.fr/html5client/join?sessionToken=abc123',
      'https://bbb.ecole-exemple.fr/rooms/abc-def-ghi',
      'https://bbb.ecole-exemple.fr/rooms/abc-def-ghi/join',
    ],
    no: [
      'https://bbb.ecole-exemple.fr/',
      'https://bbb.ecole-exemple.fr/rooms',
      'https://bbb.ecole-exemple.fr/admin/users',
      'https://bbb.ecole-exemple.fr/rooms/abc-def-ghi/recordings/x',
      'https://unregistered.example.org/html5client/?sessionToken=abc123',
      'http://bbb.ecole-exemple.fr/html5client/',
    ],
  },
  isMeetingPage(ctx) {
    return CLIENT_PATH.test(ctx.url.pathname) && !!firstMatch(ctx.doc, selectors.meetingPage);
  },
  role(ctx) {
    return readRole(ctx).role;
  },
  read(ctx) {
    let r: RoleReading;
    try {
      r = readRole(ctx);
    } catch {
      r = { role: 'unknown', via: 'none', evidence: 'role not read' };
    }
    return runDetectors('bigbluebutton', detectors, (detect) => detect(ctx, r), (id) => UNKNOWN_HINT[id] ?? 'not shown on this page');
  },
  roomKey(url) {
    const m = ROOM_OR_JOIN_PATH.exec(url.pathname);
    // The client URL holds only a per-user session token (never stored): the server is the key.
    return m ? `bigbluebutton:${url.host.toLowerCase()}/rooms/${m[1].toLowerCase()}` : `bigbluebutton:${url.host.toLowerCase()}/html5client`;
  },
  coverage: {
    'waiting-room': 'read',
    'restricted-access': 'read',
    'no-stay-after-host': 'read',
    'recording-control': 'read',
    'private-chat-off': 'read',
    'screen-share-host-only': 'read',
    'end-for-all': 'read',
    passcode: 'read',
    'authenticated-only': 'read',
    'join-before-host-off': 'read',
    'chat-control': 'read',
    'school-account': 'n/a',
    'mute-control': 'read',
    'camera-control': 'read',
    'personal-info-limited': 'read',
  },
  settingsScope(ctx) {
    const m = ROOM_PATH.exec(ctx.url.pathname);
    return m && isSettingsPage(ctx) ? scopeFor(ctx.url, m[1]) : null;
  },
  rememberedScopes(ctx) {
    const scope = roomOfReferrer(ctx);
    return scope ? [scope] : [];
  },
  // Settings show in modals (lock viewers, guest policy), menus, the navbar indicator and Greenlight's settings rows.
  // The user list itself is NOT watched (people joining, talking, raising hands would rescan a busy class); the
  // client's first render is caught through the action bar it adds at the same time. The navbar is not watched
  // either (its talking indicator changes constantly); the recording indicator in it is.
  watch: [
    '[role="dialog"]',
    '[role="menu"]',
    'input[type="checkbox"]',
    'section#ActionsBar',
    '[data-test="recordingIndicator"]',
    '[data-test="waitingUsersBtn"]',
    '[data-test="manageUsers"]',
    '[data-test="startScreenShare"]',
    '[data-test="optionsButton"]',
    '.room-settings-row',
    '.access-code-input',
  ],
};

export default bigbluebutton;

/*
 * Observed on:
 * - https://<school host>/html5client/?sessionToken=… (moderator and viewer): BigBlueButton 3.x data-test hooks from
 *   bigbluebutton-tests/playwright/core/elements.ts @98642186, guest-policy/component.jsx @3061f297,
 *   lock-viewers/component.jsx @5e26913e, locales en.json @003eed00 / fr.json @004d04f7 (see platforms.md §2).
 * - https://<school host>/rooms/<friendly_id> Settings tab: Greenlight v3 @15db765b (2026-07-17), RoomSettings.jsx,
 *   RoomSettingsRow.jsx, AccessCodeRow.jsx, locales en/fr.
 * - Built from those documented hooks 2026-11-23; no live capture yet. Greenlight's JSON API
 *   (/api/v1/room_settings/<id>) is deliberately not called: Vigie makes no request of its own.
 */
