import type { SourceHook } from '../../tests/platforms/source-hooks.schema';
import type { HookExtractor, RepoReader } from './types';

/**
 * The hooks utils/platforms/bigbluebutton.ts relies on, looked for in bigbluebutton/bigbluebutton (the HTML5 client
 * and its Playwright selectors) and bigbluebutton/greenlight (v3 room settings). Each hook names the files it may
 * be in, most authoritative first, and the text that must appear there; the first file holding all of it is cited.
 * A hook found in none is `removed`, never dropped.
 *
 * The lock-viewers dialog has had three designs and BBB servers of all three are in use, but one commit holds only
 * one `lock-viewers/component.jsx`. So the BBB side is read in folder mode (docs/platforms/bigbluebutton.md): the
 * newest component under its own path, the 3.0 and 2.x designs saved beside it as `component.3.0-switch.jsx` and
 * `component.2.x-toggle.jsx`. On a plain checkout of a newest commit, the older designs' hooks come back `removed`,
 * which is the truth about that commit.
 */

const BBB = 'bigbluebutton/bigbluebutton';
const GL = 'bigbluebutton/greenlight';

const H5 = 'bigbluebutton-html5/imports/ui/components';
const ELEMENTS = 'bigbluebutton-tests/playwright/core/elements.ts';
const LV = `${H5}/lock-viewers/component.jsx`;
const LV30 = `${H5}/lock-viewers/component.3.0-switch.jsx`;
const LV2X = `${H5}/lock-viewers/component.2.x-toggle.jsx`;
const LV_STYLES = `${H5}/lock-viewers/styles.js`;
const GUEST = `${H5}/waiting-users/guest-policy/component.jsx`;
const SWITCH = `${H5}/common/switch/component.jsx`;

const GLC = 'app/javascript/components/rooms/room';
const ROOM_SETTINGS = `${GLC}/room_settings/RoomSettings.jsx`;
const SETTINGS_ROW = `${GLC}/room_settings/RoomSettingsRow.jsx`;
const CODE_ROW = `${GLC}/room_settings/AccessCodeRow.jsx`;
const TABS = `${GLC}/FeatureTabs.jsx`;
const ROUTES = 'app/javascript/main.jsx';

interface Spec {
  hook: string;
  kind: SourceHook['kind'];
  repo: string;
  /** Candidate files, most authoritative first. */
  paths: readonly string[];
  /** Every one must appear in the same file. */
  needles: readonly string[];
  note?: string;
}

const dt = (id: string, paths: readonly string[], note?: string): Spec => ({
  hook: `data-test:${id}`,
  kind: 'data-test',
  repo: BBB,
  paths,
  // The Playwright selectors write `[data-test="x"]`; components write data-test="x", 'data-test': 'x' or dataTest: 'x'.
  needles: [id],
  note,
});

const LOCK_INPUTS: [string, string][] = [
  ['lockShareWebcam', 'disableCam'],
  ['lockShareMicrophone', 'disableMic'],
  ['lockPublicChat', 'disablePublicChat'],
  ['lockPrivateChat', 'disablePrivateChat'],
  ['lockUserList', 'isolateUsers'],
];

