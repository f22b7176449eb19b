import type { Finding } from '../checklist/types';
import { fail, pass } from './kit/finding';
import { fold } from './kit/labels';
import { coverageOf, readTable, type Detector, type NotApplicable, type Table } from './kit/probes';
import { ROLE_NOT_SHOWN, type RoleReading } from './kit/role';
import { shownHook, shownRule } from './kit/shown';
import type { Hit } from './kit/dom';
import { labels, selectors, SOURCE_HOOKS, TABBED_ROW, UNKNOWN_HINT, WATCH } from './rows/bigbluebutton';
import type { PlatformAdapter, ReadContext } from './types';
import { isSelfHosted } from './self-hosted';

/**
 * BigBlueButton: the HTML5 client (`/html5client/…`) and Greenlight v3 room settings (`/rooms/<friendly_id>`,
 * Settings tab). BBB is always self-hosted, so this adapter only runs on origins the school registered (options
 * page or policy; utils/platforms/self-hosted.ts). The client is read through BBB's own end-to-end test hooks
 * (`data-test`), which do not change with the UI language. Every hook is listed, with the file and commit where it
 * was seen, in tests/fixtures/bigbluebutton/source-hooks.json (docs/platforms/bigbluebutton.md says how to
 * regenerate it).
 *
 * The lock-viewers dialog has had three designs, and a tick does not mean the same thing in all of them:
 * - 2.x (common/switch Toggle, a styled checkbox between an aria-hidden track and a hidden description):
 *   `defaultChecked={lockSettingsProps.disableX}`: ticked = LOCKED for viewers;
 * - 3.0 (MUI Switch in a `lock<X>Item` row): `checked={!lockSettingsProps.disableX}`: ticked = ALLOWED;
 * - newest tabbed modal (MUI Checkbox in a `<settingKey>Item` row, e.g. `disablePrivateChatItem`,
 *   `isolateUsersItem`): `checked: !lockSettingsProps.X`: ticked = ALLOWED.
 * The design is read from the markup around each input; a checkbox whose design Vigie cannot tell (a bare
 * input, an MUI checkbox in an old-style row) is "to confirm", never read either way.
 *
 * Nothing here reads participant-controlled text (user names, chat, room names), and a hidden element (hidden,
 * aria-hidden, inert, display:none, visibility:hidden, inside <template>) never decides anything.
 */

/** Greenlight v3: /rooms/<friendly_id> (the join page /rooms/<id>/join is not the settings page). */
const ROOM_PATH = /^\/rooms\/([A-Za-z0-9_-]{3,64})\/?$/;
const ROOM_OR_JOIN_PATH = /^\/rooms\/([A-Za-z0-9_-]{3,64})(?:\/join)?\/?$/;
const CLIENT_PATH = /^\/html5client(?:\/|$)/;

/** Shown means shown (kit/shown.ts); its computed-style memo is on for the length of each call below. */
const dom = shownRule();

/** A shown checkbox's ticked state; null when absent, not a checkbox, or when shown copies disagree. */
function boxState(root: ParentNode, list: readonly string[]): { hit: Hit<HTMLInputElement>; on: boolean } | null {
  for (const selector of list) {
    const els = dom.all<HTMLInputElement>(root, selector).filter((el) => el.tagName === 'INPUT' && el.type === 'checkbox');
    if (!els.length) continue;
    const states = new Set(els.map((el) => el.checked));
    if (states.size > 1) return null; // two visible copies that disagree: nothing to trust
    return { hit: { el: els[0], selector }, on: els[0].checked };
  }
  return null;
}

type LockMeaning = 'locked' | 'allowed';

/** Which lock-viewers design drew this input, hence what a tick means. Null when it cannot be told. */
function lockDesign(input: HTMLInputElement, dataTest: string): { meaning: LockMeaning; design: string } | null {
  const row = input.closest('[data-test$="Item"]');
  const rowKey = row?.getAttribute('data-test') ?? '';
  if (input.closest('.MuiSwitch-switchBase')) {
    return rowKey === `${dataTest}Item` ? { meaning: 'allowed', design: 'BBB 3.0 switch (on = allowed)' } : null;
  }
  if (input.closest('.MuiCheckbox-root')) {
    // The newest tabbed modal names rows after the lock setting; an MUI checkbox in an old-style row is a design
    // whose meaning Vigie has not seen in the upstream source.
    return (TABBED_ROW[dataTest] ?? []).includes(rowKey) ? { meaning: 'allowed', design: 'BBB tabbed modal checkbox (ticked = allowed)' } : null;
  }
  if (input.closest('.MuiButtonBase-root')) return null;
  // 2.x common/switch: the input sits between the aria-hidden track and a hidden description, in its own wrapper.
  const parent = input.parentElement;
  if (!parent) return null;
  const kids = Array.from(parent.children);
  const at = kids.indexOf(input);
  const track = kids.slice(0, at).some((k) => k.getAttribute('aria-hidden') === 'true');
  const desc = kids.slice(at + 1).some((k) => k.tagName === 'DIV' && k.hasAttribute('hidden'));
  if (track && desc && (rowKey === '' || rowKey === `${dataTest}Item`)) return { meaning: 'locked', design: 'BBB 2.x toggle (on = locked)' };
  return null;
}

