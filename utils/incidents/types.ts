import type { DBSchema } from 'idb';
import type { ReportData } from '../report/types';
import type { Sealed, VaultLock } from './crypto';

/** How a report left the page: which destination, by which channel, when (the user's click). */
export interface HandOff {
  destination: string;
  channel: 'mailto' | 'form' | 'tel' | 'copy' | 'download';
  at: string;
}

export type IncidentStatus = 'saved' | 'handed-off';

/** A finished report kept in the local incident log (only when the teacher turned the log on). */
export interface IncidentRecord {
  id: string;
  /** When the record was first written (not when the incident happened: that is report.incidentAt). */
  createdAt: string;
  updatedAt: string;
  report: ReportData;
  handOffs: HandOff[];
  /** Added by migration 002. */
  status: IncidentStatus;
}

/** The report being written: saved from the report page on input so nothing is lost. */
export interface Draft {
  id: 'current';
  report: ReportData;
  step: number;
  /** Destinations the teacher picked (step 3). */
  chosen: string[];
  /** Destinations already used for this report. */
  handOffs: HandOff[];
  startedAt: string;
  savedAt: string;
}

export interface LogPrefs {
  id: 'prefs';
  /** Keep finished reports on this device. Off by default (docs/reporting.md: privacy decision). */
  keepLog: boolean;
  /** Delete kept reports this many days after they were written; 0 = keep until deleted by hand. */
  retentionDays: number;
}

export const DEFAULT_PREFS: LogPrefs = { id: 'prefs', keepLog: false, retentionDays: 30 };

/** An incident as stored when the log is protected: only the id, when and the status stay plain (indexes). */
export interface SealedIncidentRow {
  id: string;
  createdAt: string;
  status: IncidentStatus;
  sealed: Sealed;
}

export interface SealedDraftRow {
  id: 'current';
  sealed: Sealed;
}

/** The log's lock (migration 003): present only once the teacher set a passphrase. */
export interface VaultRow {
  id: 'vault';
  lock: VaultLock;
  /** Wrong passphrases in a row (reset by a right one). */
  failures: number;
  /** No unlock is tried before this time (ms since epoch): the slow-down after five wrong tries. */
  nextTryAt: number;
  /** Lock after this many minutes without use. */
  idleMinutes: number;
}

export const DEFAULT_IDLE_MINUTES = 15;

export interface IncidentsDB extends DBSchema {
  incidents: { key: string; value: IncidentRecord | SealedIncidentRow; indexes: { createdAt: string; status: IncidentStatus } };
  drafts: { key: string; value: Draft | SealedDraftRow };
  prefs: { key: string; value: LogPrefs };
  vault: { key: string; value: VaultRow };
}
