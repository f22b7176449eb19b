import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import type { Hit } from './kit/dom';
import { fold } from './kit/labels';
import { fail, notApplicable, pass, runDetectors } from './kit/finding';
import type { PlatformAdapter, ReadContext, Role } from './types';
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

/** Selectors as alternatives, stable-first. Sources: tests/fixtures/bigbluebutton/source-hooks.json. */
const selectors = {
  meetingPage: [
    'div[data-test="userListContent"]',
    'button[data-test="optionsButton"]',
    'section#ActionsBar',
    'header#Navbar',
  ],
  /** Only moderators get the user-list "manage users" menu (mute all, lock viewers, guest policy). */
  moderatorMenu: ['button[data-test="manageUsers"]'],
  userList: ['div[data-test="userListContent"]'],
  endMeeting: ['li[data-test="endMeetingButton"]', 'button[data-test="confirmEndMeeting"]'],
  // 2.x–3.0 guest-policy modal: the current policy's button has aria-pressed="true" (guest-policy/component.jsx).
  guestAsk: ['button[data-test="askModerator"]'],
  guestAccept: ['button[data-test="alwaysAccept"]'],
  guestDeny: ['button[data-test="alwaysDeny"]'],
  // Newest builds: an MUI Select in the lock-viewers modal's guest-policy tab (lock-viewers/component.jsx).
  guestSelect: ['[data-test="guestPolicySelector"]'],
  lockMic: ['input[data-test="lockShareMicrophone"]'],
  lockWebcam: ['input[data-test="lockShareWebcam"]'],
  lockPublicChat: ['input[data-test="lockPublicChat"]'],
  lockPrivateChat: ['input[data-test="lockPrivateChat"]'],
  lockUserList: ['input[data-test="lockUserList"]'],
  muteMenu: ['li[data-test="muteAllExceptPresenter"]', 'li[data-test="usersJoinMuted"]'],
  /** Only the presenter sees the screen-share button. */
  startScreenShare: ['button[data-test="startScreenShare"]'],
  recordingIndicator: ['div[data-test="recordingIndicator"]'],
  // Greenlight v3 room Settings tab (RoomSettings.jsx, RoomSettingsRow.jsx: input.form-check-input#<settingName>).
  glSettings: ['#room-settings'],
  glGuestPolicy: ['input#guestPolicy'], // checked = ask moderator
  glRequireAuth: ['input#glRequireAuthentication'], // checked = signed-in users only
  glAnyoneCanStart: ['input#glAnyoneCanStart'],
  glAnyoneModerator: ['input#glAnyoneJoinAsModerator'],
  glMuteOnStart: ['input#muteOnStart'],
  glRecord: ['input#record'],
  glSettingsRow: ['div.room-settings-row'],
} as const;

/** The lock-viewers row key of each input in the newest tabbed modal (`${item.key}Item`). */
const TABBED_ROW: Record<string, readonly string[]> = {
  lockShareWebcam: ['disableCamItem'],
  lockShareMicrophone: ['disableMicItem'],
  lockPublicChat: ['disablePublicChatItem'],
  lockPrivateChat: ['disablePrivateChatItem'],
  // isolateUsers in the newest builds; hideUserList in the first tabbed ones.
  lockUserList: ['isolateUsersItem', 'hideUserListItem'],
};

/** Greenlight v3 strings, app/assets/locales/en.json and fr.json (greenlight @15db765b). */
const labels = {
  viewerCodeRow: ['Generate access code for viewers', 'Générer un code d’accès pour les auditeurs'], // room.settings.generate_viewers_access_code
  moderatorCodeRow: ['Generate access code for moderators', 'Générer un code d’accès pour les modérateurs'], // room.settings.generate_mods_access_code
  generate: ['Generate', 'Générer'], // room.settings.generate
} as const;

/** Greenlight v3: /rooms/<friendly_id> (the join page /rooms/<id>/join is not the settings page). */
const ROOM_PATH = /^\/rooms\/([A-Za-z0-9_-]{3,64})\/?$/;
const ROOM_OR_JOIN_PATH = /^\/rooms\/([A-Za-z0-9_-]{3,64})(?:\/join)?\/?$/;
const CLIENT_PATH = /^\/html5client(?:\/|$)/;


