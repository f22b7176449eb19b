import { describe, expect, it } from 'vitest';
import { CHECKLIST, ITEM_IDS, type ItemId } from '../../utils/checklist/items';
import { bandOf, scoreRoom } from '../../utils/checklist/score';
import type { Confirmations, Findings, ItemState } from '../../utils/checklist/types';
import cases from './score-cases.json';

interface Case {
  name: string;
  rest: ItemState;
  states?: Partial<Record<ItemId, ItemState>>;
  confirmed?: ItemId[];
  fixableFalse?: ItemId[];
  expected: { score: number; potential: number; band: string; known: boolean; nextStep: unknown; byTeacher?: ItemId[] };
}

function findingsOf(c: Case): Findings {
  return Object.fromEntries(
    ITEM_IDS.map((id) => [id, { state: c.states?.[id] ?? c.rest, evidence: `golden:${id}`, via: 'state', ...(c.fixableFalse?.includes(id) ? { fixable: false } : {}) }]),
  );
}

describe('scoreRoom golden cases', () => {
  it.each((cases.cases as Case[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const confirmations: Confirmations = Object.fromEntries((c.confirmed ?? []).map((id) => [id, { at: '2026-11-23T09:00:00.000Z' }]));
    const r = scoreRoom(findingsOf(c), confirmations);
    expect({ score: r.score, potential: r.potential, band: r.band, known: r.known, nextStep: r.nextStep }).toEqual({
      score: c.expected.score,
      potential: c.expected.potential,
      band: c.expected.band,
      known: c.expected.known,
      nextStep: c.expected.nextStep,
    });
    expect(r.items.filter((i) => i.by === 'teacher').map((i) => i.id)).toEqual(c.expected.byTeacher ?? []);
  });
});

describe('scoreRoom invariants', () => {
  it('lists every checklist item once, in checklist order, even when the adapter said nothing', () => {
    const r = scoreRoom({});
    expect(r.items.map((i) => i.id)).toEqual(ITEM_IDS);
    expect(r.items.every((i) => i.state === 'unknown' && i.evidence === 'not read on this page')).toBe(true);
  });

  it('never counts unknown as fail', () => {
    const r = scoreRoom({ 'waiting-room': { state: 'unknown', evidence: 'x', via: 'none' } });
    expect(r.counts.fail).toBe(0);
    expect(r.items[0].state).toBe('unknown');
  });

  it('weights match checklist.md and sum to 33', () => {
    expect(CHECKLIST.reduce((a, i) => a + i.weight, 0)).toBe(33);
    expect(CHECKLIST.filter((i) => i.weight === 3).map((i) => i.id)).toEqual([
      'waiting-room',
      'restricted-access',
      'no-stay-after-host',
      'recording-control',
      'private-chat-off',
      'screen-share-host-only',
    ]);
  });

  it.each([
    [100, 'green'],
    [90, 'green'],
    [89, 'orange'],
    [50, 'orange'],
    [49, 'red'],
    [0, 'red'],
  ] as const)('band of %i is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});
