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

/** Where a setting lives on a platform: this room only, the teacher's account, or the school's organisation. */
export type Scope = 'room' | 'account' | 'organisation';

/**
 * The teacher's "I checked this" on an item Vigie could not read. Stored per scope (utils/checklist/confirmations.ts):
 * a room-scope confirmation covers one room, an account-scope one every room of that account.
 */
export interface Confirmation {
  at: string;
  /** Where the confirmed setting lives. @default 'room' */
  scope?: Scope;
  /** Older than the confirmation interval (90 days unless the school's policy says otherwise): asked again, not applied. */
  expired?: boolean;
}

export type Confirmations = Partial<Record<ItemId, Confirmation>>;

/**
 * green: every weight-3 item is known good and nothing known fails.
 * grey: nothing known fails, but a weight-3 item is still to confirm ("not checked yet") — never a verdict of danger.
 * orange: a known failure of a weight-2 or weight-1 item only.
 * red: a known failure of a weight-3 item.
 */
export type Band = 'green' | 'orange' | 'red' | 'grey';

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
  /** Where this item's setting lives on the platform (utils/platforms/scopes.ts). @default 'room' */
  scope?: Scope;
  /** When the teacher confirmed it (by: 'teacher'), and where that confirmation applies. */
  confirmedAt?: string;
  confirmedScope?: Scope;
  /** A confirmation that ran out (older than the interval): the item is to confirm again. */
  staleConfirmationAt?: string;
}

/** How much of the checklist Vigie knows (read or confirmed): "6 of 14 checked". n/a items are not counted. */
export interface Coverage {
  /** Items known: pass or fail, read on the page, on a settings page, or confirmed by the teacher. */
  checked: number;
  /** Items that apply on this platform (not n/a). */
  total: number;
  /** The same for the six weight-3 items. */
  keyChecked: number;
  keyTotal: number;
}

export interface RoomScore {
  /**
   * 0–100: share of the KNOWN weight that passes (Lighthouse keeps manual audits out of its score; so do we).
   * Items still to confirm neither pull it down nor push it up. 0 while nothing is known (then `known` is false
   * and nothing shows a number).
   */
  score: number;
  /** The score over every applicable item if every fixable failure were fixed and every unknown confirmed. */
  potential: number;
  band: Band;
  /** false while nothing is known (no pass, no fail): no number is shown, only "not checked yet". */
  known: boolean;
  coverage: Coverage;
  /** The single most important thing to do now, or null when nothing is left. */
  nextStep: { id: ItemId; action: 'fix' | 'confirm' } | null;
  items: ScoredItem[];
  counts: Record<ItemState, number>;
}
