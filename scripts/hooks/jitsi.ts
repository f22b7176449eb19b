import type { SourceHook } from '../../tests/platforms/source-hooks.schema';
import type { HookExtractor, RepoReader } from './types';

/**
 * Where each hook of utils/platforms/jitsi.ts lives in jitsi-meet's web source, and its EN/FR strings.
 *
 * The source read is jitsi-meet as published in the npm package @jitsi/react-native-sdk (it ships react/features/**
 * with the .web.tsx components, and lang/*): the GitHub snapshot of jitsi/jitsi-meet is over the size `fetch` can
 * bring. The package carries no gitHead, so its "commit" is the tarball's sha1 (`npm view … dist.shasum`):
 *
 *   cd /tmp && npm pack @jitsi/react-native-sdk@13.2.0 && tar xzf jitsi-react-native-sdk-13.2.0.tgz
 *   npx tsx scripts/hooks-check.ts --platform jitsi \
 *     --checkout npm:@jitsi/react-native-sdk@13.2.0=/tmp/package \
 *     --commit npm:@jitsi/react-native-sdk@13.2.0=cbaf2490d422f8a371a2996e675f093dc3b982f0 --write
 *
 * A hook whose file or pattern is not found comes back `removed`: the adapter must then stop relying on it
 * (tests/platforms/source-hooks.test.ts fails until it does). Two dead alternatives Vigie once used are looked for
 * on purpose and are expected to come back `removed`.
 */
export const SOURCE = 'npm:@jitsi/react-native-sdk@13.2.0';

const F = 'react/features/';

interface Rule {
  hook: string;
  kind: SourceHook['kind'];
  /** Every check must hold; the first file is the one recorded. */
  checks: { path: string; find: RegExp }[];
  note?: string;
}

interface LocaleRule {
  hook: string;
  key: string;
  /** The component that renders the key. */
  path: string;
}