/** `locked` null: the dialog shows this switch, but Vigie cannot tell which way it reads. */
function lockBox(ctx: ReadContext, list: readonly string[], what: string): { locked: boolean | null; evidence: string } | null {
  const box = boxState(ctx.doc, list);
  if (!box) return null;
  const dataTest = box.hit.el.getAttribute('data-test') ?? '';
  const design = lockDesign(box.hit.el, dataTest);
  const ticked = box.on ? 'ticked' : 'not ticked';
  if (!design) return { locked: null, evidence: `${box.hit.selector} ${ticked}, in a lock-viewers design Vigie cannot tell apart: ${what}` };
  const locked = design.meaning === 'locked' ? box.on : !box.on;
  return { locked, evidence: `${box.hit.selector} ${ticked} (${design.design}): ${what} ${locked ? 'locked' : 'allowed'}` };
}

function isSettingsPage(ctx: ReadContext): boolean {
  if (!ROOM_PATH.test(ctx.url.pathname)) return false;
  return !!dom.first(ctx.doc, [...selectors.glRequireAuth, ...selectors.glGuestPolicy, ...selectors.glAnyoneCanStart, ...selectors.glRecord, ...selectors.glSettingsRow]);
}

function readRole(ctx: ReadContext): RoleReading {
  // Only a room's owner (or a shared-access user) sees Greenlight's Settings tab.
  if (isSettingsPage(ctx)) return { role: 'host', via: 'dom', evidence: 'Greenlight room Settings tab (owner only)' };
  const mod = dom.first(ctx.doc, [...selectors.moderatorMenu, ...selectors.endMeeting, ...selectors.lockPublicChat, ...selectors.guestAsk, ...selectors.guestSelect]);
  if (mod) return { role: 'host', via: 'dom', evidence: `${mod.selector} (moderators only)` };
  const list = dom.first(ctx.doc, selectors.userList);
  return list ? { role: 'participant', via: 'dom', evidence: `${list.selector} shown without the moderator menu` } : ROLE_NOT_SHOWN;
}

/** What every row is handed: the role, and whether this is the Greenlight Settings tab. */
type Page = { r: RoleReading; readonly settings: boolean };

function pageOf(ctx: ReadContext): Page {
  let r: RoleReading = { role: 'unknown', via: 'none', evidence: 'role not read' };
  try {
    r = readRole(ctx);
  } catch {
    /* an odd page: the role stays unknown */
  }
  // Asked by each row that needs it, so an odd page that throws there fails those items alone (as unknown).
  return { r, get settings() { return isSettingsPage(ctx); } };
}

type Row = Detector<Page>;

/** A Greenlight checkbox: pass when it has the safe value, fail otherwise, null when absent or not on the Settings tab. */
const gl = (list: readonly string[], safeWhen: boolean, meaning: string): Row => (ctx, p) => {
  if (!p.settings) return null;
  const box = boxState(ctx.doc, list);
  if (!box) return null;
  const evidence = `Greenlight ${box.hit.selector} ${box.on ? 'checked' : 'not checked'} (${meaning})`;
  return box.on === safeWhen ? pass(evidence, 'dom') : fail(evidence, 'dom');
};

/** A lock-viewers switch read in its design: locked passes, allowed fails; a design Vigie cannot tell decides nothing. */
const lockRow = (list: readonly string[], what: string): Row => (ctx) => {
  const l = lockBox(ctx, list, what);
  return !l || l.locked === null ? null : l.locked ? pass(l.evidence, 'dom') : fail(l.evidence, 'dom');
};

/** A lock-viewers switch that passes the item when locked, or (`offered`) whenever it is shown to the moderator. */
const lockPasses = (list: readonly string[], what: string, offered?: string): Row => (ctx) => {
  const l = lockBox(ctx, list, what);
  return l?.locked ? pass(l.evidence, 'dom') : l && offered ? pass(`${l.evidence}; ${offered}`, 'dom') : null;
};