/** Per-call memo of "this element's own style hides it" (ancestors are shared by every lookup of one read). */
let styleMemo: WeakMap<Element, boolean> | null = null;
function memoised<T>(fn: () => T): T {
  if (styleMemo) return fn();
  styleMemo = new WeakMap();
  try {
    return fn();
  } finally {
    styleMemo = null;
  }
}

function styleHides(el: Element): boolean {
  const known = styleMemo?.get(el);
  if (known !== undefined) return known;
  const hides = computeStyleHides(el);
  styleMemo?.set(el, hides);
  return hides;
}

function computeStyleHides(el: Element): boolean {
  const style = (el as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse')) return true;
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  try {
    const cs = view.getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse';
  } catch {
    return false;
  }
}

/**
 * Is this element shown to the user? Not when it, or an ancestor, is hidden, aria-hidden, inert, display:none,
 * visibility:hidden, or inside a <template>. `allowAriaHidden` lets MUI's own aria-hidden native input of a
 * Select be read once its visible Select root was checked.
 */
function isShown(el: Element, allowAriaHidden = false): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.tagName === 'TEMPLATE') return false;
    if (cur.hasAttribute('hidden') || cur.hasAttribute('inert')) return false;
    if (!(allowAriaHidden && cur === el) && cur.getAttribute('aria-hidden') === 'true') return false;
    if (styleHides(cur)) return false;
  }
  // Content of a <template> lives in a separate fragment with no document element above it.
  return !!el.ownerDocument && el.ownerDocument.documentElement.contains(el);
}

function allShown<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  let els: T[] = [];
  try {
    els = Array.from(root.querySelectorAll<T>(selector));
  } catch {
    els = [];
  }
  return els.filter((el) => isShown(el));
}

/** First shown element matched by the first selector that matches a shown element. */
function first<T extends Element = Element>(root: ParentNode, list: readonly string[]): Hit<T> | null {
  for (const selector of list) {
    const el = allShown<T>(root, selector)[0];
    if (el) return { el, selector };
  }
  return null;
}

