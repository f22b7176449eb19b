import { fail, pass, unknown } from './kit/finding';
import { fold } from './kit/labels';
import { coverageOf, readTable, type Detector, type NotApplicable, type Table } from './kit/probes';
import { ROLE_NOT_SHOWN, type RoleReading } from './kit/role';
import { agreedToggle, onOff, shownHook, shownRule, stateBool } from './kit/shown';
import type { PlatformAdapter, ReadContext } from './types';
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
const S = {
  role: 'store:features/base/participants.local.role',
  conference: 'store:features/base/conference.conference', // object once joined → copied as `true`; undefined on pre-join and lobby
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

/** Every path the main-world reader (entrypoints/jitsi-state.content.ts) copies. */
export const JITSI_STATE_PATHS = Object.values(S);

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
  // FooterContextMenu.tsx: each moderation's stop (= on) and start (= off) entry, and "Stop everyone's video".
  audioModerationOn: '#participants-pane-context-menu-stop-audio-moderation', audioModerationOff: '#participants-pane-context-menu-start-audio-moderation',
  videoModerationOn: '#participants-pane-context-menu-stop-video-moderation', videoModerationOff: '#participants-pane-context-menu-start-video-moderation',
  desktopModerationOn: '#participants-pane-context-menu-stop-desktop-moderation', desktopModerationOff: '#participants-pane-context-menu-start-desktop-moderation',
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
  'whitelist:config.localRecording', 'whitelist:config.disableChat', 'whitelist:config.remoteVideoMenu', 'whitelist:config.readOnlyName',
  'whitelist:config.disableProfile', 'whitelist:config.hideDisplayName', 'whitelist:config.showChatPermissionsModeratorSetting',
  'whitelist:interfaceConfig.DISABLE_PRIVATE_MESSAGES',
] as const;

/** The page's state, only once the reader has read the store ("path absent" told from "store not read"). */
function withState(ctx: ReadContext): ReadContext {
  return ctx.state && ctx.state[STATE_READ_MARKER] === true ? ctx : { ...ctx, state: undefined };
}

/** Shown means shown: hidden, aria-hidden, inert, display:none, visibility:hidden or <template> decides nothing. */
const dom = shownRule();

const hasLabel = (el: Element, wanted: readonly string[]) => wanted.some((w) => fold(w) === fold(el.getAttribute('aria-label') ?? ''));

/** The toolbar of the joined conference, not the one the pre-meeting screen renders. */
const conferenceToolbox = (doc: Document): Element | null => dom.all(doc, `${hooks.conferenceRoot} ${hooks.toolbox}`).find((t) => !t.closest(hooks.premeeting)) ?? null;
const premeetingShown = (doc: Document) => dom.all(doc, `${hooks.premeeting}, ${hooks.prejoinScreen}, ${hooks.lobbyScreen}`).length > 0;
const inToolbox = (doc: Document, selector: string) => { const t = conferenceToolbox(doc); return !!t && dom.all(t, selector).length > 0; };
/** Toolbox.tsx renders the hang-up menu toggle only when isEndConferenceSupported() && isModerator. */
const hangupMenu = (doc: Document) => inToolbox(doc, hooks.hangupMenuButton);

/**
 * "End meeting for all" is offered: the hang-up toggle that opens the end/leave menu (Toolbox.tsx renders it only
 * when the server supports end_conference and the local participant is a moderator), or, last resort, the open
 * hang-up popover holding a button labelled "End meeting for all" (EN/FR).
 */
function endForAllOffered(doc: Document): { evidence: string; via: 'dom' | 'aria' } | null {
  if (hangupMenu(doc)) return { evidence: `${hooks.toolbox} ${hooks.hangupMenuButton} (Toolbox.tsx: end_conference supported, moderator)`, via: 'dom' };
  for (const pop of dom.all(doc, `${hooks.popover}${hooks.dialog}`)) {
    if (hasLabel(pop, labels.hangup) && dom.all(pop, 'button[aria-label]').some((b) => hasLabel(b, labels.endForAll))) return { evidence: `hang-up menu holds "${labels.endForAll[0]}"`, via: 'aria' };
  }
  return null;
}

