import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import { findByLabel, findText, firstMatch, toggleState } from './dom';
import { fail, fromBoolean, notApplicable, pass, runDetectors } from './finding';
import type { PageState, PlatformAdapter, ReadContext, Role } from './types';
import { isSelfHosted } from './self-hosted';

/**
 * Jitsi Meet (meet.jit.si, 8x8.vc JaaS, self-hosted). Jitsi keeps its whole UI state in a redux store
 * (window.APP.store); the main-world reader (entrypoints/jitsi-state.content.ts) copies the paths below into a
 * flat snapshot. That state is the strongest hook on any platform, so it is tried first; DOM ids and ARIA
 * state come next, EN/FR labels last. Facts: shared/reference/platforms.md §1, platform-labels.json "jitsi".
 */

/** Redux store paths ("store:<slice>.<path>") and window globals ("global:<path>") the reader copies. */
export const JITSI_STATE_PATHS = [
  'store:features/base/participants.local.role',
  'store:features/base/conference.conference', // object while in a conference → copied as `true`
  'store:features/base/conference.locked',
  'store:features/base/conference.membersOnly',
  'store:features/lobby.lobbyEnabled',
  'store:features/av-moderation.audioModerationEnabled',
  'store:features/av-moderation.videoModerationEnabled',
  'store:features/av-moderation.desktopModerationEnabled',
  'store:features/chat.groupChatWithPermissions',
  'store:features/chat.privateChatWithPermissions',
  'store:features/base/config.disableChat',
  'store:features/base/config.remoteVideoMenu.disablePrivateChat',
  'store:features/base/config.localRecording.disable',
  'store:features/base/config.recordingService.enabled',
  'store:features/base/config.readOnlyName',
  'store:features/base/config.disableProfile',
  'store:features/base/config.hideDisplayName',
  'store:features/base/config.hosts.anonymousdomain',
  'store:features/base/config.hosts.authdomain',
  'store:features/base/config.tokenAuthUrl',
  'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES',
] as const;

const S = {
  role: 'store:features/base/participants.local.role',
  inConference: 'store:features/base/conference.conference',
  locked: 'store:features/base/conference.locked',
  membersOnly: 'store:features/base/conference.membersOnly',
  lobby: 'store:features/lobby.lobbyEnabled',
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
  authDomain: 'store:features/base/config.hosts.authdomain',
  tokenAuthUrl: 'store:features/base/config.tokenAuthUrl',
  disablePrivateMessages: 'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES',
} as const;

/** The reader sets this key once it has read the store, so "path absent" can be told from "store not read". */
export const STATE_READ_MARKER = '__read';

/** Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. */
const selectors = {
  meetingPage: [
    '#videoconference_page', // jitsi-meet web conference root (sdk 13.2.0, 2026-09)
    'div.toolbox-button[role="button"]', // ToolboxItem.web.tsx toolbar buttons (2026-09)
  ],
  lobbySwitch: [
    '#lobby-section-switch', // Security dialog LobbySection.tsx switch, checked = lobby on (2026-09)
    '#lobby-section input[type="checkbox"]', // same switch when the id is dropped (2026-09)
  ],
  privateChatCheckbox: ['input[name="private-chat-with-permissions"]'], // Settings → Moderator tab (2026-09)
  chatCheckbox: ['input[name="chat-with-permissions"]'], // Settings → Moderator tab (2026-09)
  desktopModerationOn: ['#participants-pane-context-menu-stop-desktop-moderation'], // FooterContextMenu.tsx: present = moderation on (2026-09)
  desktopModerationOff: ['#participants-pane-context-menu-start-desktop-moderation'], // present = moderation off (2026-09)
  audioModeration: ['#participants-pane-context-menu-stop-audio-moderation', '#participants-pane-context-menu-start-audio-moderation'], // (2026-09)
  videoModeration: ['#participants-pane-context-menu-stop-video-moderation', '#participants-pane-context-menu-start-video-moderation', '#participants-pane-context-menu-stop-video'], // (2026-09)
  passwordRemove: ['.security-dialog .remove-password', '#security-dialog-remove-password'], // PasswordSection.tsx "Remove password" (2026-09)
} as const;

/** EN/FR labels (platform-labels.json "jitsi"), the last resort. */
const labels = {
  endForAll: ['End meeting for all', 'Terminer la réunion pour tout le monde'],
  insecureRoomName: [
    'The room name is unsafe. Unwanted participants may join your meeting.',
    'Le nom de la réunion n’est pas sûr. Des participants non voulus pourraient rejoindre cette réunion.',
  ],
  removePassword: ['Remove password', 'Supprimer le mot de passe'],
} as const;

