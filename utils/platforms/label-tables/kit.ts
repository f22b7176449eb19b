/**
 * The runtime side of utils/platforms/labels.ts. That file is the table of record: every label with its vendor page,
 * date and note, validated by tests/platforms/labels-data.test.ts. A content script needs none of that provenance,
 * only what it matches on, and only for its own platform: `npm run labels:tables` writes one small table per
 * platform next to this file (tests/platforms/label-tables.test.ts fails when one is out of date), and each
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
  };
}
