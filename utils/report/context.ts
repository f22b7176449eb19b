/**
 * What the report page gets from the background about the tab it was opened for (report.getContext): the tab's
 * URL already redacted, the platform, the score summary if Vigie scored it, and what the user right-clicked.
 * Never names or page text other than the selection the user made.
 */
export interface ReportContext {
  /** Redacted URL of the tab ('' when unknown: no activeTab grant and no stored state). */
  url: string;
  /** Platform id when the URL is a platform Vigie reads ('' otherwise). */
  platform: string;
  platformLabel: string;
  score: { score: number; band: string; known: boolean; toConfirm: number; toFix: number } | null;
  /** Text the user selected before choosing "Report a concern about this…" (capped). */
  selectionText: string;
  /** Redacted address of the right-clicked link or image (the image itself is never fetched). */
  linkUrl: string;
  srcUrl: string;
}

/** What the context-menu click leaves for the report page (kept in storage.session, per tab). */
export interface ReportEntry {
  pageUrl: string;
  selectionText: string;
  linkUrl: string;
  srcUrl: string;
  at: string;
}

export const SELECTION_CAP = 4000;