function stateRead(state: PageState | undefined): state is PageState {
  return !!state && state[STATE_READ_MARKER] === true;
}

/** The teacher's role, and where Vigie learned it (so capability verdicts cite the right evidence). */
interface RoleReading {
  role: Role;
  via: 'state' | 'aria' | 'dom' | 'none';
  evidence: string;
}

function readRole(ctx: ReadContext): RoleReading {
  const { state, doc } = ctx;
  if (stateRead(state)) {
    const r = state[S.role];
    if (r === 'moderator') return { role: 'host', via: 'state', evidence: "state: local.role = 'moderator'" };
    if (typeof r === 'string' && r) return { role: 'participant', via: 'state', evidence: `state: local.role = '${r}'` };
  }
  // Only moderators see the "End meeting for all" entry and the moderation menu ids.
  const end = findByLabel(doc, '[aria-label], [role="menuitem"], button', labels.endForAll);
  if (end) return { role: 'host', via: 'aria', evidence: `${end.selector} (shown to moderators only)` };
  const menu = firstMatch(doc, [...selectors.audioModeration, ...selectors.desktopModerationOff, ...selectors.desktopModerationOn]);
  if (menu) return { role: 'host', via: 'dom', evidence: `${menu.selector} (moderator menu)` };
  return { role: 'unknown', via: 'none', evidence: 'role not shown' };
}

function role(ctx: ReadContext): Role {
  return readRole(ctx).role;
}

type Detector = (ctx: ReadContext, r: RoleReading) => Finding | null;

