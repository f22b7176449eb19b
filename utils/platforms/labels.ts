/**
 * The labels Vigie matches on the closed platforms (Zoom, Meet, Teams, Webex, Whereby, Classroom, ClassDojo,
 * Seesaw), EN and FR, each with where it was seen. A label is `verified` only when the vendor's own help page in
 * that language shows it (support.zoom.us / support.zoom.com, support.google.com ?hl=, support.microsoft.com /
 * learn.microsoft.com fr-fr, help.webex.com, whereby.helpscoutdocs.com, help.classdojo.com, help.seesaw.me).
 * An unverified label may still be matched, but it can only make an item "to confirm" or fail, never pass: the
 * adapters read it through `unsure` (see kit/labels.ts) and the runner downgrades a pass that used one.
 * tests/platforms/labels-data.test.ts validates this table (zod): sorted, no duplicates, every verified label has
 * a vendor URL in its language and a date. docs/platforms.md counts them per platform and language.
 *
 * Shapes of a source URL's language: `hl=fr`, `/fr/`, `/fr-fr/`, `/hc/fr`, `/en-us/`, `/hc/en`, `hl=en`.
 */

export type LabelLang = 'en' | 'fr';

export interface LabelEntry {
  text: string;
  lang: LabelLang;
  /** Seen on the vendor's own help page in this language. */
  verified: boolean;
  /** That page (verified), or where the label was seen otherwise (public code, a university KB), or null. */
  source: string | null;
  /** Date the source was read (YYYY-MM-DD). */
  seen: string;
  /** Why it is unverified, or what the page is. */
  note?: string;
}

export type ClosedPlatform = 'zoom' | 'google-meet' | 'teams' | 'webex' | 'whereby' | 'google-classroom' | 'classdojo' | 'seesaw';

// Vendor pages, read with the search tool on the date given with each use.
const ZOOM_SECURITY_EN = 'https://support.zoom.us/hc/en-us/articles/360041848151'; // "In-meeting security options"
const ZOOM_KB0061231_EN = 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0061231'; // same article, new site
const ZOOM_KB0061240_FR = 'https://support.zoom.com/hc/fr/article?id=zm_kb&sysparm_article=KB0061240'; // icône Sécurité
const ZOOM_KB0082510_FR = 'https://support.zoom.com/hc/fr/article?id=zm_kb&sysparm_article=KB0082510'; // salle d'attente
const ZOOM_KB0063165_FR = 'https://support.zoom.com/hc/fr/article?id=zm_kb&sysparm_article=KB0063165'; // codes d'accès
const ZOOM_USER_SETTINGS_EN = 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0061300'; // Changing user-level settings
const ZOOM_USER_SETTINGS_OLD_EN = 'https://support.zoom.us/hc/en-us/articles/360034675592'; // same article, older site
const ZOOM_AUTH_EN = 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0063018';
const ZOOM_AUTH_WEB_EN = 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0066906';
const ZOOM_MUTE_ENTRY_EN = 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0063916';
const ZOOM_PRIVATE_CHAT_EN = 'https://support.zoom.us/hc/en-us/articles/360060835932';
const ZOOM_ACCOUNT_FR = 'https://support.zoom.us/hc/fr/articles/201363253'; // Paramètres du compte
const ZOOM_BLOG_FR = 'https://www.zoom.com/fr/blog/hosts-admins-secure-zoom-meeting-experience/';
const VEXA = 'https://github.com/Vexa-ai/vexa'; // core/meetings/modules/join/src/{zoom,msteams}/selectors.ts @4647c96e
const MEET_FORK = 'https://github.com/ChrisRegado/streamdeck-googlemeet'; // a fork's HostControlsEventHandler, read off a live call 2026-08-13
const MEET_HOST_FR = 'https://support.google.com/meet/answer/16229038?hl=fr';
const MEET_BLOG_2023 = 'https://www.googblogs.com/simplified-access-controls-coming-to-google-meet-beginning-july-17-2023/'; // copy of Workspace Updates 2023-07-17
const MEET_BLOG_2020 = 'http://workspaceupdates.googleblog.com/2020/09/meet-participan.html';
const TEAMS_COORG_FR = 'https://eus.prod.support.services.microsoft.com/fr-fr/office/ajouter-des-co-organisateurs-%C3%A0-une-r%C3%A9union-dans-microsoft-teams-0de2c31c-8207-47ff-ae2a-fc1792d466e2';
const TEAMS_POLICY_FR = 'https://learn.microsoft.com/fr-fr/microsoftteams/meeting-policies-participants-and-guests';
const TEAMS_OPTIONS_EN = 'https://support.office.com/en-us/article/change-participant-settings-53261366-dbd5-45f9-aae9-a70e6354f88e'; // Microsoft's older support site
const TEAMS_KB_EN = 'https://atlas.utdallas.edu/TDClient/30/Portal/KB/ArticleDet?ID=228'; // a university KB quoting the options page
const WEBEX_SHARE_EN = 'https://help.webex.com/en-us/nsgqoks/'; // "Allow Participants to Share During Meetings" (site admin)
const WEBEX_KB = null; // ccri.teamdynamix KB 104357, ecu KB 67428, Strathclyde (university KBs, platforms.md §6): URLs not recorded
const WHEREBY_352 = 'https://whereby.helpscoutdocs.com/article/352-meeting-controls';
const CLASSROOM_FR = 'https://support.google.com/edu/classroom/answer/9303164?hl=fr';
const DOJO_SCHOOL = 'https://help.classdojo.com/hc/en-us/articles/37079046891661';
const SEESAW_SETTINGS = 'https://help.seesaw.me/hc/en-us/articles/205676565';

