/**
 * The room checklist Vigie scores, as data. Ids and weights are those of shared/reference/checklist.md
 * (the CCPE/C3P online-learning safety considerations); the audit JSON and stored confirmations use these ids,
 * so they never change. Words shown to people live in locales/<lang>/checklist.json under item_<id>_*.
 */
export const ITEM_IDS = [
  'waiting-room',
  'restricted-access',
  'no-stay-after-host',
  'recording-control',
  'private-chat-off',
  'screen-share-host-only',
  'end-for-all',
  'passcode',
  'authenticated-only',
  'join-before-host-off',
  'chat-control',
  'school-account',
  'mute-control',
  'camera-control',
  'personal-info-limited',
] as const;

export type ItemId = (typeof ITEM_IDS)[number];

export interface ChecklistItem {
  id: ItemId;
  /** 3 = reserve and control the room, 2 = prevent unauthorised access, 1 = moderation comfort. */
  weight: 1 | 2 | 3;
  /**
   * The key used for this item in shared/reference/platforms.md and platform-labels.json. `null` where the
   * platforms file has no such key (school-account is decided from the signed-in account and school policy).
   */
  platformKey: string | null;
}

export const CHECKLIST: readonly ChecklistItem[] = [
  { id: 'waiting-room', weight: 3, platformKey: 'waitingRoom' },
  { id: 'restricted-access', weight: 3, platformKey: 'accessRestriction' },
  { id: 'no-stay-after-host', weight: 3, platformKey: 'stayAfterHostLeaves' },
  { id: 'recording-control', weight: 3, platformKey: 'recordingControl' },
  { id: 'private-chat-off', weight: 3, platformKey: 'privateChat' },
  { id: 'screen-share-host-only', weight: 3, platformKey: 'screenShareHostOnly' },
  { id: 'end-for-all', weight: 2, platformKey: 'endForAll' },
  { id: 'passcode', weight: 2, platformKey: 'passcode' },
  { id: 'authenticated-only', weight: 2, platformKey: 'authenticatedOnly' },
  { id: 'join-before-host-off', weight: 2, platformKey: 'joinBeforeHost' },
  { id: 'chat-control', weight: 2, platformKey: 'chatControl' },
  { id: 'school-account', weight: 2, platformKey: null },
  { id: 'mute-control', weight: 1, platformKey: 'muteParticipants' },
  { id: 'camera-control', weight: 1, platformKey: 'cameraControl' },
  { id: 'personal-info-limited', weight: 1, platformKey: 'personalInfo' },
];

export const ITEM_BY_ID: Readonly<Record<ItemId, ChecklistItem>> = /* @__PURE__ */ Object.fromEntries(
  /* @__PURE__ */ CHECKLIST.map((item) => [item.id, item]),
) as Record<ItemId, ChecklistItem>;

export function isItemId(value: unknown): value is ItemId {
  return typeof value === 'string' && (ITEM_IDS as readonly string[]).includes(value);
}

/** i18n keys only allow [A-Za-z0-9_]: `waiting-room` → `waiting_room`. */
export function itemKey(id: ItemId): string {
  return id.replace(/-/g, '_');
}