/** The plain hang-up button: the server lacks end_conference, or the local participant is not a moderator. */
const plainHangup = (doc: Document) => inToolbox(doc, hooks.hangupButton) && !hangupMenu(doc);

/** The teacher's role, and where Vigie learned it (so capability verdicts cite the right evidence). */
function readRole({ state, doc }: ReadContext): RoleReading {
  if (state) {
    const r = state[S.role];
    if (r === 'moderator') return { role: 'host', via: 'state', evidence: "state: local.role = 'moderator'" };
    // 'none' is the role before joining (base/participants/constants.ts): not yet a participant.
    if (r === 'participant' || r === 'visitor') return { role: 'participant', via: 'state', evidence: `state: local.role = '${r}'` };
  }
  // Markup only moderators get (never a label: a participant can be called "End meeting for all" or "Host").
  if (hangupMenu(doc)) return { role: 'host', via: 'dom', evidence: `${hooks.hangupMenuButton} (moderators only)` };
  const footer = dom.within(doc, hooks.participantsPane, [hooks.moderatorFooter, hooks.audioModerationOn, hooks.audioModerationOff, hooks.desktopModerationOn, hooks.desktopModerationOff].join(', '));
  if (footer.length) return { role: 'host', via: 'dom', evidence: `${hooks.participantsPane} moderator footer` };
  return ROLE_NOT_SHOWN;
}

/** A config value that a URL hash can set for one client: evidence to confirm, never a pass. */
const hashOverridable = (what: string) => `${what}, but it is a key a URL hash can override (configWhitelist.ts) for one participant's own client: confirm`;

/** A moderator's capability, cited with the evidence of the role (never from a role Vigie did not read). */
const moderatorGets = (what: string): Detector<RoleReading> => (_ctx, r) => (r.role === 'host' && r.via !== 'none' ? pass(`moderators get ${what} in the participants pane (${r.evidence})`, r.via!) : null);

const NOT_APPLICABLE: NotApplicable = { 'school-account': 'Jitsi rooms have no platform account' };

/** The lobby switch in the security dialog (LobbySection.tsx), when every shown copy agrees. */
const lobbySwitch = agreedToggle(dom, { within: `${hooks.dialog} ${hooks.securityDialog} ${hooks.lobbySection}`, selector: hooks.lobbySwitch, safeWhenOn: true, pass: '{selector} is on', fail: '{selector} is off' });

/**
 * checklist.md counts a one-click "end for all" as a pass; a moderator (read from the store) with only the plain
 * hang-up fails: the server does not support end_conference.
 */
const endForAll = (lead: string, noEnd: string): Detector<RoleReading> => ({ doc }, r) => {
  const end = endForAllOffered(doc);
  if (end) return pass(`${lead}${end.evidence}`, end.via);
  return r.role === 'host' && r.via === 'state' && plainHangup(doc) ? fail(`moderator with a plain ${hooks.hangupButton}: ${noEnd}`, 'dom', { fixable: false }) : null;
};

/** The chat-permission checkboxes of the moderator settings (ModeratorTab.tsx); chatBoxOff: offered, not ticked. */
const privateChatBox = { within: hooks.dialog, selector: hooks.privateChatCheckbox, safeWhenOn: true } as const;
const chatBoxOff = agreedToggle(dom, { within: hooks.dialog, selector: hooks.chatCheckbox, safeWhenOn: true, fail: 'off' });

