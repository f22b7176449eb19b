import type { ItemId } from './items';

/**
 * pass / fail: read from the page with evidence. unknown: the page does not show it (or a hook missed);
 * shown as "to confirm", it earns nothing and is never counted as a failure. n/a: the platform has no such notion.
 */
export type ItemState = 'pass' | 'fail' | 'unknown' | 'n/a';

/** Where a verdict came from, strongest first. */
export type EvidenceSource = 'state' | 'config' | 'dom' | 'aria' | 'label' | 'url' | 'settings-page' | 'policy' | 'none';

export interface Finding {
  state: ItemState;
  /** The selector, state path or label that decided it (the audit JSON's `evidence`). */
  evidence: string;
  via: EvidenceSource;
  /**
   * false when the platform offers the teacher no way to make this item pass (e.g. Jitsi has no
   * "end when host leaves" setting). Such failures do not raise the potential score.
   * @default true
   */
  fixable?: boolean;
  /** When the verdict comes from a settings page read earlier (Zoom profile, Teams meeting options…). */
  readAt?: string;
}

export type Findings = Partial<Record<ItemId, Finding>>;

/** The teacher's "I checked this" on an item Vigie could not read, stored per room. */
export interface Confirmation {
  at: string;
}

export type Confirmations = Partial<Record<ItemId, Confirmation>>;

export type Band = 'green' | 'orange' | 'red';

export interface ScoredItem {
  id: ItemId;
  weight: number;
  state: ItemState;
  /** 'teacher' when the state is pass because the teacher confirmed it. */
  by: 'vigie' | 'teacher';
  evidence: string;
  via: EvidenceSource;
  fixable: boolean;
  readAt?: string;
}

export interface RoomScore {
  /** 0–100: share of applicable weight that passes. Unknown earns nothing. */
  score: number;
  /** The score if every fixable failure were fixed and every unknown confirmed. */
  potential: number;
  band: Band;
  /** false while nothing is known (no pass, no fail): the toolbar shows "?" rather than a misleading 0. */
  known: boolean;
  /** The single most important thing to do now, or null when nothing is left. */
  nextStep: { id: ItemId; action: 'fix' | 'confirm' } | null;
  items: ScoredItem[];
  counts: Record<ItemState, number>;
}
