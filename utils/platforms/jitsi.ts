import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import { toggleState } from './kit/dom';
import { fail, fromBoolean, notApplicable, pass, runDetectors, unknown } from './kit/finding';
import type { PageState, PlatformAdapter, ReadContext, Role } from './types';
import { isSelfHosted } from './self-hosted';

/**
 * Jitsi Meet (meet.jit.si, 8x8.vc JaaS, self-hosted). Jitsi keeps its whole UI state in a redux store
 * (window.APP.store, assigned asynchronously by BaseApp.tsx); the main-world reader
 * (entrypoints/jitsi-state.content.ts) copies the paths below into a flat snapshot. That state is the strongest
 * hook, so it is tried first; ids and classes the real components render come next; EN/FR labels from
 * lang/main.json and main-fr.json last, and only inside Jitsi's own toolbar and dialogs, never where
 * participants' names or messages show.
 *
 * Every hook below was seen in jitsi-meet as published in @jitsi/react-native-sdk 13.2.0 (react/features/**,
 * lang/*): tests/fixtures/jitsi/source-hooks.json lists each with its file; `npm run hooks:check` regenerates it.
 *
 * Rules this adapter keeps (docs/platforms/jitsi.md):
 * - only a joined conference is scored: the pre-join and lobby screens render inside #videoconference_page while
 *   features/base/conference.conference is still undefined (conference/components/web/Conference.tsx);
 * - config keys a URL hash can override (base/config/configWhitelist.ts, interfaceConfigWhitelist.ts) describe one
 *   participant's client, not the room: they never make a pass on their own;
 * - being a moderator is not evidence that a control exists: "End meeting for all" needs the server's
 *   end_conference support (Toolbox.tsx), chat permissions need showChatPermissionsModeratorSetting (ModeratorTab).
 */

/** Redux store paths ("store:<slice>.<path>") and window globals ("global:<path>") the reader copies. */
export const JITSI_STATE_PATHS = [
  'store:features/base/participants.local.role',
  'store:features/base/conference.conference', // object once joined → copied as `true`; undefined on pre-join and lobby
  'store:features/base/conference.locked',
  'store:features/base/conference.authEnabled',
  'store:features/lobby.lobbyEnabled',
  'store:features/lobby.lobbyVisible',
  'store:features/prejoin.showPrejoin',
  'store:features/av-moderation.audioModerationEnabled',
  'store:features/av-moderation.videoModerationEnabled',
  'store:features/av-moderation.desktopModerationEnabled',
  'store:features/chat.groupChatWithPermissions',
  'store:features/chat.privateChatWithPermissions',
  'store:features/base/config.disableChat',
  'store:features/base/config.remoteVideoMenu.disablePrivateChat',
  'store:features/base/config.localRecording.disable',
  'store:features/base/config.readOnlyName',
  'store:features/base/config.disableProfile',
  'store:features/base/config.hideDisplayName',
  'store:features/base/config.hosts.anonymousdomain',
  'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES',
] as const;

const S = {
  role: 'store:features/base/participants.local.role',
  conference: 'store:features/base/conference.conference',
  locked: 'store:features/base/conference.locked',
  authEnabled: 'store:features/base/conference.authEnabled',
  lobby: 'store:features/lobby.lobbyEnabled',
  lobbyVisible: 'store:features/lobby.lobbyVisible',
  showPrejoin: 'store:features/prejoin.showPrejoin',
  audioModeration: 'store:features/av-moderation.audioModerationEnabled',
  videoModeration: 'store:features/av-moderation.videoModerationEnabled',
  desktopModeration: 'store:features/av-moderation.desktopModerationEnabled',
  groupChatPerm: 'store:features/chat.groupChatWithPermissions',
  privateChatPerm: 'store:features/chat.privateChatWithPermissions',
  disableChat: 'store:features/base/config.disableChat',
  disablePrivateChat: 'store:features/base/config.remoteVideoMenu.disablePrivateChat',
  localRecordingDisabled: 'store:features/base/config.localRecording.disable',
  readOnlyName: 'store:features/base/config.readOnlyName',
  disableProfile: 'store:features/base/config.disableProfile',
  hideDisplayName: 'store:features/base/config.hideDisplayName',
  anonymousDomain: 'store:features/base/config.hosts.anonymousdomain',
  disablePrivateMessages: 'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES',
} as const;