const detectors: Record<ItemId, Detector> = {
  'waiting-room': ({ state, doc }) => {
    if (stateRead(state)) {
      const f = fromBoolean(state[S.lobby] ?? false, true, `state: features/lobby.lobbyEnabled = ${String(state[S.lobby] ?? false)}`, 'state');
      if (f) return f;
    }
    const hit = firstMatch(doc, selectors.lobbySwitch);
    const on = hit ? toggleState(hit.el) : null;
    return on === null ? null : on ? pass(`${hit!.selector} is on`, 'dom') : fail(`${hit!.selector} is off`, 'dom');
  },
  'restricted-access': ({ state, doc }) => {
    const warning = doc.body ? findText(doc.body, labels.insecureRoomName) : null;
    if (warning) return fail(`Jitsi's own warning is shown: "${warning.label.slice(0, 60)}…"`, 'label');
    if (!stateRead(state)) return null;
    const lobby = state[S.lobby] === true;
    const locked = !!state[S.locked];
    if (lobby || locked) return pass(`state: ${lobby ? 'lobbyEnabled' : 'conference.locked'} (only admitted or password holders enter)`, 'state');
    return fail('state: no lobby and no password: anyone with the link can enter', 'state');
  },
  'no-stay-after-host': (_ctx, r) =>
    // Jitsi has no "end when the host leaves" setting; checklist.md counts a one-click "end for all" as a pass.
    r.role === 'host' ? pass(`no setting in Jitsi; the moderator has "End meeting for all" (${r.evidence})`, r.via) : null,
  'recording-control': ({ state }) => {
    if (!stateRead(state)) return null;
    // Server recording (Jibri) is moderator-only by design; local recording is allowed unless the deployment disables it.
    if (state[S.localRecordingDisabled] === true) return pass('config: localRecording.disable = true; server recording is moderator-only', 'config');
    return null;
  },
  'private-chat-off': ({ state, doc }) => {
    if (stateRead(state)) {
      if (state[S.disablePrivateChat] === 'all') return pass("config: remoteVideoMenu.disablePrivateChat = 'all'", 'config');
      if (state[S.disablePrivateMessages] === true) return pass('interfaceConfig.DISABLE_PRIVATE_MESSAGES = true', 'config');
      const f = fromBoolean(state[S.privateChatPerm], true, `state: features/chat.privateChatWithPermissions = ${String(state[S.privateChatPerm])}`, 'state');
      if (f) return f;
    }
    const hit = firstMatch<HTMLInputElement>(doc, selectors.privateChatCheckbox);
    return hit ? (hit.el.checked ? pass(`${hit.selector} checked`, 'dom') : fail(`${hit.selector} not checked`, 'dom')) : null;
  },
  'screen-share-host-only': ({ state, doc }) => {
    if (stateRead(state)) {
      const f = fromBoolean(state[S.desktopModeration], true, `state: features/av-moderation.desktopModerationEnabled = ${String(state[S.desktopModeration])}`, 'state');
      if (f) return f;
    }
    const on = firstMatch(doc, selectors.desktopModerationOn);
    if (on) return pass(`${on.selector} present (moderation on)`, 'dom');
    const off = firstMatch(doc, selectors.desktopModerationOff);
    if (off) return fail(`${off.selector} present (moderation off)`, 'dom');
    return null;
  },
  'end-for-all': ({ doc }, r) => {
    const hit = findByLabel(doc, '[aria-label], [role="menuitem"], button', labels.endForAll);
    if (hit) return pass(hit.selector, 'aria');
    return r.role === 'host' ? pass(`${r.evidence}: Jitsi shows "End meeting for all" to moderators`, r.via) : null;
  },
  passcode: ({ state, doc }) => {
    if (stateRead(state)) {
      return state[S.locked] ? pass('state: features/base/conference.locked is set', 'state') : fail('state: features/base/conference.locked is not set', 'state');
    }
    const hit = firstMatch(doc, selectors.passwordRemove) ?? findByLabel(doc, 'button, [role="button"]', labels.removePassword);
    return hit ? pass(`${hit.selector} (a password is set)`, 'dom') : null;
  },
  'authenticated-only': ({ state }) => {
    if (!stateRead(state)) return null;
    if (state[S.anonymousDomain]) return fail('config: hosts.anonymousdomain is set (guests may join)', 'config', { fixable: false });
    if (state[S.authDomain] || state[S.tokenAuthUrl]) return pass('config: authentication required (authdomain / tokenAuthUrl)', 'config');
    return fail('config: no authentication configured on this Jitsi server', 'config', { fixable: false });
  },
  'join-before-host-off': ({ state }) => {
    if (!stateRead(state)) return null;
    if (state[S.lobby] === true) return pass('state: lobby on: nobody enters until a moderator admits them', 'state');
    if (state[S.anonymousDomain]) return pass('config: secure domain: guests wait for an authenticated moderator', 'config');
    return null;
  },
  'chat-control': ({ state, doc }, r) => {
    if (stateRead(state) && (state[S.disableChat] === true || state[S.groupChatPerm] === true)) {
      return pass(`state: chat ${state[S.disableChat] === true ? 'disabled (config.disableChat)' : 'restricted to moderators (groupChatWithPermissions)'}`, 'state');
    }
    const hit = firstMatch(doc, selectors.chatCheckbox);
    if (hit) return pass(`${hit.selector} offered to the moderator`, 'dom');
    return r.role === 'host' ? pass(`moderators can restrict chat in Settings → Moderator (${r.evidence})`, r.via) : null;
  },
  'school-account': () => notApplicable('Jitsi rooms have no platform account'),
  'mute-control': ({ state, doc }, r) => {
    const hit = firstMatch(doc, selectors.audioModeration);
    if (hit) return pass(`${hit.selector} offered`, 'dom');
    if (r.role === 'host') return pass(`moderator can mute everyone (${r.evidence}; audioModerationEnabled = ${String(state?.[S.audioModeration] ?? false)})`, r.via);
    return null;
  },
  'camera-control': ({ state, doc }, r) => {
    const hit = firstMatch(doc, selectors.videoModeration);
    if (hit) return pass(`${hit.selector} offered`, 'dom');
    if (r.role === 'host') return pass(`moderator can stop everyone's video (${r.evidence}; videoModerationEnabled = ${String(state?.[S.videoModeration] ?? false)})`, r.via);
    return null;
  },
  'personal-info-limited': ({ state }) => {
    if (!stateRead(state)) return null;
    if (state[S.readOnlyName] === true || state[S.hideDisplayName] === true || state[S.disableProfile] === true) {
      return pass('config: names are read-only or hidden', 'config');
    }
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
    if (stateRead(ctx.state) && ctx.state[S.inConference] === true) return true;
    return !!firstMatch(ctx.doc, selectors.meetingPage);
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
  // Settings show in dialogs, menus, the toolbar and notifications; tiles, filmstrip and chat are ignored.
  watch: ['[role="dialog"]', '[role="menu"]', '[role="menuitem"]', '.toolbox-button', '.notification', '[role="alert"]', '#lobby-section', 'input[type="checkbox"]'],
};

export default jitsi;

/*
 * Observed on:
 * - https://meet.jit.si/<Room> (moderator and participant), jitsi-meet web as shipped in @jitsi/react-native-sdk 13.2.0
 *   (published 2026-09-29): lang/main.json, main-fr.json, main-frCA.json; react/features/** (see platforms.md §1).
 * - Research captured 2026-11-23 in shared/reference/platforms.md; no live capture yet.
 */
