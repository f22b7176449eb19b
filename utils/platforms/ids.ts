/**
 * The one list of platforms Vigie knows: id, product name, kind, and whether a school can run its own server.
 * Zod-free and import-free, so content scripts, the popup and the background can all read it. Every other list of
 * platform ids is derived from this one (PlatformId, PLATFORM_IDS, the zod enums, the options page's labels,
 * SELF_HOSTED_PLATFORMS); tests/platforms/registry.test.ts checks that the adapters in utils/platforms/ match it.
 * Adding a platform starts here.
 */
export const PLATFORM_MANIFEST = [
  { id: 'jitsi', label: 'Jitsi Meet', kind: 'meeting', selfHostable: true },
  { id: 'zoom', label: 'Zoom', kind: 'meeting', selfHostable: false },
  { id: 'google-meet', label: 'Google Meet', kind: 'meeting', selfHostable: false },
  { id: 'teams', label: 'Microsoft Teams', kind: 'meeting', selfHostable: false },
  { id: 'webex', label: 'Webex', kind: 'meeting', selfHostable: false },
  { id: 'bigbluebutton', label: 'BigBlueButton', kind: 'meeting', selfHostable: true },
  { id: 'whereby', label: 'Whereby', kind: 'meeting', selfHostable: false },
  { id: 'google-classroom', label: 'Google Classroom', kind: 'classroom', selfHostable: false },
  { id: 'classdojo', label: 'ClassDojo', kind: 'classroom', selfHostable: false },
  { id: 'seesaw', label: 'Seesaw', kind: 'classroom', selfHostable: false },
  { id: 'teams-education', label: 'Teams for Education', kind: 'classroom', selfHostable: false },
] as const;

type Entry = (typeof PLATFORM_MANIFEST)[number];
export type PlatformId = Entry['id'];
export type SelfHostedPlatform = Extract<Entry, { selfHostable: true }>['id'];

export const PLATFORM_IDS = PLATFORM_MANIFEST.map((p) => p.id) as unknown as readonly [PlatformId, ...PlatformId[]];
export const SELF_HOSTED_PLATFORMS = PLATFORM_MANIFEST.filter((p) => p.selfHostable).map((p) => p.id) as unknown as readonly [SelfHostedPlatform, ...SelfHostedPlatform[]];
/** Product names are not translated. */
export const PLATFORM_LABELS = Object.fromEntries(PLATFORM_MANIFEST.map((p) => [p.id, p.label])) as Record<PlatformId, string>;