/** The client only (never the Settings tab): a moderator has this control. */
const hostCan = (what: string): Row => (_ctx, p) => (!p.settings && p.r.role === 'host' ? pass(`${p.r.evidence}: ${what}`, p.r.via!) : null);
const live = (row: Row): Row => (ctx, p) => (p.settings ? null : row(ctx, p));

type Policy = 'ASK_MODERATOR' | 'ALWAYS_ACCEPT' | 'ALWAYS_DENY';
const guests = (policy: Policy, evidence: string, via: 'aria' | 'dom') =>
  policy === 'ALWAYS_ACCEPT' ? fail(`${evidence}: guests enter without approval`, via) : pass(`${evidence}: ${policy === 'ASK_MODERATOR' ? 'guests wait for a moderator' : 'guests are always refused'}`, via);

/** The guest policy: the pressed button of the 2.x–3.0 modal, or the value of the newest MUI select. */
function guestPolicy(ctx: ReadContext): Finding | null {
  const pressed = ([['ASK_MODERATOR', selectors.guestAsk], ['ALWAYS_DENY', selectors.guestDeny], ['ALWAYS_ACCEPT', selectors.guestAccept]] as const)
    .map(([policy, list]) => {
      const hit = dom.first(ctx.doc, list);
      return hit && hit.el.tagName === 'BUTTON' && hit.el.getAttribute('aria-pressed') === 'true' ? { policy, hit } : null;
    })
    .filter((x) => x !== null);
  if (pressed.length === 1) return guests(pressed[0].policy, `${pressed[0].hit.selector}[aria-pressed="true"]`, 'aria');
  if (pressed.length > 1) return null;
  // MUI Select: the visible root carries data-test; its value sits in MUI's own aria-hidden native input.
  const values = new Set<string>();
  for (const root of dom.all(ctx.doc, selectors.guestSelect[0])) {
    const native = root.querySelector<HTMLInputElement>('input.MuiSelect-nativeInput');
    if (native && dom.isShown(native, true)) values.add(native.value);
  }
  // While the select is open, MUI renders the options in a listbox (a portal): the selected one is aria-selected.
  for (const [policy, id] of [['ASK_MODERATOR', 'askModerator'], ['ALWAYS_ACCEPT', 'alwaysAccept'], ['ALWAYS_DENY', 'alwaysDeny']] as const) {
    if (dom.all(ctx.doc, `[role="listbox"] li[role="option"][data-test="${id}"][aria-selected="true"]`).length) values.add(policy);
  }
  if (values.size !== 1) return null;
  const value = [...values][0];
  if (value !== 'ASK_MODERATOR' && value !== 'ALWAYS_ACCEPT' && value !== 'ALWAYS_DENY') return null;
  return guests(value, `${selectors.guestSelect[0]} value ${value}`, 'dom');
}

type CodeRow = { row: Element; kind: 'viewer' | 'moderator' | null; code: string | null; empty: boolean };

/**
 * Greenlight's AccessCodeRow.jsx, rendered for viewers then for moderators (RoomSettings.jsx), each a `.row` whose
 * h6 is the row's description and which holds either the code (`.access-code-input input`) or a "Generate"
 * button. Only rows inside the mounted Settings tab (`#room-settings`) count.
 */
function accessCodeRows(ctx: ReadContext): CodeRow[] {
  const settings = dom.first(ctx.doc, selectors.glSettings);
  if (!settings) return [];
  const out: CodeRow[] = [];
  for (const h6 of dom.all(settings.el, 'h6')) {
    const row = h6.parentElement;
    if (!row || row.firstElementChild !== h6) continue;
    const input = dom.all<HTMLInputElement>(row, '.access-code-input input')[0];
    const button = dom.all(row, ':scope > div > button').find((b) => labels.generate.some((l) => fold(b.textContent ?? '') === fold(l))) ??
      dom.all(row, ':scope > div > button.btn-brand-outline')[0];
    if (!input && !button) continue;
    const text = fold(h6.textContent ?? '');
    const kind = labels.viewerCodeRow.some((l) => fold(l) === text) ? 'viewer' : labels.moderatorCodeRow.some((l) => fold(l) === text) ? 'moderator' : null;
    const value = input ? (input.value || input.getAttribute('value') || '').trim() : '';
    out.push({ row, kind, code: value || null, empty: !input && !!button });
  }
  return out;
}

