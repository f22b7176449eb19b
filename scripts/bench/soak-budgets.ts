/**
 * The soak's budgets (issue 22), as pure functions so they can be unit-tested without a browser.
 * A sample is what `scripts/bench/soak.ts` reads at one simulated minute; a window is the span between two samples.
 */

export const SOAK_BUDGETS = {
  /** Vigie's heap at the end / at minute 10. */
  heapGrowth: 1.1,
  /** DOM nodes Vigie holds: end minus minute 10 (a forced GC before each read; a little slack for GC timing). */
  heldNodesGrowth: 20,
  /** Event listeners Vigie added: end minus minute 10. */
  listenersGrowth: 0,
  /** Scans allowed per change the page made in a window (leading + trailing edge of the throttle, a follow-up). */
  scansPerChange: 4,
  /** Scans allowed in a window whatever the page did (one start-up scan, one late trailing edge). */
  scanSlack: 2,
  /** Service worker stopped → settings change → badge repainted (median over the soak's restarts). */
  wakeMs: 150,
} as const;

export interface SoakSample {
  minute: number;
  /** KB; null when it could not be read. */
  heapKB: number | null;
  workerHeapKB: number | null;
  heldNodes: number;
  listeners: number;
  /** Scans since the previous sample, and changes (settings flips, navigations) the page made in that window. */
  scans: number;
  changes: number;
}

export interface SoakWake {
  minute: number;
  ms: number | null;
  /** The in-page and toolbar badge after the restart equal what they showed for the same settings before it. */
  right: boolean;
  detail: string;
}

/**
 * The wake budget applies to the median over the soak's restarts (the first restart of a session is a cold start of
 * the worker's code and is reported, not budgeted alone); a restart with no badge at all is a miss by itself.
 */
export function medianWakeMs(wakes: SoakWake[]): number | null {
  const ms = wakes.map((w) => w.ms).filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!ms.length) return null;
  return ms.length % 2 ? ms[(ms.length - 1) / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
}

/** Scans in a window are bounded by the page's change rate, not by time. */
export function scansWithinChangeRate(scans: number, changes: number): boolean {
  return scans <= SOAK_BUDGETS.scansPerChange * changes + SOAK_BUDGETS.scanSlack;
}

/** The sample at `minute`, or the first one after it. */
function at(samples: SoakSample[], minute: number): SoakSample | undefined {
  return samples.find((s) => s.minute >= minute);
}

/** Every soak budget missed by one platform's run, as readable lines (empty: all met). */
export function soakMisses(platform: string, samples: SoakSample[], wakes: SoakWake[]): string[] {
  const misses: string[] = [];
  const from = at(samples, 10);
  const end = samples.at(-1);
  if (!from || !end || from === end) return [`${platform}: soak too short to compare minute 10 with the end`];
  if (from.heapKB === null || end.heapKB === null || !(from.heapKB > 0)) misses.push(`${platform}: Vigie's heap could not be read`);
  else if (end.heapKB / from.heapKB > SOAK_BUDGETS.heapGrowth)
    misses.push(`${platform}: Vigie's heap grew ${((end.heapKB / from.heapKB - 1) * 100).toFixed(1)} % from minute ${from.minute} to ${end.minute} (${from.heapKB.toFixed(0)} → ${end.heapKB.toFixed(0)} KB) > ${((SOAK_BUDGETS.heapGrowth - 1) * 100).toFixed(0)} %`);
  if (end.heldNodes - from.heldNodes > SOAK_BUDGETS.heldNodesGrowth)
    misses.push(`${platform}: DOM nodes Vigie holds grew ${from.heldNodes} → ${end.heldNodes} from minute ${from.minute} to ${end.minute}`);
  if (end.listeners - from.listeners > SOAK_BUDGETS.listenersGrowth)
    misses.push(`${platform}: listeners Vigie added grew ${from.listeners} → ${end.listeners} from minute ${from.minute} to ${end.minute}`);
  for (const s of samples) {
    if (!scansWithinChangeRate(s.scans, s.changes)) misses.push(`${platform}: ${s.scans} scans in the window ending at minute ${s.minute} for ${s.changes} page changes (bounded by the change rate)`);
  }
  for (const w of wakes) {
    if (!w.right) misses.push(`${platform}: badge wrong after the service-worker restart at minute ${w.minute} (${w.detail})`);
    if (w.ms === null) misses.push(`${platform}: no badge after the service-worker restart at minute ${w.minute}`);
  }
  const wake = medianWakeMs(wakes);
  if (wake !== null && wake > SOAK_BUDGETS.wakeMs) misses.push(`${platform}: service-worker wake → badge ${wake.toFixed(0)} ms (median of ${wakes.length} restarts) > ${SOAK_BUDGETS.wakeMs}`);
  return misses;
}