const q = (s: string) => new RegExp(`['"\`]${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);
const cls = (c: string) => new RegExp(`['"\`][^'"\`]*\\b${c.replace(/[-]/g, '\\-')}\\b[^'"\`]*['"\`]`);

const store = (hook: string, path: string, ...find: RegExp[]): Rule => ({ hook, kind: 'store', checks: [{ path: F + path, find: find[0] }, ...find.slice(1).map((f) => ({ path: F + path, find: f }))] });
const whitelist = (key: string, file = 'base/config/configWhitelist.ts'): Rule => ({
  hook: `whitelist:${file.includes('interface') ? 'interfaceConfig' : 'config'}.${key}`,
  kind: 'config',
  checks: [{ path: F + file, find: q(key) }],
  note: 'a URL hash (#config.… / #interfaceConfig.…) may override this key for one client',
});
const dom = (hook: string, kind: SourceHook['kind'], path: string, find: RegExp, note?: string, more: { path: string; find: RegExp }[] = []): Rule => ({
  hook,
  kind,
  checks: [{ path: F + path, find }, ...more.map((m) => ({ path: F + m.path, find: m.find }))],
  ...(note ? { note } : {}),
});

const RULES: Rule[] = [
  store('store:features/base/participants.local.role', 'base/participants/reducer.ts', q('features/base/participants'), /\blocal\?:\s*ILocalParticipant/),
  store('store:features/base/conference.conference', 'base/conference/reducer.ts', q('features/base/conference'), /\bconference\?:\s*IJitsiConference/, /case CONFERENCE_JOINED/),
  store('store:features/base/conference.locked', 'base/conference/reducer.ts', /\blocked\?:\s*string/),
  store('store:features/base/conference.authEnabled', 'base/conference/reducer.ts', /\bauthEnabled\?:\s*boolean/, /case AUTH_STATUS_CHANGED/),
  store('store:features/lobby.lobbyEnabled', 'lobby/reducer.ts', q('features/lobby'), /\blobbyEnabled:\s*boolean/),
  store('store:features/lobby.lobbyVisible', 'lobby/reducer.ts', /\blobbyVisible:\s*boolean/),
  store('store:features/prejoin.showPrejoin', 'prejoin/reducer.ts', q('features/prejoin'), /\bshowPrejoin:\s*boolean/),
  store('store:features/av-moderation.audioModerationEnabled', 'av-moderation/reducer.ts', q('features/av-moderation'), /\baudioModerationEnabled:\s*boolean/),
  store('store:features/av-moderation.videoModerationEnabled', 'av-moderation/reducer.ts', /\bvideoModerationEnabled:\s*boolean/),
  store('store:features/av-moderation.desktopModerationEnabled', 'av-moderation/reducer.ts', /\bdesktopModerationEnabled:\s*boolean/),
  store('store:features/chat.groupChatWithPermissions', 'chat/reducer.ts', q('features/chat'), /groupChatWithPermissions:\s*Boolean\(metadata\.permissions\.groupChatRestricted\)/),
  store('store:features/chat.privateChatWithPermissions', 'chat/reducer.ts', /privateChatWithPermissions:\s*Boolean\(metadata\.permissions\.privateChatRestricted\)/),
  store('store:features/base/config.disableChat', 'base/config/configType.ts', /\bdisableChat\?:\s*boolean/),
  store('store:features/base/config.remoteVideoMenu.disablePrivateChat', 'base/config/configType.ts', /\bremoteVideoMenu\?:/, /\bdisablePrivateChat\?:/),
  store('store:features/base/config.localRecording.disable', 'base/config/configType.ts', /\blocalRecording\?:/, /\bdisable\?:\s*boolean/),
  store('store:features/base/config.readOnlyName', 'base/config/configType.ts', /\breadOnlyName\?:\s*boolean/),
  store('store:features/base/config.disableProfile', 'base/config/configType.ts', /\bdisableProfile\?:\s*boolean/),
  store('store:features/base/config.hideDisplayName', 'base/config/configType.ts', /\bhideDisplayName\?:\s*boolean/),
  store('store:features/base/config.hosts.anonymousdomain', 'base/config/configType.ts', /\bhosts\?:/, /\banonymousdomain\?:\s*string/),
  {
    hook: 'global:interfaceConfig.DISABLE_PRIVATE_MESSAGES',
    kind: 'global',
    checks: [{ path: `${F}base/config/interfaceConfigWhitelist.ts`, find: q('DISABLE_PRIVATE_MESSAGES') }],
    note: 'interface_config.js itself is not in the package; the key is listed in the interfaceConfig whitelist',
  },
  whitelist('localRecording'),
  whitelist('disableChat'),
  whitelist('remoteVideoMenu'),
  whitelist('readOnlyName'),
  whitelist('disableProfile'),
  whitelist('hideDisplayName'),
  whitelist('showChatPermissionsModeratorSetting'),
  whitelist('DISABLE_PRIVATE_MESSAGES', 'base/config/interfaceConfigWhitelist.ts'),
  dom('#videoconference_page', 'id', 'conference/components/web/Conference.tsx', /id = 'videoconference_page'/, 'Prejoin and LobbyScreen render inside it; Toolbox only when neither shows', [
    { path: 'conference/components/web/Conference.tsx', find: /_showPrejoin \|\| _showLobby \|\|/ },
  ]),
  dom('#new-toolbox', 'id', 'toolbox/components/web/Toolbox.tsx', /id = 'new-toolbox'/, 'the pre-meeting screen renders the same Toolbox', [
    { path: 'base/premeeting/components/web/PreMeetingScreen.tsx', find: /<Toolbox toolbarButtons/ },
  ]),
  dom('.premeeting-screen', 'class', 'base/premeeting/components/web/PreMeetingScreen.tsx', cls('premeeting-screen')),
  dom('[data-testid="prejoin.screen"]', 'data-test', 'prejoin/components/web/Prejoin.tsx', /data-testid = 'prejoin\.screen'/),
  dom('.lobby-screen', 'class', 'lobby/components/web/LobbyScreen.tsx', /className = 'lobby-screen'/),
  dom('.hangup-menu-button', 'class', 'toolbox/components/web/HangupMenuButton.tsx', /customClass = 'hangup-menu-button'/, 'rendered only when conference.isEndConferenceSupported() && isModerator', [
    { path: 'toolbox/components/web/Toolbox.tsx', find: /isEndConferenceSupported\(\) && isModerator/ },
  ]),
  dom('.hangup-button', 'class', 'toolbox/components/web/Toolbox.tsx', /customClass = 'hangup-button'/, 'the plain hang-up: no end_conference support, or not a moderator'),
  dom('.popover-content', 'class', 'base/popover/components/Popover.web.tsx', cls('popover-content'), 'role=dialog, aria-label = headingLabel while open'),
  dom('[role="dialog"]', 'aria', 'base/ui/components/web/BaseDialog.tsx', /role = 'dialog'/),
  dom('.security-dialog', 'class', 'security/components/security-dialog/web/SecurityDialog.tsx', /className = 'security-dialog'/),
  dom('#lobby-section', 'id', 'lobby/components/web/LobbySection.tsx', /id = 'lobby-section'/),
  dom('#lobby-section-switch', 'id', 'lobby/components/web/LobbySection.tsx', /id = 'lobby-section-switch'/, 'Switch checked = features/lobby.lobbyEnabled'),
  dom('.password-section', 'class', 'security/components/security-dialog/web/PasswordSection.tsx', cls('password-section')),
  dom('.remove-password', 'class', 'security/components/security-dialog/web/PasswordSection.tsx', cls('remove-password'), 'moderator and room locked; text "Remove" + sr-only "(Password)"'),
  dom('.add-password', 'class', 'security/components/security-dialog/web/PasswordSection.tsx', cls('add-password'), 'moderator and room not locked'),
  dom('.info-password-field', 'class', 'security/components/security-dialog/web/PasswordForm.tsx', cls('info-password-field'), 'shown to everyone while the room is locked'),
  dom('input[name="chat-with-permissions"]', 'selector', 'settings/components/web/ModeratorTab.tsx', /name = 'chat-with-permissions'/, 'hidden unless config.showChatPermissionsModeratorSetting', [
    { path: 'settings/functions.any.ts', find: /hideChatWithPermissions = !showChatPermissionsModeratorSetting/ },
  ]),
  dom('input[name="private-chat-with-permissions"]', 'selector', 'settings/components/web/ModeratorTab.tsx', /name = 'private-chat-with-permissions'/),
  dom('#participants-pane', 'id', 'participants-pane/components/web/ParticipantsPane.tsx', /id = 'participants-pane'/),
  dom('#participants-pane-context-menu', 'id', 'participants-pane/components/web/ParticipantsPane.tsx', /id = 'participants-pane-context-menu'/, 'footer rendered for moderators only (showFooter = isLocalParticipantModerator)'),
  ...(['stop-audio-moderation', 'start-audio-moderation', 'stop-video-moderation', 'start-video-moderation', 'stop-desktop-moderation', 'start-desktop-moderation', 'stop-video'] as const).map((s) =>
    dom(`#participants-pane-context-menu-${s}`, 'id', 'participants-pane/components/web/FooterContextMenu.tsx', q(`participants-pane-context-menu-${s}`)),
  ),
  // Dead alternatives, looked for so the extract says they are gone.
  dom('#security-dialog-remove-password', 'id', 'security/components/security-dialog/web/PasswordSection.tsx', q('security-dialog-remove-password'), 'never rendered at this version'),
  dom('locale-use:dialog.removePassword', 'locale', 'security/components/security-dialog/web/PasswordSection.tsx', q('dialog.removePassword'), '"Remove password" is in lang/main.json but PasswordSection renders dialog.Remove + sr-only dialog.password'),
];

const LOCALES: LocaleRule[] = [
  { hook: 'locale:toolbar.accessibilityLabel.hangup', key: 'toolbar.accessibilityLabel.hangup', path: `${F}toolbox/components/web/HangupToggleButton.tsx` },
  { hook: 'locale:toolbar.accessibilityLabel.endConference', key: 'toolbar.accessibilityLabel.endConference', path: `${F}toolbox/components/web/EndConferenceButton.tsx` },
];

function lookup(json: unknown, key: string): string | undefined {
  let cur: unknown = json;
  for (const k of key.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return typeof cur === 'string' ? cur : undefined;
}

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function extract(readers: Readonly<Record<string, RepoReader>>): SourceHook[] {
  const r = readers[SOURCE];
  const cache = new Map<string, string | null>();
  const read = (p: string) => {
    if (!cache.has(p)) cache.set(p, r.read(p));
    return cache.get(p)!;
  };
  const out: SourceHook[] = RULES.map((rule) => {
    const present = rule.checks.every((c) => {
      const text = read(c.path);
      return text !== null && c.find.test(text);
    });
    return { hook: rule.hook, kind: rule.kind, repo: SOURCE, path: rule.checks[0].path, status: present ? 'present' : 'removed', ...(rule.note ? { note: rule.note } : {}) };
  });
  const en = parse(read('lang/main.json'));
  const fr = parse(read('lang/main-fr.json'));
  for (const l of LOCALES) {
    const used = (read(l.path) ?? '').includes(`'${l.key}'`);
    const e = lookup(en, l.key);
    const f = lookup(fr, l.key);
    out.push({
      hook: l.hook,
      kind: 'locale',
      repo: SOURCE,
      path: l.path,
      status: used && e !== undefined ? 'present' : 'removed',
      ...(e !== undefined ? { en: e } : {}),
      ...(f !== undefined ? { fr: f } : {}),
      note: 'strings from lang/main.json and lang/main-fr.json',
    });
  }
  return out;
}

const jitsi: HookExtractor = { platform: 'jitsi', repos: [SOURCE], extract };

export default jitsi;