const table: Table<Page> = {
  'waiting-room': [gl(selectors.glGuestPolicy, true, 'require moderator approval'), guestPolicy],
  'restricted-access': gl(selectors.glRequireAuth, true, 'only signed-in users can join'),
  'authenticated-only': gl(selectors.glRequireAuth, true, 'only signed-in users can join'),
  'join-before-host-off': (ctx, p) => {
    const anyone = gl(selectors.glAnyoneCanStart, false, 'any user can start the meeting')(ctx, p);
    const allMod = gl(selectors.glAnyoneModerator, false, 'all users join as moderators')(ctx, p);
    return anyone?.state === 'fail' ? anyone : allMod?.state === 'fail' ? allMod : anyone;
  },
  passcode: (ctx, p) => {
    if (!p.settings) return null;
    const rows = accessCodeRows(ctx);
    // The viewer row by its description; when no description is in a language Vigie knows, by the render order
    // of exactly two rows (viewers first). One unlabelled row could be either.
    let viewer = rows.find((r) => r.kind === 'viewer');
    if (!viewer && rows.length === 2 && rows.every((r) => r.kind === null)) viewer = rows[0];
    if (viewer?.code && viewer.code.length >= 4) return pass(`Greenlight viewer access code set (${viewer.code.length} characters)`, 'dom');
    return viewer?.empty ? fail('Greenlight: no viewer access code (the viewers row offers "Generate")', 'dom') : null;
  },
  // endWhenNoModerator is a create-API parameter, invisible in the client; checklist.md counts a one-click
  // "end for all" as a pass, and BBB shows "End session" to every moderator.
  'no-stay-after-host': (_ctx, p) => (!p.settings && p.r.role === 'host' ? pass(`no visible setting; the moderator has "End session" (${p.r.evidence})`, p.r.via!) : null),
  'end-for-all': [shownHook(dom, { selectors: selectors.endMeeting, pass: '{selector} present' }), hostCan('BBB offers "End session" to moderators in the options menu')],
  'recording-control': (ctx, p) => {
    if (p.settings) {
      const allMod = boxState(ctx.doc, selectors.glAnyoneModerator);
      if (allMod?.on === true) return fail(`Greenlight ${allMod.hit.selector} checked: every participant is a moderator and can record`, 'dom');
      const rec = boxState(ctx.doc, selectors.glRecord);
      if (rec?.on === false) return pass(`Greenlight ${rec.hit.selector} not checked: this room cannot be recorded`, 'dom');
      return rec?.on === true ? pass(`Greenlight ${rec.hit.selector} checked: only moderators can start a recording`, 'dom') : null;
    }
    const indicator = dom.first(ctx.doc, selectors.recordingIndicator);
    return indicator && p.r.role === 'host' ? pass(`${indicator.selector} present; only moderators can start or stop recording`, 'dom') : null;
  },
  'private-chat-off': lockRow(selectors.lockPrivateChat, 'viewers sending private messages'),
  'chat-control': [
    lockPasses(selectors.lockPublicChat, 'viewers sending public chat messages', 'the moderator can lock it in this dialog'),
    hostCan('moderators can lock public chat (Lock viewers)'),
  ],
  'screen-share-host-only': (ctx, p) => {
    if (p.settings) {
      const allMod = boxState(ctx.doc, selectors.glAnyoneModerator);
      return allMod?.on === true ? fail(`Greenlight ${allMod.hit.selector} checked: anyone can take presenter and share`, 'dom') : null;
    }
    // Only the presenter can share in BBB; the share button shows who holds that role.
    const share = dom.first(ctx.doc, selectors.startScreenShare);
    if (share && p.r.role === 'host') return pass(`${share.selector}: the moderator is the presenter, the only one who can share`, 'dom');
    return share && p.r.role === 'participant' ? fail(`${share.selector} shown to a viewer: a viewer holds the presenter role and can share`, 'dom') : null;
  },
  'mute-control': [
    lockPasses(selectors.lockMic, 'viewers sharing their microphone'),
    (ctx, p) => {
      if (!p.settings) return null;
      const box = boxState(ctx.doc, selectors.glMuteOnStart);
      return box?.on === true ? pass(`Greenlight ${box.hit.selector} checked: users join muted`, 'dom') : null;
    },
    live(shownHook(dom, { selectors: selectors.muteMenu, pass: '{selector} offered' })),
    hostCan('moderators can mute all users and lock microphones'),
  ],
  'camera-control': [
    lockPasses(selectors.lockWebcam, 'viewers sharing their webcam', 'the moderator can lock webcams in this dialog'),
    hostCan("moderators can lock webcams and close a user's camera"),
  ],
  'personal-info-limited': lockRow(selectors.lockUserList, 'viewers seeing other viewers in the user list'),
};

