import { CHECKLIST, type ItemId } from './items';
import type { Band, Confirmations, Findings, RoomScore, ScoredItem } from './types';

/** Score bands as Lighthouse: 90–100 green, 50–89 orange, 0–49 red. */
export const BANDS: readonly { min: number; band: Band }[] = [
  { min: 90, band: 'green' },
  { min: 50, band: 'orange' },
  { min: 0, band: 'red' },
];

export function bandOf(score: number): Band {
  return (BANDS.find((b) => score >= b.min) ?? BANDS[BANDS.length - 1]).band;
}

const NOT_READ = 'not read on this page';

/**
 * Pure: findings from a platform adapter + the teacher's confirmations for this room → score.
 * score = round(100 × Σ weight(pass) / Σ weight(applicable)), applicable = every item that is not n/a.
 * A teacher's confirmation turns `unknown` into `pass` (by: 'teacher'); it never overrides a failure Vigie
 * read on the page, because the page is the stronger evidence.
 */
export function scoreRoom(findings: Findings, confirmations: Confirmations = {}): RoomScore {
  const items: ScoredItem[] = CHECKLIST.map(({ id, weight }) => {
    const finding = findings[id];
    const base: ScoredItem = {
      id,
      weight,
      state: finding?.state ?? 'unknown',
      by: 'vigie',
      evidence: finding?.evidence ?? NOT_READ,
      via: finding?.via ?? 'none',
      fixable: finding?.fixable ?? true,
      ...(finding?.readAt ? { readAt: finding.readAt } : {}),
    };
    const confirmation = confirmations[id];
    if (base.state === 'unknown' && confirmation) {
      return { ...base, state: 'pass', by: 'teacher', evidence: `confirmed by the teacher on ${confirmation.at}` };
    }
    return base;
  });

  const applicable = items.filter((i) => i.state !== 'n/a');
  const total = sum(applicable.map((i) => i.weight));
  const passed = sum(applicable.filter((i) => i.state === 'pass').map((i) => i.weight));
  const reachable = sum(
    applicable.filter((i) => i.state === 'pass' || i.state === 'unknown' || (i.state === 'fail' && i.fixable)).map((i) => i.weight),
  );
  const score = total === 0 ? 0 : Math.round((100 * passed) / total);
  const potential = total === 0 ? 0 : Math.round((100 * reachable) / total);
  const counts = { pass: 0, fail: 0, unknown: 0, 'n/a': 0 };
  for (const item of items) counts[item.state] += 1;

  return {
    score,
    potential,
    band: bandOf(score),
    known: counts.pass + counts.fail > 0,
    nextStep: nextStep(items),
    items,
    counts,
  };
}

/**
 * The one thing to do now: the heaviest fixable failure; failing that, the heaviest item to confirm;
 * ties go to checklist order (which lists the CCPE's "reserve the room" items first).
 */
function nextStep(items: ScoredItem[]): RoomScore['nextStep'] {
  const pick = (pred: (i: ScoredItem) => boolean): ItemId | undefined =>
    items.filter(pred).sort((a, b) => b.weight - a.weight)[0]?.id;
  const fix = pick((i) => i.state === 'fail' && i.fixable);
  if (fix) return { id: fix, action: 'fix' };
  const confirm = pick((i) => i.state === 'unknown');
  if (confirm) return { id: confirm, action: 'confirm' };
  return null;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