/** A shown checkbox's ticked state; null when absent, not a checkbox, or when shown copies disagree. */
function boxState(root: ParentNode, list: readonly string[]): { hit: Hit<HTMLInputElement>; on: boolean } | null {
  for (const selector of list) {
    const els = allShown<HTMLInputElement>(root, selector).filter((el) => el.tagName === 'INPUT' && el.type === 'checkbox');
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

interface LockReading {
  /** null: the dialog shows this switch, but Vigie cannot tell which way it reads. */
  locked: boolean | null;
  evidence: string;
}

function lockBox(ctx: ReadContext, list: readonly string[], what: string): LockReading | null {
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
  return !!first(ctx.doc, [...selectors.glRequireAuth, ...selectors.glGuestPolicy, ...selectors.glAnyoneCanStart, ...selectors.glRecord, ...selectors.glSettingsRow]);
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
  const mod = first(doc, [...selectors.moderatorMenu, ...selectors.endMeeting, ...selectors.lockPublicChat, ...selectors.guestAsk, ...selectors.guestSelect]);
  if (mod) return { role: 'host', via: 'dom', evidence: `${mod.selector} (moderators only)` };
  const list = first(doc, selectors.userList);
  if (list) return { role: 'participant', via: 'dom', evidence: `${list.selector} shown without the moderator menu` };
  return { role: 'unknown', via: 'none', evidence: 'role not shown' };
}

type Detector = (ctx: ReadContext, r: RoleReading) => Finding | null;

/** A Greenlight checkbox: pass when it has the safe value, fail otherwise, null when absent. */
function glBox(ctx: ReadContext, list: readonly string[], safeWhen: boolean, meaning: string): Finding | null {
  if (!isSettingsPage(ctx)) return null;
  const box = boxState(ctx.doc, list);
  if (!box) return null;
  const evidence = `Greenlight ${box.hit.selector} ${box.on ? 'checked' : 'not checked'} (${meaning})`;
  return box.on === safeWhen ? pass(evidence, 'dom') : fail(evidence, 'dom');
}

/** The guest policy: the pressed button of the 2.x–3.0 modal, or the value of the newest MUI select. */
function guestPolicy(ctx: ReadContext): { policy: 'ASK_MODERATOR' | 'ALWAYS_ACCEPT' | 'ALWAYS_DENY'; evidence: string; via: 'aria' | 'dom' } | null {
  const pressed = ([['ASK_MODERATOR', selectors.guestAsk], ['ALWAYS_DENY', selectors.guestDeny], ['ALWAYS_ACCEPT', selectors.guestAccept]] as const)
    .map(([policy, list]) => {
      const hit = first(ctx.doc, list);
      return hit && hit.el.tagName === 'BUTTON' && hit.el.getAttribute('aria-pressed') === 'true' ? { policy, hit } : null;
    })
    .filter((x) => x !== null);
  if (pressed.length === 1) return { policy: pressed[0].policy, evidence: `${pressed[0].hit.selector}[aria-pressed="true"]`, via: 'aria' };
  if (pressed.length > 1) return null;
  // MUI Select: the visible root carries data-test; its value sits in MUI's own aria-hidden native input.
  const values = new Set<string>();
  for (const root of allShown(ctx.doc, selectors.guestSelect[0])) {
    const native = root.querySelector<HTMLInputElement>('input.MuiSelect-nativeInput');
    if (native && isShown(native, true)) values.add(native.value);
  }
  // While the select is open, MUI renders the options in a listbox (a portal): the selected one is aria-selected.
  for (const [policy, id] of [['ASK_MODERATOR', 'askModerator'], ['ALWAYS_ACCEPT', 'alwaysAccept'], ['ALWAYS_DENY', 'alwaysDeny']] as const) {
    if (allShown(ctx.doc, `[role="listbox"] li[role="option"][data-test="${id}"][aria-selected="true"]`).length) values.add(policy);
  }
  if (values.size !== 1) return null;
  const value = [...values][0];
  if (value !== 'ASK_MODERATOR' && value !== 'ALWAYS_ACCEPT' && value !== 'ALWAYS_DENY') return null;
  return { policy: value, evidence: `${selectors.guestSelect[0]} value ${value}`, via: 'dom' };
}

interface CodeRow {
  row: Element;
  kind: 'viewer' | 'moderator' | null;
  code: string | null;
  empty: boolean;
}

/**
 * Greenlight's AccessCodeRow.jsx, rendered for viewers then for moderators (RoomSettings.jsx), each a `.row` whose
 * h6 is the row's description and which holds either the code (`.access-code-input input`) or a "Generate"
 * button. Only rows inside the mounted Settings tab (`#room-settings`) count.
 */
function accessCodeRows(ctx: ReadContext): CodeRow[] {
  const settings = first(ctx.doc, selectors.glSettings);
  if (!settings) return [];
  const out: CodeRow[] = [];
  for (const h6 of allShown(settings.el, 'h6')) {
    const row = h6.parentElement;
    if (!row || row.firstElementChild !== h6) continue;
    const input = allShown<HTMLInputElement>(row, '.access-code-input input')[0];
    const button = allShown(row, ':scope > div > button').find((b) => labels.generate.some((l) => fold(b.textContent ?? '') === fold(l))) ??
      allShown(row, ':scope > div > button.btn-brand-outline')[0];
    if (!input && !button) continue;
    const text = fold(h6.textContent ?? '');
    const kind = labels.viewerCodeRow.some((l) => fold(l) === text) ? 'viewer' : labels.moderatorCodeRow.some((l) => fold(l) === text) ? 'moderator' : null;
    const value = input ? (input.value || input.getAttribute('value') || '').trim() : '';
    out.push({ row, kind, code: value || null, empty: !input && !!button });
  }
  return out;
}

const detectors: Record<ItemId, Detector> = {
  'waiting-room': (ctx) => {
    const gl = glBox(ctx, selectors.glGuestPolicy, true, 'require moderator approval');
    if (gl) return gl;
    const g = guestPolicy(ctx);
    if (!g) return null;
    if (g.policy === 'ASK_MODERATOR') return pass(`${g.evidence}: guests wait for a moderator`, g.via);
    if (g.policy === 'ALWAYS_DENY') return pass(`${g.evidence}: guests are always refused`, g.via);
    return fail(`${g.evidence}: guests enter without approval`, g.via);
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
    const rows = accessCodeRows(ctx);
    // The viewer row by its description; when no description is in a language Vigie knows, by the render order
    // of exactly two rows (viewers first). One unlabelled row could be either.
    let viewer = rows.find((r) => r.kind === 'viewer');
    if (!viewer && rows.length === 2 && rows.every((r) => r.kind === null)) viewer = rows[0];
    if (viewer?.code && viewer.code.length >= 4) return pass(`Greenlight viewer access code set (${viewer.code.length} characters)`, 'dom');
    if (viewer?.empty) return fail('Greenlight: no viewer access code (the viewers row offers "Generate")', 'dom');
    return null;
  },
  'no-stay-after-host': (ctx, r) => {
    // endWhenNoModerator is a create-API parameter, invisible in the client; checklist.md counts a one-click
    // "end for all" as a pass, and BBB shows "End session" to every moderator.
    if (isSettingsPage(ctx)) return null;
    return r.role === 'host' ? pass(`no visible setting; the moderator has "End session" (${r.evidence})`, r.via) : null;
  },
  'end-for-all': (ctx, r) => {
    const hit = first(ctx.doc, selectors.endMeeting);
    if (hit) return pass(`${hit.selector} present`, 'dom');
    if (isSettingsPage(ctx)) return null;
    return r.role === 'host' ? pass(`${r.evidence}: BBB offers "End session" to moderators in the options menu`, r.via) : null;
  },
  'recording-control': (ctx, r) => {
    if (isSettingsPage(ctx)) {
      const allMod = boxState(ctx.doc, selectors.glAnyoneModerator);
      if (allMod?.on === true) return fail(`Greenlight ${allMod.hit.selector} checked: every participant is a moderator and can record`, 'dom');
      const rec = boxState(ctx.doc, selectors.glRecord);
      if (rec?.on === false) return pass(`Greenlight ${rec.hit.selector} not checked: this room cannot be recorded`, 'dom');
      if (rec?.on === true) return pass(`Greenlight ${rec.hit.selector} checked: only moderators can start a recording`, 'dom');
      return null;
    }
    const indicator = first(ctx.doc, selectors.recordingIndicator);
    if (indicator && r.role === 'host') return pass(`${indicator.selector} present; only moderators can start or stop recording`, 'dom');
    return null;
  },
  'private-chat-off': (ctx) => {
    const l = lockBox(ctx, selectors.lockPrivateChat, 'viewers sending private messages');
    if (!l || l.locked === null) return null;
    return l.locked ? pass(l.evidence, 'dom') : fail(l.evidence, 'dom');
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
      const allMod = boxState(ctx.doc, selectors.glAnyoneModerator);
      return allMod?.on === true ? fail(`Greenlight ${allMod.hit.selector} checked: anyone can take presenter and share`, 'dom') : null;
    }
    // Only the presenter can share in BBB; the share button shows who holds that role.
    const share = first(ctx.doc, selectors.startScreenShare);
    if (share && r.role === 'host') return pass(`${share.selector}: the moderator is the presenter, the only one who can share`, 'dom');
    if (share && r.role === 'participant') return fail(`${share.selector} shown to a viewer: a viewer holds the presenter role and can share`, 'dom');
    return null;
  },
  'mute-control': (ctx, r) => {
    const l = lockBox(ctx, selectors.lockMic, 'viewers sharing their microphone');
    if (l?.locked) return pass(l.evidence, 'dom');
    if (isSettingsPage(ctx)) {
      const gl = boxState(ctx.doc, selectors.glMuteOnStart);
      return gl?.on === true ? pass(`Greenlight ${gl.hit.selector} checked: users join muted`, 'dom') : null;
    }
    const menu = first(ctx.doc, selectors.muteMenu);
    if (menu) return pass(`${menu.selector} offered`, 'dom');
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
    if (!l || l.locked === null) return null;
    return l.locked ? pass(l.evidence, 'dom') : fail(l.evidence, 'dom');
  },
  'school-account': () => notApplicable('a BigBlueButton server registered by the school: accounts are the school’s own'),
};

const SETTINGS_TAB_HINT = 'read on the Greenlight room Settings tab; open it once so Vigie remembers it';
const UNKNOWN_HINT: Partial<Record<ItemId, string>> = {
  'no-stay-after-host': 'endWhenNoModerator is set when the meeting is created; confirm you end the session for all',
  'restricted-access': SETTINGS_TAB_HINT,
  'authenticated-only': SETTINGS_TAB_HINT,
  'join-before-host-off': SETTINGS_TAB_HINT,
  passcode: 'read on the Greenlight room Settings tab (the viewers’ access code; a moderator code is not a passcode for pupils)',
  'private-chat-off': 'open Lock viewers (Manage users ⚙); where Vigie cannot tell which way the switches read, confirm private chat is locked',
  'personal-info-limited': 'open Lock viewers (Manage users ⚙); where Vigie cannot tell which way the switches read, confirm the user list is locked',
};

function readAll(ctx: ReadContext) {
  let r: RoleReading;
  try {
    r = readRole(ctx);
  } catch {
    r = { role: 'unknown', via: 'none', evidence: 'role not read' };
  }
  return runDetectors('bigbluebutton', detectors, (detect) => detect(ctx, r), (id) => UNKNOWN_HINT[id] ?? 'not shown on this page');
}

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

/**
 * Every hook this adapter relies on, as tests/fixtures/bigbluebutton/source-hooks.json names it
 * (tests/platforms/source-hooks.test.ts fails when one is missing from that extract or marked removed).
 */
const SOURCE_HOOKS = [
  // BigBlueButton HTML5 client
  'data-test:userListContent',
  'data-test:optionsButton',
  'id:ActionsBar',
  'id:Navbar',
  'data-test:manageUsers',
  'data-test:endMeetingButton',
  'data-test:confirmEndMeeting',
  'data-test:askModerator',
  'data-test:alwaysAccept',
  'data-test:alwaysDeny',
  'aria:aria-pressed',
  'data-test:guestPolicySelector',
  'data-test:lockShareMicrophone',
  'data-test:lockShareWebcam',
  'data-test:lockPublicChat',
  'data-test:lockPrivateChat',
  'data-test:lockUserList',
  'data-test:lockShareMicrophoneItem',
  'data-test:lockShareWebcamItem',
  'data-test:lockPublicChatItem',
  'data-test:lockPrivateChatItem',
  'data-test:lockUserListItem',
  'data-test:disableCamItem',
  'data-test:disableMicItem',
  'data-test:disablePublicChatItem',
  'data-test:disablePrivateChatItem',
  'data-test:isolateUsersItem',
  'class:MuiSwitch-switchBase',
  'class:MuiCheckbox-root',
  'class:MuiSelect-nativeInput',
  'selector:common/switch Toggle',
  'data-test:muteAllExceptPresenter',
  'data-test:usersJoinMuted',
  'data-test:startScreenShare',
  'data-test:recordingIndicator',
  // Greenlight v3
  'url:/rooms/<friendly_id>',
  'id:room-settings',
  'class:room-settings-row',
  'id:guestPolicy',
  'id:glRequireAuthentication',
  'id:glAnyoneCanStart',
  'id:glAnyoneJoinAsModerator',
  'id:muteOnStart',
  'id:record',
  'class:access-code-input',
  'locale:room.settings.generate_viewers_access_code',
  'locale:room.settings.generate_mods_access_code',
  'locale:room.settings.generate',
] as const;

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
    return memoised(() => CLIENT_PATH.test(ctx.url.pathname) && !!first(ctx.doc, selectors.meetingPage));
  },
  role(ctx) {
    return memoised(() => readRole(ctx).role);
  },
  read(ctx) {
    return memoised(() => readAll(ctx));
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
    return m && memoised(() => isSettingsPage(ctx)) ? scopeFor(ctx.url, m[1]) : null;
  },
  rememberedScopes(ctx) {
    const scope = roomOfReferrer(ctx);
    return scope ? [scope] : [];
  },
  // Settings show in modals (lock viewers, guest policy), menus, listboxes (the MUI guest-policy select), the
  // navbar indicator and Greenlight's settings rows. The user list itself is NOT watched (people joining, talking,
  // raising hands would rescan a busy class); the client's first render is caught through the action bar it adds
  // at the same time. The navbar is not watched either (its talking indicator changes constantly).
  watch: [
    '[role="dialog"]',
    '[role="menu"]',
    '[role="listbox"]',
    'input[type="checkbox"]',
    'section#ActionsBar',
    '[data-test="recordingIndicator"]',
    '[data-test="guestPolicySelector"]',
    '[data-test="manageUsers"]',
    '[data-test="startScreenShare"]',
    '[data-test="optionsButton"]',
    '#room-settings',
    '.room-settings-row',
    '.access-code-input',
  ],
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