/** The reader sets this key once it has read the store, so "path absent" can be told from "store not read". */
export const STATE_READ_MARKER = '__read';

/**
 * DOM hooks, each as the real component renders it (file in react/features/). Containers first: every control
 * is looked for inside Jitsi's own toolbar, dialogs or participants-pane footer, never in tiles or chat.
 */
const hooks = {
  conferenceRoot: '#videoconference_page', // conference/components/web/Conference.tsx
  toolbox: '#new-toolbox', // toolbox/components/web/Toolbox.tsx (also inside the pre-meeting screen)
  premeeting: '.premeeting-screen', // base/premeeting/components/web/PreMeetingScreen.tsx (pre-join and lobby)
  prejoinScreen: '[data-testid="prejoin.screen"]', // prejoin/components/web/Prejoin.tsx
  lobbyScreen: '.lobby-screen', // lobby/components/web/LobbyScreen.tsx (PreMeetingScreen className)
  hangupMenuButton: '.hangup-menu-button', // Toolbox.tsx: only when isEndConferenceSupported() && isModerator
  hangupButton: '.hangup-button', // Toolbox.tsx: plain hang-up otherwise
  popover: '.popover-content', // base/popover/components/Popover.web.tsx (hang-up menu content, role=dialog)
  dialog: '[role="dialog"]', // base/ui/components/web/BaseDialog.tsx
  securityDialog: '.security-dialog', // security/components/security-dialog/web/SecurityDialog.tsx
  lobbySection: '#lobby-section', // lobby/components/web/LobbySection.tsx
  lobbySwitch: '#lobby-section-switch', // LobbySection.tsx Switch, checked = lobby on
  passwordSection: '.password-section', // security-dialog/web/PasswordSection.tsx
  removePassword: '.remove-password', // PasswordSection.tsx: moderator, room locked
  addPassword: '.add-password', // PasswordSection.tsx: moderator, room not locked
  passwordField: '.info-password-field', // PasswordForm.tsx: shown to everyone while the room is locked
  chatCheckbox: 'input[name="chat-with-permissions"]', // settings/components/web/ModeratorTab.tsx
  privateChatCheckbox: 'input[name="private-chat-with-permissions"]', // ModeratorTab.tsx
  participantsPane: '#participants-pane', // participants-pane/components/web/ParticipantsPane.tsx
  moderatorFooter: '#participants-pane-context-menu', // ParticipantsPane.tsx footer, moderators only
  audioModerationOn: '#participants-pane-context-menu-stop-audio-moderation', // FooterContextMenu.tsx
  audioModerationOff: '#participants-pane-context-menu-start-audio-moderation',
  videoModerationOn: '#participants-pane-context-menu-stop-video-moderation',
  videoModerationOff: '#participants-pane-context-menu-start-video-moderation',
  desktopModerationOn: '#participants-pane-context-menu-stop-desktop-moderation',
  desktopModerationOff: '#participants-pane-context-menu-start-desktop-moderation',
  stopEveryonesVideo: '#participants-pane-context-menu-stop-video',
} as const;

/** lang/main.json and main-fr.json, the last resort (key → EN, FR). */
const labels = {
  hangup: ['Leave the meeting', 'Quitter la conversation'], // toolbar.accessibilityLabel.hangup
  endForAll: ['End meeting for all', 'Terminer la réunion pour tout le monde'], // toolbar.accessibilityLabel.endConference
} as const;

