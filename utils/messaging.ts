import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ItemId } from './checklist/items';
import type { Findings, RoomScore } from './checklist/types';
import type { PlatformId, Role } from './platforms/types';
import type { ObservationReportInput } from './schemas';
import type { Settings } from './settings/schema';

/**
 * What a content script reports about its page: the type is inferred from the zod schema the background validates
 * it with (utils/schemas.ts; `import type`, so zod stays out of content scripts). Findings are typed as the
 * checklist's, since adapters build them; the schema is narrower at run time (no background-only provenance).
 */
export type ObservationReport = Omit<ObservationReportInput, 'findings'> & { findings: Findings };

/** What a meeting content script needs to know before it reads (no zod in content scripts: the background decides). */
export interface PageContext {
  /** false when the school policy or the teacher turned this platform or the meeting score off. */
  enabled: boolean;
  schoolDomains: string[];
  /** Set when the page's own origin is a registered self-hosted server (utils/platforms/self-hosted.ts). */
  selfHosted?: { origin: string; platform: 'jitsi' | 'bigbluebutton' }[];
  /** The badge's words in the language chosen in Vigie's settings (absent for "auto": browser.i18n decides). */
  uiMessages?: { lang: 'en' | 'fr'; messages: Record<string, { message: string }> };
}

/** A self-hosted origin as the background sees it: the browser granted access, and content scripts are registered. */
export interface SelfHostedStatus {
  origin: string;
  platform: 'jitsi' | 'bigbluebutton';
  granted: boolean;
  active: boolean;
}

/** What the in-page badge needs: small on purpose (no item list crosses into the page's process). */
export interface BadgeSummary {
  score: number;
  band: RoomScore['band'];
  known: boolean;
  toConfirm: number;
  toFix: number;
  /** Coverage: items known (read or confirmed) of the items that apply ("6 of 14 checked"). */
  checked: number;
  total: number;
  /** The school's minimum score (policy `minScoreAlert`), present only while the known score is below it. */
  belowMinimum?: number;
}

/** Per-tab state the background keeps (storage.session, so it survives a service-worker restart). */
export interface TabState {
  tabId: number;
  platform: PlatformId;
  /** From the adapter, so the popup need not load the platform registry (keeps it fast). */
  platformLabel?: string;
  settingsUrl?: string;
  url: string;
  roomKey: string;
  isMeeting: boolean;
  role: Role;
  updatedAt: string;
  result: RoomScore;
  /** Set when browser storage refused to save (full or corrupt): the popup tells the teacher. */
  storageProblem?: boolean;
  /** The school's minimum score (`minScoreAlert`), set only while the known score is below it: badge and popup ask for attention. */
  belowMinimum?: number;
  /** After how many days a confirmation is asked again (policy `confirmationMaxAgeDays`, default 90). */
  confirmationMaxAgeDays?: number;
}

/** What the boundaries content scripts need, resolved by the background (settings, policy, dismissals). No message text. */
export interface BoundaryContext {
  socialBanner: boolean;
  outOfHours: boolean;
  contactDetails: boolean;
  /** The page is one of the school's approved channels: nothing is shown. */
  approved: boolean;
  /** The teacher dismissed the banner here (conversation or site) and the pause has not run out. */
  dismissed: boolean;
  /** The settings' own shape (`import type`: no zod in content scripts); utils/boundaries/schedule.ts reads it. */
  schoolHours: Settings['schoolHours'];
  studentDomains: string[];
  schoolDomains: string[];
  /** The school's approved channels to name instead (policy approvedChannels, shortened, at most 3). */
  schoolChannels: string[];
  outOfHoursMode: 'nudge' | 'confirm';
}

/**
 * The one message protocol. Names say who sends: cs.* content script → background, popup.* popup → background,
 * bg.* background → content script.
 */
export interface ProtocolMap {
  'cs.reportObservations'(report: ObservationReport): BadgeSummary | null;
  'cs.getPageContext'(platform: PlatformId): PageContext;
  /** Boundaries (social banner, out-of-hours nudge, contact details): what this page's content script may show. */
  'cs.getBoundaryContext'(req: { url: string; surface: 'social' | 'composer' }): BoundaryContext;
  /** Hide the social-app banner for this conversation or this whole site, for a while. */
  'cs.dismissBoundary'(req: { url: string; scope: 'conversation' | 'site' }): boolean;
  'popup.getTabState'(tabId: number): TabState | null;
  'popup.setConfirmation'(req: { tabId: number; itemId: ItemId; confirmed: boolean }): TabState | null;
  /** The report page asks what it may pre-fill for the tab it was opened from (redacted URL, platform, score, selection). */
  'report.getContext'(tabId: number): import('./report/context').ReportContext | null;
  'bg.scoreChanged'(summary: BadgeSummary): void;
  /** The school or the teacher turned this platform (or the meeting score) off while the page was open: stop and take the badge down. */
  'bg.scoringOff'(): void;
  /** Options page: (re)register self-hosted origins' content scripts and say where each stands. */
  'options.syncSelfHosted'(): SelfHostedStatus[];
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