const REF = '2026-11-23'; // shared/reference/platforms.md research date
const NOW = '2026-12-02'; // re-read with the search tool for issue 14

const v = (lang: LabelLang, text: string, source: string, seen: string, note?: string): LabelEntry => ({ text, lang, verified: true, source, seen, ...(note ? { note } : {}) });
const u = (lang: LabelLang, text: string, source: string | null, seen: string, note: string): LabelEntry => ({ text, lang, verified: false, source, seen, note });

export const PLATFORM_LABELS: Record<ClosedPlatform, Record<string, readonly LabelEntry[]>> = {
  zoom: {
    authenticated: [
      v('en', 'Only authenticated users can join meetings', ZOOM_AUTH_EN, NOW),
      v('en', 'Only authenticated users can join meetings from Web client', ZOOM_AUTH_WEB_EN, NOW),
      u('fr', 'Seuls les utilisateurs authentifiés peuvent rejoindre les réunions', null, REF, 'platforms.md [doc] from a forum post, not a Zoom page'),
      u('fr', 'Seuls les utilisateurs authentifiés peuvent rejoindre les réunions à partir du client Web', null, REF, 'platforms.md [doc] from a forum post, not a Zoom page'),
    ],
    chat: [v('en', 'Chat', ZOOM_SECURITY_EN, NOW, 'Security → Allow participants to: Chat'), u('fr', 'Discuter', null, REF, 'platforms.md [unverified]')],
    embedPasscode: [u('en', 'Embed passcode in invite link for one-click join', null, NOW, 'university KBs and guides only (wording varies: "meeting link")')],
    endForAll: [
      u('en', 'End for All', VEXA, REF, 'public automation code, not a Zoom page'),
      u('en', 'End Meeting for All', VEXA, REF, 'public automation code, not a Zoom page'),
      u('fr', 'Mettre fin à la réunion pour tous', null, REF, 'platforms.md [unverified]'),
    ],
    hidePictures: [v('en', 'Hide Profile Pictures', ZOOM_SECURITY_EN, NOW)],
    joinBeforeHost: [
      u('en', 'Allow participants to join anytime', null, REF, 'meeting edit page; no Zoom help page read'),
      u('en', 'Allow participants to join before host', null, NOW, 'third-party privacy guides only'),
      v('fr', 'Accès à la réunion avant l’arrivée de l’animateur', ZOOM_ACCOUNT_FR, NOW, 'older account-settings name'),
      v('fr', 'Rejoindre avant l’hôte', ZOOM_BLOG_FR, NOW, 'Zoom’s own French blog'),
    ],
    localRecording: [u('en', 'Local recording', null, NOW, 'university pages only; Zoom’s portal now says "Record to computer files"')],
    lockMeeting: [v('en', 'Lock Meeting', ZOOM_SECURITY_EN, NOW), u('fr', 'Verrouiller la réunion', null, REF, 'platforms.md [unverified]')],
    muteOnEntry: [v('en', 'Mute all participants when they join a meeting', ZOOM_MUTE_ENTRY_EN, NOW)],
    privateChat: [v('en', 'Private chat', ZOOM_PRIVATE_CHAT_EN, NOW, 'older name; KB0061093 now says "Meeting chat - Direct messages"')],
    rename: [v('en', 'Rename Themselves', ZOOM_SECURITY_EN, NOW)],
    requirePasscode: [
      u('en', 'Passcode', null, REF, 'generic portal row name; no Zoom page read'),
      v('en', 'Require a passcode when scheduling new meetings', ZOOM_USER_SETTINGS_OLD_EN, NOW),
      v('fr', 'Code d’accès', ZOOM_KB0063165_FR, REF),
    ],
    security: [v('en', 'Security', ZOOM_KB0061231_EN, NOW, 'the Security icon'), v('fr', 'Sécurité', ZOOM_KB0061240_FR, NOW, 'l’icône Sécurité')],
    shareAll: [u('en', 'All Participants', null, REF, 'third-party guides only')],
    shareHostOnly: [u('en', 'Host Only', null, NOW, 'third-party privacy guides only (Screen sharing → Who can share?)')],
    shareScreen: [v('en', 'Share Screen', ZOOM_SECURITY_EN, NOW)],
    startVideo: [v('en', 'Start Video', ZOOM_KB0061231_EN, NOW, 'the article’s list, read in a university copy of it')],
    unmute: [v('en', 'Unmute Themselves', ZOOM_SECURITY_EN, NOW)],
    waitingRoom: [
      v('en', 'Enable Waiting Room', ZOOM_SECURITY_EN, NOW),
      v('en', 'Waiting Room', ZOOM_USER_SETTINGS_EN, NOW, 'Meeting tab → Security'),
      v('fr', 'Salle d’attente', ZOOM_KB0082510_FR, NOW, 'portal toggle « Salle d’attente »'),
    ],
    waitingRoomMenu: [v('en', 'Enable Waiting Room', ZOOM_SECURITY_EN, NOW), v('fr', 'Salle d’attente', ZOOM_KB0082510_FR, NOW)],
  },
  'google-meet': {
    accessOpen: [u('en', 'Open', MEET_BLOG_2023, NOW, 'Google’s Workspace Updates blog, not a help page')],
    accessRestricted: [u('en', 'Restricted', MEET_BLOG_2023, NOW, 'Google’s Workspace Updates blog, not a help page')],
    accessTrusted: [u('en', 'Trusted', MEET_BLOG_2023, NOW, 'Google’s Workspace Updates blog, not a help page')],
    chat: [
      u('en', 'Let participants send messages', MEET_FORK, REF, 'public code read off a live call'),
      u('en', 'Send chat messages', null, NOW, 'teacher guides only'),
    ],
    endForAll: [u('en', 'End call for everyone', MEET_FORK, REF, 'public code; the FR help page 10885841 was not read in English')],
    hostManagement: [u('en', 'Host management', MEET_FORK, REF, 'public code read off a live call'), v('fr', 'Gestion par l’organisateur', MEET_HOST_FR, REF)],
    mic: [
      u('en', 'Let contributors turn on their microphone', MEET_FORK, REF, 'public code read off a live call'),
      u('en', 'Turn on their microphone', null, NOW, 'teacher guides only'),
    ],
    quickAccess: [u('en', 'Quick access', MEET_BLOG_2020, REF, 'Google’s blog, legacy toggle'), u('fr', 'Accès rapide', null, REF, 'press only')],
    shareScreen: [
      u('en', 'Let contributors share their screen', MEET_FORK, REF, 'public code read off a live call'),
      u('en', 'Share their screen', null, NOW, 'teacher guides only'),
    ],
    video: [
      u('en', 'Let contributors turn on their video', MEET_FORK, REF, 'public code read off a live call'),
      u('en', 'Turn on their video', null, NOW, 'teacher guides only'),
    ],
  },
  teams: {
    camera: [u('en', 'Allow camera for attendees?', TEAMS_KB_EN, NOW, 'university KBs quoting Microsoft'), u('fr', 'Autoriser la caméra pour les participants', null, REF, 'platforms.md [unverified]')],
    chat: [u('en', 'Allow meeting chat', TEAMS_KB_EN, NOW, 'university KBs quoting Microsoft')],
    endMeeting: [u('en', 'End meeting', null, REF, 'no Microsoft page read'), u('fr', 'Mettre fin à la réunion', TEAMS_COORG_FR, NOW, 'the page says « Mettre fin à la réunion pour tous »')],
    lobby: [v('en', 'Who can bypass the lobby?', TEAMS_OPTIONS_EN, NOW), u('fr', 'Qui peut contourner la salle d’attente ?', null, REF, 'platforms.md [unverified]')],
    lock: [u('en', 'Lock the meeting', null, REF, 'no Microsoft page read'), v('fr', 'Verrouiller la réunion', TEAMS_COORG_FR, NOW)],
    mic: [u('en', 'Allow mic for attendees?', null, NOW, 'a copy of Microsoft’s page on a blog'), u('fr', 'Autoriser le micro pour les participants', null, REF, 'not on a Microsoft page read')],
    presenters: [u('en', 'Who can present?', TEAMS_KB_EN, NOW, 'university KBs quoting Microsoft'), v('fr', 'Qui peut présenter ?', TEAMS_POLICY_FR, NOW)],
    record: [u('en', 'Who can record and transcribe?', null, REF, 'no Microsoft page read')],
  },
  webex: {
    allowUnmute: [u('en', 'Allow participants to unmute themselves', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    anyoneCanShare: [v('en', 'Anyone can share', WEBEX_SHARE_EN, NOW, 'the page writes "Anyone Can Share (in the host\'s Participant menu during a meeting)"; matched case-insensitively')],
    assignPrivileges: [u('en', 'Assign privileges', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    endMeeting: [u('en', 'End meeting', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)'), u('en', 'End meeting for all', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    leaveMeeting: [u('en', 'Leave meeting', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    lock: [u('en', 'Lock meeting', null, REF, 'help.webex.com lock-or-unlock (URL not recorded)')],
    muteOnEntry: [u('en', 'Mute on entry', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    onlyHost: [u('en', 'Only host', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)'), u('en', 'Only Host', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    record: [u('en', 'Record', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)'), u('en', 'Start recording', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    rename: [u('en', 'Allow participants to rename themselves', WEBEX_KB, REF, 'university KB (ccri 104357 / ecu 67428)')],
    unlock: [u('en', 'Unlock meeting', null, REF, 'help.webex.com lock-or-unlock (URL not recorded)')],
  },
  whereby: {
    knockHost: [v('en', 'Hold', WHEREBY_352, REF), v('en', 'Let in', WHEREBY_352, REF), v('en', 'Reject', WHEREBY_352, REF), v('en', 'See who', WHEREBY_352, REF)],
    lockRoom: [v('en', 'Lock room', WHEREBY_352, REF)],
    roomLocked: [v('en', 'Room locked', WHEREBY_352, REF)],
  },
  'google-classroom': {
    classCode: [u('en', 'Class code', null, REF, 'support.google.com/edu/classroom, article not recorded'), u('fr', 'Code du cours', null, REF, 'support.google.com/edu/classroom FR, article not recorded')],
    classSettings: [u('en', 'Class settings', null, REF, 'support.google.com/edu/classroom, article not recorded'), u('fr', 'Paramètres du cours', null, REF, 'support.google.com/edu/classroom FR, article not recorded')],
    inviteCodes: [u('en', 'Invite codes', null, REF, 'support.google.com/edu/classroom, article not recorded')],
    meetLink: [u('en', 'Meet link', null, REF, 'support.google.com/edu/classroom, article not recorded'), v('fr', 'Lien Meet', CLASSROOM_FR, REF)],
    streamCommentOnly: [u('en', 'Students can only comment', null, REF, 'platforms.md [unverified]'), u('fr', 'Les élèves peuvent seulement commenter', null, REF, 'platforms.md [unverified]')],
    streamOpen: [u('en', 'Students can post and comment', null, REF, 'platforms.md [unverified]'), u('fr', 'Les élèves peuvent publier et commenter', null, REF, 'platforms.md [unverified]')],
    streamTeachersOnly: [u('en', 'Only teachers can post or comment', null, REF, 'platforms.md [unverified]'), u('fr', 'Seuls les enseignants peuvent publier ou commenter', null, REF, 'platforms.md [unverified]')],
    visibleToStudents: [u('en', 'Visible to students', null, REF, 'support.google.com/edu/classroom, article not recorded')],
  },
  classdojo: {
    classStoryComments: [v('en', 'Class Story commenting', DOJO_SCHOOL, REF), v('en', 'Class Story comments', DOJO_SCHOOL, REF)],
    familyChat: [v('en', 'Class or Family Chat', DOJO_SCHOOL, REF), v('en', 'Family Chat', DOJO_SCHOOL, REF)],
    monsterAvatars: [v('en', 'monster avatars', DOJO_SCHOOL, REF)],
    schoolStoryComments: [v('en', 'School Story commenting', DOJO_SCHOOL, REF), v('en', 'School Story comments', DOJO_SCHOOL, REF)],
  },
  seesaw: {
    commentApproval: [v('en', 'New comments require approval', SEESAW_SETTINGS, REF)],
    familiesShare: [v('en', 'Families can share posts', SEESAW_SETTINGS, REF)],
    familyAccess: [v('en', 'Family access', SEESAW_SETTINGS, REF)],
    seeEachOther: [v('en', "Students can see each other's work", SEESAW_SETTINGS, REF)],
    studentComments: [v('en', 'Student comments', SEESAW_SETTINGS, REF)],
  },
};

function entries(platform: ClosedPlatform, key: string): readonly LabelEntry[] {
  const list = PLATFORM_LABELS[platform][key];
  if (!list) throw new Error(`labels.ts: no labels "${platform}.${key}"`);
  return list;
}

/** Labels a vendor page backs: they may decide a pass. */
export function sure(platform: ClosedPlatform, key: string): readonly string[] {
  return entries(platform, key)
    .filter((e) => e.verified)
    .map((e) => e.text);
}

/** Labels no vendor page backs: they may fail an item or leave it to confirm, never pass it. */
export function unsure(platform: ClosedPlatform, key: string): readonly string[] {
  return entries(platform, key)
    .filter((e) => !e.verified)
    .map((e) => e.text);
}

/** Every label of a key, verified or not (for adapters that only ever cite a label, never pass on it). */
export function anyLabel(platform: ClosedPlatform, key: string): readonly string[] {
  return entries(platform, key).map((e) => e.text);
}

/**
 * Which label keys each item's detector reads, per platform (for the per-language coverage in docs/platforms.md).
 * An item listed with [] reads only language-independent hooks (test ids, state, URL); an item not listed is read
 * through no label at all on that platform (or not read).
 */
export const ITEM_LABEL_KEYS: Record<ClosedPlatform, Partial<Record<import('../checklist/items').ItemId, readonly string[]>>> = {
  zoom: {
    'waiting-room': ['waitingRoom', 'waitingRoomMenu'],
    'restricted-access': ['authenticated', 'lockMeeting', 'waitingRoom', 'waitingRoomMenu'],
    'no-stay-after-host': ['security'],
    'recording-control': ['localRecording'],
    'private-chat-off': ['privateChat'],
    'screen-share-host-only': ['shareAll', 'shareHostOnly', 'shareScreen'],
    'end-for-all': [],
    passcode: ['embedPasscode', 'requirePasscode'],
    'authenticated-only': ['authenticated'],
    'join-before-host-off': ['joinBeforeHost'],
    'chat-control': ['chat'],
    'mute-control': ['muteOnEntry', 'unmute'],
    'camera-control': ['startVideo'],
    'personal-info-limited': ['hidePictures', 'rename'],
  },
  'google-meet': {
    'waiting-room': ['accessOpen', 'accessRestricted', 'accessTrusted', 'quickAccess'],
    'restricted-access': ['accessOpen', 'accessRestricted', 'accessTrusted'],
    'no-stay-after-host': [],
    'recording-control': ['hostManagement'],
    'screen-share-host-only': ['shareScreen'],
    'end-for-all': [],
    'authenticated-only': ['accessOpen', 'accessRestricted', 'accessTrusted'],
    'chat-control': ['chat'],
    'school-account': [],
    'mute-control': ['mic'],
    'camera-control': ['video'],
  },
  teams: {
    'waiting-room': ['lobby'],
    'restricted-access': ['lobby', 'lock'],
    'no-stay-after-host': ['endMeeting'],
    'recording-control': ['record'],
    'screen-share-host-only': ['presenters'],
    'end-for-all': ['endMeeting'],
    'join-before-host-off': ['lobby'],
    'chat-control': ['chat'],
    'school-account': [],
    'mute-control': ['mic'],
    'camera-control': ['camera'],
  },
  webex: {
    'waiting-room': ['lock', 'unlock'],
    'screen-share-host-only': ['anyoneCanShare', 'onlyHost'],
    'personal-info-limited': ['rename'],
  },
  whereby: {
    'waiting-room': ['lockRoom', 'roomLocked'],
    'restricted-access': ['lockRoom', 'roomLocked'],
  },
  'google-classroom': {
    'restricted-access': ['classCode', 'inviteCodes'],
    'no-stay-after-host': ['meetLink', 'visibleToStudents'],
    'chat-control': ['streamCommentOnly', 'streamOpen', 'streamTeachersOnly'],
    'school-account': [],
  },
  classdojo: {
    'private-chat-off': ['familyChat'],
    'chat-control': ['classStoryComments', 'familyChat', 'schoolStoryComments'],
    'school-account': [],
    'personal-info-limited': ['monsterAvatars'],
  },
  seesaw: {
    'private-chat-off': ['familyAccess'],
    'chat-control': ['commentApproval', 'studentComments'],
    'personal-info-limited': ['familiesShare', 'familyAccess', 'seeEachOther'],
  },
};