/** Every hook above, as tests/fixtures/jitsi/source-hooks.json lists it. */
export const JITSI_SOURCE_HOOKS = [
  ...JITSI_STATE_PATHS,
  ...Object.values(hooks),
  'locale:toolbar.accessibilityLabel.hangup',
  'locale:toolbar.accessibilityLabel.endConference',
  // URL-hash-overridable keys this adapter refuses to pass on (base/config/configWhitelist.ts, interfaceConfigWhitelist.ts).
  'whitelist:config.localRecording',
  'whitelist:config.disableChat',
  'whitelist:config.remoteVideoMenu',
  'whitelist:config.readOnlyName',
  'whitelist:config.disableProfile',
  'whitelist:config.hideDisplayName',
  'whitelist:config.showChatPermissionsModeratorSetting',
  'whitelist:interfaceConfig.DISABLE_PRIVATE_MESSAGES',
] as const;

function stateRead(state: PageState | undefined): state is PageState {
  return !!state && state[STATE_READ_MARKER] === true;
}

/** Hidden by the page: `hidden`, aria-hidden, inert, display:none or visibility:hidden on it or an ancestor. */
function isHidden(el: Element): boolean {
  const view = el.ownerDocument?.defaultView;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.hasAttribute('hidden') || cur.getAttribute('aria-hidden') === 'true' || cur.hasAttribute('inert')) return true;
    if (cur.localName === 'template') return true;
    const style = (cur as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
    try {
      const computed = view?.getComputedStyle(cur);
      if (computed && (computed.display === 'none' || (cur === el && computed.visibility === 'hidden'))) return true;
    } catch {
      // A detached or odd node: judge by attributes alone.
    }
  }
  return false;
}

function visible(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).filter((el) => !isHidden(el));
  } catch {
    return [];
  }
}

/** Visible matches of `selector` inside visible `containers` only. */
function within(doc: Document, containers: string, selector: string): Element[] {
  const out = new Set<Element>();
  for (const c of visible(doc, containers)) for (const el of visible(c, selector)) out.add(el);
  return [...out];
}

/**
 * One switch's state, when every visible copy agrees. Two visible copies that disagree (a stale or planted one
 * before the real one) decide nothing: null.
 */
