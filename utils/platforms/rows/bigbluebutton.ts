import type { ItemId } from '../../checklist/items';

/**
 * BigBlueButton and Greenlight hooks as data: the selector rows, the tabbed lock-viewers row keys, Greenlight's
 * EN/FR strings, why each unread item stays to confirm, every source hook the adapter relies on and where it watches for changes. The adapter,
 * utils/platforms/bigbluebutton.ts, is the one entry; these tables sit here only because the adapter with them
 * would not fit in one readable file. Each hook's file and commit: tests/fixtures/bigbluebutton/source-hooks.json.
 */

/** Selectors as alternatives, stable-first. Sources: tests/fixtures/bigbluebutton/source-hooks.json. */
export const selectors = {
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
export const TABBED_ROW: Record<string, readonly string[]> = {
  lockShareWebcam: ['disableCamItem'],
  lockShareMicrophone: ['disableMicItem'],
  lockPublicChat: ['disablePublicChatItem'],
  lockPrivateChat: ['disablePrivateChatItem'],
  // isolateUsers (source-hooks.json: data-test:isolateUsersItem). No pinned source shows a `hideUserListItem` row,
  // so that key is not read: a hook no public source backs can decide nothing.
  lockUserList: ['isolateUsersItem'],
};

/** Why an item stays to confirm when its row found nothing (the teacher reads this). */
const SETTINGS_TAB_HINT = 'read on the Greenlight room Settings tab; open it once so Vigie remembers it';
export const UNKNOWN_HINT: Partial<Record<ItemId, string>> = {
  'no-stay-after-host': 'endWhenNoModerator is set when the meeting is created; confirm you end the session for all',
  'restricted-access': SETTINGS_TAB_HINT,
  'authenticated-only': SETTINGS_TAB_HINT,
  'join-before-host-off': SETTINGS_TAB_HINT,
  passcode: 'read on the Greenlight room Settings tab (the viewers’ access code; a moderator code is not a passcode for pupils)',
  'private-chat-off': 'open Lock viewers (Manage users ⚙); where Vigie cannot tell which way the switches read, confirm private chat is locked',
  'personal-info-limited': 'open Lock viewers (Manage users ⚙); where Vigie cannot tell which way the switches read, confirm the user list is locked',
};

/** Greenlight v3 strings, app/assets/locales/en.json and fr.json (greenlight @15db765b). */
export const labels = {
  viewerCodeRow: ['Generate access code for viewers', 'Générer un code d’accès pour les auditeurs'], // room.settings.generate_viewers_access_code
  moderatorCodeRow: ['Generate access code for moderators', 'Générer un code d’accès pour les modérateurs'], // room.settings.generate_mods_access_code
  generate: ['Generate', 'Générer'], // room.settings.generate
} as const;

/**
 * Every hook this adapter relies on, as tests/fixtures/bigbluebutton/source-hooks.json names it
 * (tests/platforms/source-hooks.test.ts fails when one is missing from that extract or marked removed).
 */
export const SOURCE_HOOKS = [
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

// Settings show in modals (lock viewers, guest policy), menus, listboxes (the MUI guest-policy select), the
// navbar indicator and Greenlight's settings rows. The user list itself is NOT watched (people joining, talking,
// raising hands would rescan a busy class); the client's first render is caught through the action bar it adds
// at the same time. The navbar is not watched either (its talking indicator changes constantly).
export const WATCH = [
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
] as const;
