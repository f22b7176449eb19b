/**
 * Labels: the one label normaliser (`fold`), the per-platform label tables (verified or not) and the cap that keeps
 * an unverified label from ever making a pass.
 *
 * The runtime side of utils/platforms/labels.ts. That file is the table of record: every label with its vendor page,
 * date and note, validated by tests/platforms/labels-data.test.ts. A content script needs none of that provenance,
 * only what it matches on, and only for its own platform: `npm run labels:tables` writes one small table per
 * platform in utils/platforms/label-tables/ (tests/platforms/label-tables.test.ts fails when one is out of date), and each
 * adapter imports its own. This keeps eight platforms' sources out of every content script's bundle.
 */
export type LabelRow = readonly [lang: 'en' | 'fr', text: string, verified: 0 | 1];

export interface LabelKit<T extends Record<string, readonly LabelRow[]>> {
  table: T;
  /** Labels a vendor page backs: they may decide a pass. */
  sure(platform: string, key: string): readonly string[];
  /** Labels no vendor page backs: they may fail an item or leave it to confirm, never pass it. */
  unsure(platform: string, key: string): readonly string[];
  /** Every label of a key, verified or not (for labels that are only ever cited, never passed on). */
  anyLabel(platform: string, key: string): readonly string[];
  /** A key's labels split as a probe wants them: `{ sure, unsure }`. */
  pair(key: keyof T & string): LabelPair;
}

/** Labels a vendor page backs (may pass) and labels none does (may fail or leave to confirm, never pass). */
export interface LabelPair {
  sure: readonly string[];
  unsure: readonly string[];
}

export function labelKit<T extends Record<string, readonly LabelRow[]>>(platform: string, table: T): LabelKit<T> {
  const rows = (key: string): readonly LabelRow[] => {
    const list = (table as Record<string, readonly LabelRow[] | undefined>)[key];
    if (!list) throw new Error(`labels: no labels "${platform}.${key}"`);
    return list;
  };
  return {
    table,
    sure: (_p, key) => rows(key).filter((r) => r[2] === 1).map((r) => r[1]),
    unsure: (_p, key) => rows(key).filter((r) => r[2] === 0).map((r) => r[1]),
    anyLabel: (_p, key) => rows(key).map((r) => r[1]),
    pair: (key) => ({ sure: rows(key).filter((r) => r[2] === 1).map((r) => r[1]), unsure: rows(key).filter((r) => r[2] === 0).map((r) => r[1]) }),
  };
}

/**
 * The ONE label normaliser, used by every adapter and helper, so a label matches on every platform alike: accents,
 * curly quotes and backticks, spacing (a space before French "?", ":" or "!" too) and case folded, so "Générer"
 * matches "generer" and "Qui peut présenter ?" matches "Qui peut présenter?".
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([?:!])/g, '$1')
    .trim()
    .toLowerCase();
}

/** Anything that records whether an unverified label was read (a ControlIndex, a WeakLabelLog). */
export interface WeakUse {
  readonly weakUsed: boolean;
}

/**
 * A pass decided while an unverified label was read stays "to confirm" (utils/platforms/labels.ts: a label no vendor
 * page backs can only fail an item or leave it to confirm). The detector runner applies it around each detector.
 */
export function capUnverified<F extends { state: string; evidence: string }>(f: F | null, index: WeakUse, toConfirm: (evidence: string) => F): F | null {
  // Any unverified label read while deciding this item: a detector may weigh it without quoting it (Zoom's passcode
  // reads "Embed passcode…" to decide), so the whole pass stays to confirm. Conservative on purpose.
  if (f && f.state === 'pass' && index.weakUsed) {
    return toConfirm(`${f.evidence} (read through a label no vendor help page confirms): confirm on the page`);
  }
  return f;
}

/**
 * For adapters that match labels with their own finders (Meet's host switches, Webex's rows, Classroom's captions):
 * the finder calls note() whenever it returns a hit through an unverified label, and capUnverified reads weakUsed,
 * exactly as with a ControlIndex. One log per adapter; reset before each detector.
 */
export interface WeakLabelLog extends WeakUse {
  readonly weakLabels: readonly string[];
  note(label: string): void;
  resetWeak(): void;
}

export function weakLabelLog(): WeakLabelLog {
  let seen: string[] = [];
  return {
    get weakUsed() {
      return seen.length > 0;
    },
    get weakLabels() {
      return seen;
    },
    note(label) {
      seen.push(label);
    },
    resetWeak() {
      seen = [];
    },
  };
}