function agreedToggle(els: Element[]): boolean | null {
  const states = els.map(toggleState);
  if (!states.length || states.some((s) => s === null)) return null;
  return states.every((s) => s === states[0]) ? states[0] : null;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function hasLabel(el: Element, wanted: readonly string[]): boolean {
  const own = fold(el.getAttribute('aria-label') ?? '');
  return wanted.some((w) => fold(w) === own);
}

/** The toolbar of the joined conference, not the one the pre-meeting screen renders. */
function conferenceToolbox(doc: Document): Element | null {
  return visible(doc, `${hooks.conferenceRoot} ${hooks.toolbox}`).find((t) => !t.closest(hooks.premeeting)) ?? null;
}

function premeetingShown(doc: Document): boolean {
  return visible(doc, `${hooks.premeeting}, ${hooks.prejoinScreen}, ${hooks.lobbyScreen}`).length > 0;
}

/**
 * "End meeting for all" is offered: the hang-up toggle that opens the end/leave menu (Toolbox.tsx renders it only
 * when the server supports end_conference and the local participant is a moderator), or, last resort, the open
 * hang-up popover holding a button labelled "End meeting for all" (EN/FR).
 */
function endForAllOffered(doc: Document): { evidence: string; via: 'dom' | 'aria' } | null {
  const toolbox = conferenceToolbox(doc);
  if (toolbox && visible(toolbox, hooks.hangupMenuButton).length) {
    return { evidence: `${hooks.toolbox} ${hooks.hangupMenuButton} (Toolbox.tsx: end_conference supported, moderator)`, via: 'dom' };
  }
  for (const pop of visible(doc, `${hooks.popover}${hooks.dialog}`)) {
    if (!hasLabel(pop, labels.hangup)) continue;
    if (visible(pop, 'button[aria-label]').some((b) => hasLabel(b, labels.endForAll))) {
      return { evidence: `hang-up menu holds "${labels.endForAll[0]}"`, via: 'aria' };
    }
  }
  return null;
}

/** The plain hang-up button: the server lacks end_conference, or the local participant is not a moderator. */
function plainHangup(doc: Document): boolean {
  const toolbox = conferenceToolbox(doc);
  return !!toolbox && visible(toolbox, hooks.hangupButton).length > 0 && !visible(toolbox, hooks.hangupMenuButton).length;
}

/** The teacher's role, and where Vigie learned it (so capability verdicts cite the right evidence). */
interface RoleReading {
  role: Role;
  via: 'state' | 'dom' | 'none';
  evidence: string;
}

function readRole(ctx: ReadContext): RoleReading {
  const { state, doc } = ctx;
  if (stateRead(state)) {
    const r = state[S.role];
    if (r === 'moderator') return { role: 'host', via: 'state', evidence: "state: local.role = 'moderator'" };
    // 'none' is the role before joining (base/participants/constants.ts): not yet a participant.
    if (r === 'participant' || r === 'visitor') return { role: 'participant', via: 'state', evidence: `state: local.role = '${r}'` };
  }
  // Markup only moderators get (never a label: a participant can be called "End meeting for all" or "Host").
  const toolbox = conferenceToolbox(doc);
  if (toolbox && visible(toolbox, hooks.hangupMenuButton).length) return { role: 'host', via: 'dom', evidence: `${hooks.hangupMenuButton} (moderators only)` };
  const footer = within(doc, hooks.participantsPane, [hooks.moderatorFooter, hooks.audioModerationOn, hooks.audioModerationOff, hooks.desktopModerationOn, hooks.desktopModerationOff].join(', '));
  if (footer.length) return { role: 'host', via: 'dom', evidence: `${hooks.participantsPane} moderator footer` };
  return { role: 'unknown', via: 'none', evidence: 'role not shown' };
}

function role(ctx: ReadContext): Role {
  return readRole(ctx).role;
}

/** A config value that a URL hash can set for one client: evidence to confirm, never a pass. */
const hashOverridable = (what: string) => `${what}, but it is a key a URL hash can override (configWhitelist.ts) for one participant's own client: confirm`;

type Detector = (ctx: ReadContext, r: RoleReading) => Finding | null;

const detectors: Record<ItemId, Detector> = {
  'waiting-room': ({ state, doc }) => {
    if (stateRead(state)) {
      const f = fromBoolean(state[S.lobby], true, `state: features/lobby.lobbyEnabled = ${String(state[S.lobby])}`, 'state');
      if (f) return f;
    }
    const on = agreedToggle(within(doc, `${hooks.dialog} ${hooks.securityDialog} ${hooks.lobbySection}`, hooks.lobbySwitch));
    return on === null ? null : on ? pass(`${hooks.lobbySwitch} is on`, 'dom') : fail(`${hooks.lobbySwitch} is off`, 'dom');
  },
  'restricted-access': ({ state, doc }) => {
    if (stateRead(state) && typeof state[S.lobby] === 'boolean') {
      const lobby = state[S.lobby] === true;
      const locked = !!state[S.locked];
      if (lobby || locked) return pass(`state: ${lobby ? 'features/lobby.lobbyEnabled' : 'features/base/conference.locked'} (only admitted people or password holders enter)`, 'state');
      return fail('state: no lobby and no password: anyone with the link can enter', 'state');
    }
    const dialogs = `${hooks.dialog} ${hooks.securityDialog}`;
    const lobbyOn = agreedToggle(within(doc, `${dialogs} ${hooks.lobbySection}`, hooks.lobbySwitch));
    const section = `${hooks.dialog} ${hooks.passwordSection}`;
    const locked = within(doc, section, `${hooks.removePassword}, ${hooks.passwordField}`).length > 0;
    if (lobbyOn || locked) return pass(lobbyOn ? `${hooks.lobbySwitch} is on` : `${hooks.passwordSection}: a password is set`, 'dom');
    const unlocked = within(doc, section, hooks.addPassword).length > 0;
    if (lobbyOn === false && unlocked) return fail(`${hooks.lobbySwitch} off and ${hooks.addPassword} offered: anyone with the link can enter`, 'dom');
    return null;
  },
  'no-stay-after-host': ({ doc }, r) => {
    // Jitsi has no "end when the host leaves" setting; checklist.md counts a one-click "end for all" as a pass.
    const end = endForAllOffered(doc);
    if (end) return pass(`no setting in Jitsi; "End meeting for all" is offered: ${end.evidence}`, end.via);
    if (r.role === 'host' && r.via === 'state' && plainHangup(doc)) {
      return fail(`moderator with a plain ${hooks.hangupButton}: this server does not offer "End meeting for all", so participants stay after you leave`, 'dom', { fixable: false });
    }
    return null;
  },
  'recording-control': ({ state }) => {
    if (!stateRead(state)) return null;
    // AbstractRecordButton.ts: the record button shows to everyone when !localRecording.disable (local recording).
    if (state[S.localRecordingDisabled] === true) return unknown(hashOverridable('config: localRecording.disable = true'));
    return fail('config: localRecording.disable is not set: every participant can record the meeting locally (AbstractRecordButton.ts)', 'config', { fixable: false });
  },
  'private-chat-off': ({ state, doc }) => {
    if (stateRead(state)) {
      // Room metadata a moderator sets (Settings → Moderator); the server enforces it (chat/functions.ts).
      if (state[S.privateChatPerm] === true) return pass('state: features/chat.privateChatWithPermissions = true', 'state');
    }
    const boxes = within(doc, hooks.dialog, hooks.privateChatCheckbox);
    const checked = agreedToggle(boxes);
    if (checked === true) return pass(`${hooks.privateChatCheckbox} checked`, 'dom');
    if (stateRead(state)) {
      if (state[S.disablePrivateChat] === 'all') return unknown(hashOverridable("config: remoteVideoMenu.disablePrivateChat = 'all'"));
      if (state[S.disablePrivateMessages] === true) return unknown(hashOverridable('interfaceConfig.DISABLE_PRIVATE_MESSAGES = true'));
      if (state[S.privateChatPerm] === false) return fail('state: features/chat.privateChatWithPermissions = false: participants can message each other privately', 'state');
    }
    if (checked === false) return fail(`${hooks.privateChatCheckbox} not checked`, 'dom');
    return null;
  },
  'screen-share-host-only': ({ state, doc }) => {
    if (stateRead(state)) {
      const f = fromBoolean(state[S.desktopModeration], true, `state: features/av-moderation.desktopModerationEnabled = ${String(state[S.desktopModeration])}`, 'state');
      if (f) return f;
    }
    const on = within(doc, hooks.participantsPane, hooks.desktopModerationOn).length > 0;
    const off = within(doc, hooks.participantsPane, hooks.desktopModerationOff).length > 0;
    if (on && !off) return pass(`${hooks.desktopModerationOn} present (moderation on)`, 'dom');
    if (off && !on) return fail(`${hooks.desktopModerationOff} present (moderation off)`, 'dom');
    return null;
  },
  'end-for-all': ({ doc }, r) => {
    const end = endForAllOffered(doc);
    if (end) return pass(end.evidence, end.via);
    if (r.role === 'host' && r.via === 'state' && plainHangup(doc)) {
      return fail(`moderator with a plain ${hooks.hangupButton}: this server does not support end_conference (Toolbox.tsx)`, 'dom', { fixable: false });
    }
    return null;
  },
  passcode: ({ state, doc }) => {
    if (stateRead(state) && state[S.conference] === true) {
      return state[S.locked] ? pass('state: features/base/conference.locked is set', 'state') : fail('state: features/base/conference.locked is not set', 'state');
    }
    const section = `${hooks.dialog} ${hooks.passwordSection}`;
    const set = within(doc, section, `${hooks.removePassword}, ${hooks.passwordField}`);
    const unset = within(doc, section, hooks.addPassword);
    if (set.length && !unset.length) return pass(`${hooks.passwordSection}: ${set[0].matches(hooks.removePassword) ? hooks.removePassword : hooks.passwordField} (a password is set)`, 'dom');
    if (unset.length && !set.length) return fail(`${hooks.passwordSection}: ${hooks.addPassword} (no password)`, 'dom');
    return null;
  },
  'authenticated-only': ({ state, url }) => {
    if (!stateRead(state)) return null;
    // hosts.anonymousdomain (not URL-overridable): guests connect anonymously once a moderator has started the room.
    if (state[S.anonymousDomain]) return fail('config: hosts.anonymousdomain is set: guests join without signing in', 'config', { fixable: false });
    // authEnabled (AUTH_STATUS_CHANGED): the server asks for sign-in to start a room; it says nothing of guests.
    if (state[S.authEnabled] === true) return unknown('state: features/base/conference.authEnabled = true: signing in is needed to start the room; confirm that guests must sign in too');
    if (state[S.authEnabled] === false) {
      if (url.searchParams.has('jwt')) return unknown('state: authEnabled = false, but this link carries a token (jwt): confirm how guests are admitted');
      return fail('state: features/base/conference.authEnabled = false: this server asks nobody to sign in', 'state', { fixable: false });
    }
    return null;
  },
  'join-before-host-off': ({ state }) => {
    if (!stateRead(state)) return null;
    // A lobby is turned on by a moderator inside the room: it cannot keep anyone out before the host arrives.
    // authEnabled / a secure domain: the room starts only when someone signed in joins (guests see "Waiting for a
    // moderator…"), but who may sign in is the server's business: on meet.jit.si any Google or GitHub account can.
    if (state[S.authEnabled] === true || state[S.anonymousDomain]) {
      return unknown(`${state[S.authEnabled] === true ? 'state: authEnabled = true' : 'config: hosts.anonymousdomain (secure domain)'}: the room starts only when a signed-in user joins; confirm that students cannot sign in and start it before you`);
    }
    if (state[S.authEnabled] === false) return fail('state: authEnabled = false: whoever arrives first starts the room and becomes moderator', 'state', { fixable: false });
    return null;
  },
  'chat-control': ({ state, doc }) => {
    if (stateRead(state) && state[S.groupChatPerm] === true) return pass('state: features/chat.groupChatWithPermissions = true (chat restricted by a moderator)', 'state');
    // ModeratorTab.tsx renders the chat-permission checkboxes only when config.showChatPermissionsModeratorSetting.
    const checked = agreedToggle(within(doc, hooks.dialog, hooks.chatCheckbox));
    if (checked === true) return pass(`${hooks.chatCheckbox} checked`, 'dom');
    if (stateRead(state) && state[S.disableChat] === true) return unknown(hashOverridable('config: disableChat = true'));
    if (checked === false) return unknown(`${hooks.chatCheckbox} offered but not ticked: confirm you can restrict chat when needed`);
    return null;
  },
  'school-account': () => notApplicable('Jitsi rooms have no platform account'),
  'mute-control': ({ state, doc }, r) => {
    if (stateRead(state) && state[S.audioModeration] === true) return pass('state: features/av-moderation.audioModerationEnabled = true', 'state');
    const hit = within(doc, hooks.participantsPane, `${hooks.audioModerationOn}, ${hooks.audioModerationOff}`);
    if (hit.length) return pass(`#${hit[0].id} offered`, 'dom');
    // ParticipantsPane.tsx: "Mute all" and the moderation menu are rendered for every moderator (isMuteAllVisible).
    if (r.role === 'host' && r.via !== 'none') return pass(`moderators get "Mute all" in the participants pane (${r.evidence})`, r.via);
    return null;
  },
  'camera-control': ({ state, doc }, r) => {
    if (stateRead(state) && state[S.videoModeration] === true) return pass('state: features/av-moderation.videoModerationEnabled = true', 'state');
    const hit = within(doc, hooks.participantsPane, `${hooks.videoModerationOn}, ${hooks.videoModerationOff}, ${hooks.stopEveryonesVideo}`);
    if (hit.length) return pass(`#${hit[0].id} offered`, 'dom');
    // FooterContextMenu.tsx: "Stop everyone's video" is in every moderator's participants-pane menu.
    if (r.role === 'host' && r.via !== 'none') return pass(`moderators get "Stop everyone's video" in the participants pane (${r.evidence})`, r.via);
    return null;
  },
  'personal-info-limited': ({ state }) => {
    if (!stateRead(state)) return null;
    const set = (['readOnlyName', 'hideDisplayName', 'disableProfile'] as const).filter((k) => state[S[k]] === true);
    if (set.length) return unknown(hashOverridable(`config: ${set.join(', ')} = true`));
    return fail('config: participants may rename themselves (readOnlyName, disableProfile off)', 'config', { fixable: false });
  },
};

const JITSI_HOSTS = ['meet.jit.si', '8x8.vc'];

const jitsi: PlatformAdapter = {
  id: 'jitsi',
  label: 'Jitsi Meet',
  kind: 'meeting',
  matchPatterns: ['https://meet.jit.si/*', 'https://8x8.vc/*'],
  matches(url) {
    // A school's own server counts once registered (options page or policy; see utils/platforms/self-hosted.ts).
    if (!JITSI_HOSTS.includes(url.hostname) && !isSelfHosted(url, 'jitsi')) return false;
    const segments = url.pathname.split('/').filter(Boolean);
    // meet.jit.si/<Room>; 8x8.vc/<tenant>/<Room>. Static pages (/static/…, /libs/…) are not rooms.
    const need = url.hostname === '8x8.vc' ? 2 : 1;
    return segments.length >= need && !['static', 'libs', 'sounds', 'images', 'css'].includes(segments[0]);
  },
  exampleUrls: {
    yes: ['https://meet.jit.si/MathsGroupe5B', 'https://meet.jit.si/MathsGroupe5B#config.startWithAudioMuted=true', 'https://8x8.vc/vpaas-magic-cookie-1234/Classroom'],
    no: ['https://meet.jit.si/', 'https://meet.jit.si/static/close.html', 'https://8x8.vc/', 'https://jitsi.org/meet', 'https://example.com/MathsGroupe5B'],
  },
  isMeetingPage(ctx) {
    // The pre-join and lobby screens sit inside #videoconference_page (Conference.tsx): never scored.
    if (premeetingShown(ctx.doc)) return false;
    if (stateRead(ctx.state)) {
      const s = ctx.state;
      if (s[S.lobbyVisible] === true) return false;
      // conference is undefined until CONFERENCE_JOINED (base/conference/reducer.ts), whatever the DOM shows.
      return s[S.conference] === true;
    }
    // No store (yet): the joined conference's own toolbar, outside any pre-meeting screen.
    return conferenceToolbox(ctx.doc) !== null;
  },
  role,
  read(ctx) {
    const r = readRole(ctx);
    return runDetectors('jitsi', detectors, (detect) => detect(ctx, r), (id) => id === 'no-stay-after-host' ? 'Jitsi keeps the room open when the host leaves; confirm you end it for all' : 'not shown on this page');
  },
  roomKey(url) {
    return `jitsi:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
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
  statePaths: JITSI_STATE_PATHS,
  sourceHooks: JITSI_SOURCE_HOOKS,
  // Settings show in dialogs, popovers, the toolbar and the participants pane; tiles, filmstrip and chat are ignored.
  watch: ['[role="dialog"]', '[role="menu"]', '.popover', '#new-toolbox', '.premeeting-screen', '#participants-pane', '#lobby-section', 'input[type="checkbox"]'],
};

export default jitsi;

/*
 * Observed on:
 * - jitsi-meet web as published in @jitsi/react-native-sdk 13.2.0 (npm, 2026-09-29; no gitHead, pinned by the
 *   tarball's sha1, see tests/fixtures/jitsi/source-hooks.json): react/features/**, lang/main.json, main-fr.json.
 * - Fixtures rebuilt from those components on 2026-12-02 (meet.jit.si/<Room>, moderator and participant, EN and FR,
 *   pre-join and lobby); no live capture yet.
 */
