import { describe, expect, it } from 'vitest';
import { jsObjectBytes, type HeapSnapshotJson } from '../../../scripts/bench/heap-snapshot';
import { spread } from '../../../scripts/bench/stats';
import { medianWakeMs, scansWithinChangeRate, soakMisses, type SoakSample, type SoakWake } from '../../../scripts/bench/soak-budgets';

const sample = (minute: number, over: Partial<SoakSample> = {}): SoakSample => ({ minute, heapKB: 200, workerHeapKB: 1900, heldNodes: 28, listeners: 18, scans: 1, changes: 1, ...over });
const wake = (minute: number, ms: number | null, right = true): SoakWake => ({ minute, ms, right, detail: 'd' });
const steady = [sample(1, { scans: 0, changes: 0 }), sample(10), sample(60, { scans: 6, changes: 6 }), sample(120, { heapKB: 219, scans: 7, changes: 7 })];
const quickWakes = [wake(30, 200), wake(60, 100), wake(90, 110), wake(120, 90)];

describe('soak budgets (issue 22)', () => {
  it('a steady class passes', () => {
    expect(soakMisses('jitsi', steady, quickWakes)).toEqual([]);
  });

  it('heap growth over 10 % from minute 10 to the end fails; 10 % exactly passes', () => {
    expect(soakMisses('jitsi', [sample(10), sample(120, { heapKB: 220 })], [])).toEqual([]);
    const misses = soakMisses('jitsi', [sample(1, { heapKB: 100 }), sample(10), sample(120, { heapKB: 221 })], []);
    expect(misses).toHaveLength(1);
    expect(misses[0]).toMatch(/heap grew 10\.5 %/);
  });

  it('growth before minute 10 is warm-up, not a leak', () => {
    expect(soakMisses('jitsi', [sample(1, { heapKB: 100 }), sample(10), sample(120)], [])).toEqual([]);
  });

  it('an unreadable heap is a miss, never a pass', () => {
    expect(soakMisses('jitsi', [sample(10, { heapKB: null }), sample(120)], [])[0]).toMatch(/could not be read/);
  });

  it('held nodes and listeners must not grow (the deliberate leak: 364 → 4160 nodes)', () => {
    expect(soakMisses('jitsi', [sample(10, { heldNodes: 364 }), sample(120, { heldNodes: 4160 })], [])[0]).toMatch(/DOM nodes Vigie holds grew 364 → 4160/);
    expect(soakMisses('jitsi', [sample(10), sample(120, { listeners: 19 })], [])[0]).toMatch(/listeners Vigie added grew 18 → 19/);
  });

  it('scans are bounded by the page changes, not by time', () => {
    expect(scansWithinChangeRate(2, 0)).toBe(true);
    expect(scansWithinChangeRate(3, 0)).toBe(false);
    expect(scansWithinChangeRate(30, 7)).toBe(true);
    expect(scansWithinChangeRate(31, 7)).toBe(false);
    // A scan every simulated minute of a quiet hour is time-driven: a miss.
    expect(soakMisses('jitsi', [sample(10), sample(70, { scans: 60, changes: 0 })], [])[0]).toMatch(/60 scans in the window ending at minute 70 for 0 page changes/);
  });

  it('wake → badge: the median of the restarts is budgeted, a wrong or missing badge fails alone', () => {
    expect(medianWakeMs(quickWakes)).toBe(105);
    expect(medianWakeMs([wake(30, null)])).toBeNull();
    expect(soakMisses('jitsi', steady, [wake(30, 200), wake(60, 160), wake(90, 110)])[0]).toMatch(/160 ms \(median of 3 restarts\) > 150/);
    expect(soakMisses('jitsi', steady, [wake(30, 90, false)])[0]).toMatch(/badge wrong/);
    expect(soakMisses('jitsi', steady, [wake(30, null)])[0]).toMatch(/no badge after the service-worker restart at minute 30/);
  });

  it('a soak too short to reach minute 10 and an end is a miss', () => {
    expect(soakMisses('jitsi', [sample(1)], [])[0]).toMatch(/too short/);
  });
});

describe('jsObjectBytes', () => {
  // Nodes: [type, name, self_size, edge_count]; edges: [type, name, to_node] (to_node is an index into nodes).
  const snap: HeapSnapshotJson = {
    snapshot: { meta: { node_fields: ['type', 'name', 'self_size', 'edge_count'], node_types: [['synthetic', 'object', 'code', 'array', 'native']], edge_fields: ['type', 'name_or_index', 'to_node'] } },
    strings: ['(Strong root list)', 'Foo', 'cache', 'x'],
    nodes: [0, 0, 0, 1, /* strong roots → the cache */ 1, 1, 100, 0, /* a JS object */ 2, 3, 5000, 0, /* code */ 3, 2, 65544, 0, /* engine cache */ 3, 3, 40, 0, /* a JS array */ 4, 3, 900, 0 /* native */],
    edges: [0, 2, 12],
  };
  it('counts JS objects, not compiled code, native objects or the strong roots’ caches', () => {
    expect(jsObjectBytes(snap)).toBe(140);
  });
});

describe('spread', () => {
  it('median, quartiles and range of the windows, ignoring non-finite ones', () => {
    expect(spread([1.004, 1.012, 1.008, 1.001, 1.02])).toEqual({ n: 5, median: 1.008, min: 1.001, max: 1.02, p25: 1.004, p75: 1.012 });
    expect(spread([4, 1, 3, 2])).toMatchObject({ n: 4, median: 2.5, p25: 1.75, p75: 3.25 });
    expect(spread([NaN, Infinity, 2])).toMatchObject({ n: 1, median: 2, min: 2, max: 2 });
    expect(spread([]).n).toBe(0);
    expect(spread([]).median).toBeNaN();
  });
});