const SPECS: Spec[] = [
  dt('userListContent', [ELEMENTS], 'user list (every role)'),
  dt('optionsButton', [ELEMENTS], 'navbar options menu'),
  { hook: 'id:ActionsBar', kind: 'id', repo: BBB, paths: [ELEMENTS], needles: ['section[id="ActionsBar"]'] },
  { hook: 'id:Navbar', kind: 'id', repo: BBB, paths: [ELEMENTS], needles: ['header[id="Navbar"]'] },
  dt('manageUsers', [ELEMENTS], 'user-list manage-users menu, moderators only'),
  dt('endMeetingButton', [ELEMENTS], 'options menu "End meeting", moderators only'),
  dt('confirmEndMeeting', [ELEMENTS]),
  dt('muteAllExceptPresenter', [ELEMENTS]),
  dt('usersJoinMuted', [ELEMENTS]),
  dt('startScreenShare', [ELEMENTS], 'presenter only'),
  dt('recordingIndicator', [ELEMENTS]),
  { ...dt('askModerator', [GUEST, LV]), needles: ['data-test="askModerator"'], note: 'guest-policy modal button (2.x–3.0); a MenuItem of the MUI select in the newest builds' },
  { ...dt('alwaysAccept', [GUEST, LV]), needles: ['data-test="alwaysAccept"'] },
  { ...dt('alwaysDeny', [GUEST, LV]), needles: ['data-test="alwaysDeny"'] },
  { hook: 'aria:aria-pressed', kind: 'aria', repo: BBB, paths: [GUEST], needles: ['aria-pressed={guestPolicy === ASK_MODERATOR}', 'aria-pressed={guestPolicy === ALWAYS_ACCEPT}'], note: 'the current guest policy’s button is aria-pressed="true"' },
  { ...dt('guestPolicySelector', [LV]), needles: ['data-test="guestPolicySelector"', 'value={guestPolicy}'], note: 'MUI Select in the tabbed lock-viewers modal (newest builds)' },
  ...LOCK_INPUTS.map(([id, key]): Spec => ({
    ...dt(id, [LV, LV30, LV2X]),
    needles: [id],
    note: `lock-viewers input; newest and 3.0: checked = !lockSettingsProps.${key === 'isolateUsers' ? 'isolateUsers / hideUserList' : key} (allowed); 2.x: checked = locked`,
  })),
  ...LOCK_INPUTS.map(([id]): Spec => ({ ...dt(`${id}Item`, [LV30, LV2X]), needles: [`data-test="${id}Item"`], note: 'lock-viewers row of the 3.0 and 2.x designs (gone from the newest tabbed modal)' })),
  ...LOCK_INPUTS.map(([id, key]): Spec => ({
    ...dt(`${key}Item`, [LV]),
    needles: [`key: '${key}'`, `dataTest: '${id}'`, 'data-test={`${item.key}Item`}', `checked: !lockSettingsProps.${key}`],
    note: 'tabbed lock-viewers row, data-test={`${item.key}Item`}; checked = allowed',
  })),
  { hook: 'class:MuiSwitch-switchBase', kind: 'class', repo: BBB, paths: [LV_STYLES], needles: ['materialStyled(Switch)', '.MuiSwitch-switchBase'], note: 'MaterialSwitch = @mui/material Switch (3.0 lock-viewers rows; checked = allowed)' },
  { hook: 'class:MuiCheckbox-root', kind: 'class', repo: BBB, paths: [LV_STYLES], needles: ['materialStyled(Checkbox)'], note: 'MaterialCheckbox = @mui/material Checkbox, whose root carries MuiCheckbox-root (tabbed modal rows)' },
  { hook: 'class:MuiSelect-nativeInput', kind: 'class', repo: BBB, paths: [LV_STYLES], needles: ['styled(Select)', 'GuestPolicySelector'], note: 'GuestPolicySelector = @mui/material Select, whose value sits in its aria-hidden input.MuiSelect-nativeInput' },
  { hook: 'selector:common/switch Toggle', kind: 'selector', repo: BBB, paths: [SWITCH], needles: ['aria-hidden="true"', 'Styled.ScreenreaderInput', 'type="checkbox"', 'hidden>'], note: '2.x Toggle: aria-hidden track, then the checkbox, then a hidden description div' },

  // Greenlight v3
  { hook: 'url:/rooms/<friendly_id>', kind: 'url', repo: GL, paths: [ROUTES], needles: ['/rooms/:friendlyId'], note: 'room page route' },
  { hook: 'id:room-settings', kind: 'id', repo: GL, paths: [ROOM_SETTINGS], needles: ['id="room-settings"'], note: 'Settings tab content; FeatureTabs.jsx unmounts it when another tab is open (unmountOnExit)' },
  { hook: 'selector:FeatureTabs unmountOnExit', kind: 'selector', repo: GL, paths: [TABS], needles: ['unmountOnExit', '<RoomSettings />'], note: 'the Settings tab content exists only while that tab is open: its absence is unknown, never a fail' },
  { hook: 'class:room-settings-row', kind: 'class', repo: GL, paths: [SETTINGS_ROW], needles: ['room-settings-row', 'id={settingName}', 'type="checkbox"'] },
  ...(['guestPolicy', 'glRequireAuthentication', 'glAnyoneCanStart', 'glAnyoneJoinAsModerator', 'muteOnStart', 'record'] as const).map(
    (name): Spec => ({ hook: `id:${name}`, kind: 'id', repo: GL, paths: [ROOM_SETTINGS], needles: [`settingName="${name}"`], note: 'RoomSettingsRow input id = settingName' }),
  ),
  { hook: 'class:access-code-input', kind: 'class', repo: GL, paths: [CODE_ROW], needles: ['access-code-input', 'readOnly', '<h6 className="text-brand">{description}</h6>'], note: 'AccessCodeRow: h6 description, then the code or a Generate button; rendered for viewers then moderators (RoomSettings.jsx)' },
];

/** Greenlight locale keys: [hook, key, file that uses it]. */
const GL_LOCALES: [string, string, string][] = [
  ['locale:room.settings.generate_viewers_access_code', 'room.settings.generate_viewers_access_code', ROOM_SETTINGS],
  ['locale:room.settings.generate_mods_access_code', 'room.settings.generate_mods_access_code', ROOM_SETTINGS],
  ['locale:room.settings.generate', 'room.settings.generate', CODE_ROW],
];

function dig(json: unknown, key: string): string | undefined {
  let cur: unknown = json;
  for (const part of key.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : undefined;
}

function parse(reader: RepoReader, path: string): unknown {
  const text = reader.read(path);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const extractor: HookExtractor = {
  platform: 'bigbluebutton',
  repos: [BBB, GL],
  extract(readers) {
    const out: SourceHook[] = [];
    for (const spec of SPECS) {
      const reader = readers[spec.repo];
      const found = spec.paths.find((p) => {
        const text = reader.read(p);
        return text !== null && spec.needles.every((n) => text.includes(n));
      });
      out.push({
        hook: spec.hook,
        kind: spec.kind,
        repo: spec.repo,
        path: found ?? spec.paths[0],
        status: found ? 'present' : 'removed',
        ...(spec.note ? { note: spec.note } : {}),
      });
    }
    const gl = readers[GL];
    const en = parse(gl, 'app/assets/locales/en.json');
    const fr = parse(gl, 'app/assets/locales/fr.json');
    for (const [hook, key, usedIn] of GL_LOCALES) {
      const enText = dig(en, key);
      const frText = dig(fr, key);
      const used = (gl.read(usedIn) ?? '').includes(`t('${key}')`);
      out.push({
        hook,
        kind: 'locale',
        repo: GL,
        path: 'app/assets/locales/en.json',
        status: enText && used ? 'present' : 'removed',
        ...(enText ? { en: enText } : {}),
        ...(frText ? { fr: frText } : {}),
        note: `used in ${usedIn}; French from app/assets/locales/fr.json`,
      });
    }
    return out;
  },
};

export default extractor;