const NOT_APPLICABLE: NotApplicable = { 'school-account': 'a BigBlueButton server registered by the school: accounts are the school’s own' };

const scopeFor = (url: URL, friendlyId: string) => `bbb:${url.host.toLowerCase()}:room:${friendlyId.toLowerCase()}`;

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
  matches: (url) => isSelfHosted(url, 'bigbluebutton') && (CLIENT_PATH.test(url.pathname) || ROOM_OR_JOIN_PATH.test(url.pathname)),
  exampleUrls: {
    // Valid once https://bbb.ecole-exemple.fr is registered as a BigBlueButton origin (the tests register it).
    yes: ['https://bbb.ecole-exemple.fr/html5client/?sessionToken=abc123', 'https://bbb.ecole-exemple.fr/html5client/join?sessionToken=abc123', 'https://bbb.ecole-exemple.fr/rooms/abc-def-ghi', 'https://bbb.ecole-exemple.fr/rooms/abc-def-ghi/join'],
    no: [
      'https://bbb.ecole-exemple.fr/', 'https://bbb.ecole-exemple.fr/rooms', 'https://bbb.ecole-exemple.fr/admin/users', 'https://bbb.ecole-exemple.fr/rooms/abc-def-ghi/recordings/x',
      'https://unregistered.example.org/html5client/?sessionToken=abc123', 'http://bbb.ecole-exemple.fr/html5client/',
    ],
  },
  isMeetingPage: (ctx) => dom.during(() => CLIENT_PATH.test(ctx.url.pathname) && !!dom.first(ctx.doc, selectors.meetingPage)),
  role: (ctx) => dom.during(() => readRole(ctx).role),
  read: (ctx) => dom.during(() => readTable('bigbluebutton', table, NOT_APPLICABLE, ctx, pageOf(ctx), { unread: (id) => UNKNOWN_HINT[id] ?? 'not shown on this page' })),
  roomKey(url) {
    const m = ROOM_OR_JOIN_PATH.exec(url.pathname);
    // The client URL holds only a per-user session token (never stored): the server is the key.
    return m ? `bigbluebutton:${url.host.toLowerCase()}/rooms/${m[1].toLowerCase()}` : `bigbluebutton:${url.host.toLowerCase()}/html5client`;
  },
  coverage: coverageOf(NOT_APPLICABLE, {
    'waiting-room': 'read', 'restricted-access': 'read', 'no-stay-after-host': 'read', 'recording-control': 'read', 'private-chat-off': 'read',
    'screen-share-host-only': 'read', 'end-for-all': 'read', passcode: 'read', 'authenticated-only': 'read', 'join-before-host-off': 'read',
    'chat-control': 'read', 'mute-control': 'read', 'camera-control': 'read', 'personal-info-limited': 'read',
  }),
  settingsScope(ctx) {
    const m = ROOM_PATH.exec(ctx.url.pathname);
    return m && dom.during(() => isSettingsPage(ctx)) ? scopeFor(ctx.url, m[1]) : null;
  },
  rememberedScopes: (ctx) => [roomOfReferrer(ctx)].filter((s) => s !== null),
  // Where settings change: modals, menus, listboxes, Greenlight's rows; never the user list (rows/bigbluebutton.ts).
  watch: WATCH,
  sourceHooks: SOURCE_HOOKS,
};

export default bigbluebutton;

/*
 * Observed on (tests/fixtures/bigbluebutton/source-hooks.json has each hook's file and commit):
 * - https://<school host>/html5client/?sessionToken=… (moderator and viewer): bigbluebutton-html5 lock-viewers,
 *   waiting-users/guest-policy, common/switch, and bigbluebutton-tests/playwright/core/elements.ts @98642186.
 * - https://<school host>/rooms/<friendly_id> Settings tab: greenlight @15db765b7fab10414df1a838ae8b3501b215cec4
 *   (2026-07-17): FeatureTabs.jsx, RoomSettings.jsx, RoomSettingsRow.jsx, AccessCodeRow.jsx, app/assets/locales.
 * - Fixtures rebuilt from those components 2026-12-02; no live capture yet. Greenlight's JSON API
 *   (/api/v1/room_settings/<id>) is deliberately not called: Vigie makes no request of its own.
 */