/** Each item: state first, then the markup the real component renders; the first step that decides wins. */
const table: Table<RoleReading> = {
  'waiting-room': [stateBool(S.lobby, true), lobbySwitch],
  'restricted-access': (ctx) => {
    const { state, doc } = ctx;
    if (state && typeof state[S.lobby] === 'boolean') {
      const lobby = state[S.lobby] === true;
      if (lobby || state[S.locked]) return pass(`state: ${lobby ? 'features/lobby.lobbyEnabled' : 'features/base/conference.locked'} (only admitted people or password holders enter)`, 'state');
      return fail('state: no lobby and no password: anyone with the link can enter', 'state');
    }
    const sw = lobbySwitch(ctx);
    const lobbyOn = sw ? sw.state === 'pass' : null;
    const section = `${hooks.dialog} ${hooks.passwordSection}`;
    if (lobbyOn || dom.within(doc, section, `${hooks.removePassword}, ${hooks.passwordField}`).length) return pass(lobbyOn ? `${hooks.lobbySwitch} is on` : `${hooks.passwordSection}: a password is set`, 'dom');
    const unlocked = dom.within(doc, section, hooks.addPassword).length > 0;
    return lobbyOn === false && unlocked ? fail(`${hooks.lobbySwitch} off and ${hooks.addPassword} offered: anyone with the link can enter`, 'dom') : null;
  },
  // Jitsi has no "end when the host leaves" setting.
  'no-stay-after-host': endForAll('no setting in Jitsi; "End meeting for all" is offered: ', 'this server does not offer "End meeting for all", so participants stay after you leave'),
  'recording-control': ({ state }) => {
    // AbstractRecordButton.ts: the record button shows to everyone when !localRecording.disable (local recording).
    if (!state) return null;
    if (state[S.localRecordingDisabled] === true) return unknown(hashOverridable('config: localRecording.disable = true'));
    return fail('config: localRecording.disable is not set: every participant can record the meeting locally (AbstractRecordButton.ts)', 'config', { fixable: false });
  },
  'private-chat-off': [
    // Room metadata a moderator sets (Settings → Moderator); the server enforces it (chat/functions.ts).
    stateBool(S.privateChatPerm, true, { pass: 'state: {path} = {value}' }),
    agreedToggle(dom, { ...privateChatBox, pass: '{selector} checked' }),
    ({ state }) => (state?.[S.disablePrivateChat] === 'all' ? unknown(hashOverridable("config: remoteVideoMenu.disablePrivateChat = 'all'")) : null),
    ({ state }) => (state?.[S.disablePrivateMessages] === true ? unknown(hashOverridable('interfaceConfig.DISABLE_PRIVATE_MESSAGES = true')) : null),
    stateBool(S.privateChatPerm, true, { fail: 'state: {path} = {value}: participants can message each other privately' }),
    agreedToggle(dom, { ...privateChatBox, fail: '{selector} not checked' }),
  ],
  'screen-share-host-only': [
    stateBool(S.desktopModeration, true),
    onOff(dom, { within: hooks.participantsPane, on: hooks.desktopModerationOn, off: hooks.desktopModerationOff, pass: '{selector} present (moderation on)', fail: '{selector} present (moderation off)' }),
  ],
  'end-for-all': endForAll('', 'this server does not support end_conference (Toolbox.tsx)'),
  passcode: [
    ({ state }) => (state?.[S.conference] !== true ? null : state[S.locked] ? pass('state: features/base/conference.locked is set', 'state') : fail('state: features/base/conference.locked is not set', 'state')),
    onOff(dom, { within: `${hooks.dialog} ${hooks.passwordSection}`, on: `${hooks.removePassword}, ${hooks.passwordField}`, off: hooks.addPassword, pass: `${hooks.passwordSection}: {selector} (a password is set)`, fail: `${hooks.passwordSection}: {selector} (no password)` }),
  ],
  'authenticated-only': ({ state, url }) => {
    if (!state) return null;
    // hosts.anonymousdomain (not URL-overridable): guests connect anonymously once a moderator has started the room.
    if (state[S.anonymousDomain]) return fail('config: hosts.anonymousdomain is set: guests join without signing in', 'config', { fixable: false });
    // authEnabled (AUTH_STATUS_CHANGED): the server asks for sign-in to start a room; it says nothing of guests.
    if (state[S.authEnabled] === true) return unknown('state: features/base/conference.authEnabled = true: signing in is needed to start the room; confirm that guests must sign in too');
    if (state[S.authEnabled] !== false) return null;
    if (url.searchParams.has('jwt')) return unknown('state: authEnabled = false, but this link carries a token (jwt): confirm how guests are admitted');
    return fail('state: features/base/conference.authEnabled = false: this server asks nobody to sign in', 'state', { fixable: false });
  },
  'join-before-host-off': ({ state }) => {
    if (!state) return null;
    // A lobby is turned on by a moderator inside the room: it cannot keep anyone out before the host arrives.
    // authEnabled / a secure domain: the room starts only when someone signed in joins (guests see "Waiting for a
    // moderator…"), but who may sign in is the server's business: on meet.jit.si any Google or GitHub account can.
    if (state[S.authEnabled] === true || state[S.anonymousDomain]) {
      return unknown(`${state[S.authEnabled] === true ? 'state: authEnabled = true' : 'config: hosts.anonymousdomain (secure domain)'}: the room starts only when a signed-in user joins; confirm that students cannot sign in and start it before you`);
    }
    return state[S.authEnabled] === false ? fail('state: authEnabled = false: whoever arrives first starts the room and becomes moderator', 'state', { fixable: false }) : null;
  },
  'chat-control': [
    stateBool(S.groupChatPerm, true, { pass: 'state: {path} = {value} (chat restricted by a moderator)' }),
    // ModeratorTab.tsx renders the chat-permission checkboxes only when config.showChatPermissionsModeratorSetting.
    agreedToggle(dom, { within: hooks.dialog, selector: hooks.chatCheckbox, safeWhenOn: true, pass: '{selector} checked' }),
    ({ state }) => (state?.[S.disableChat] === true ? unknown(hashOverridable('config: disableChat = true')) : null),
    (ctx) => (chatBoxOff(ctx) ? unknown(`${hooks.chatCheckbox} offered but not ticked: confirm you can restrict chat when needed`) : null),
  ],
  'mute-control': [
    stateBool(S.audioModeration, true, { pass: 'state: {path} = {value}' }),
    shownHook(dom, { within: hooks.participantsPane, selectors: [hooks.audioModerationOn, hooks.audioModerationOff], pass: '#{id} offered' }),
    // ParticipantsPane.tsx: "Mute all" and the moderation menu are rendered for every moderator (isMuteAllVisible).
    moderatorGets('"Mute all"'),
  ],
  'camera-control': [
    stateBool(S.videoModeration, true, { pass: 'state: {path} = {value}' }),
    shownHook(dom, { within: hooks.participantsPane, selectors: [hooks.videoModerationOn, hooks.videoModerationOff, hooks.stopEveryonesVideo], pass: '#{id} offered' }),
    // FooterContextMenu.tsx: "Stop everyone's video" is in every moderator's participants-pane menu.
    moderatorGets(`"Stop everyone's video"`),
  ],
  'personal-info-limited': ({ state }) => {
    if (!state) return null;
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
    return dom.during(() => {
      // The pre-join and lobby screens sit inside #videoconference_page (Conference.tsx): never scored.
      if (premeetingShown(ctx.doc)) return false;
      const { state } = withState(ctx);
      // conference is undefined until CONFERENCE_JOINED (base/conference/reducer.ts), whatever the DOM shows.
      if (state) return state[S.lobbyVisible] !== true && state[S.conference] === true;
      // No store (yet): the joined conference's own toolbar, outside any pre-meeting screen.
      return conferenceToolbox(ctx.doc) !== null;
    });
  },
  role: (ctx) => dom.during(() => readRole(withState(ctx)).role),
  read(ctx) {
    return dom.during(() => {
      const read = withState(ctx);
      return readTable('jitsi', table, NOT_APPLICABLE, read, readRole(read), {
        unread: (id) => (id === 'no-stay-after-host' ? 'Jitsi keeps the room open when the host leaves; confirm you end it for all' : 'not shown on this page'),
      });
    });
  },
  roomKey(url) {
    return `jitsi:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  },
  coverage: coverageOf(NOT_APPLICABLE, {
    'waiting-room': 'read', 'restricted-access': 'read', 'no-stay-after-host': 'read', 'recording-control': 'read', 'private-chat-off': 'read',
    'screen-share-host-only': 'read', 'end-for-all': 'read', passcode: 'read', 'authenticated-only': 'read', 'join-before-host-off': 'read',
    'chat-control': 'read', 'mute-control': 'read', 'camera-control': 'read', 'personal-info-limited': 'read',
  }),
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
