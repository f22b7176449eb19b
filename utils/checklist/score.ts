import { CHECKLIST, type ItemId } from './items';
import type { Band, Confirmations, Coverage, Findings, RoomScore, ScoredItem } from './types';

/**
 * The score model (issue 17, docs/scoring.md), as data:
 * - the number is the share of the KNOWN weight that passes. Unknown items are kept out of it, as Lighthouse keeps
 *   its manual audits out of its score: they neither pull it down nor push it up;
 * - the band says what is known, not how much: red = a key (weight-3) setting is known to be wrong; orange = only
 *   lighter settings are known to be wrong; grey = nothing known is wrong but a key setting is still to confirm
 *   ("not checked yet", never red and never green); green = every key setting known good and nothing known wrong.
 *   Like ScubaGear's pass / fail / manual counts, to-confirm items are counted, never scored;
 * - the coverage ("6 of 14 checked") travels with the number everywhere it is shown.
 */
export const SCORE_RULES = {
  /** Weight of the items that "reserve and control the room": one known failure among them makes the room red. */
  keyWeight: 3,
} as const;

/** Worst first: a band never moves left when a failure is fixed or an item confirmed (property 4). */
export const BAND_ORDER: readonly Band[] = ['red', 'orange', 'grey', 'green'];

export function bandRank(band: Band): number {
  return BAND_ORDER.indexOf(band);
}

/** The band from what is known (pure; see SCORE_RULES and the Band type for the words). */
export function bandFor(facts: { known: boolean; keyFail: boolean; anyFail: boolean; keyAllPass: boolean }): Band {
  if (facts.keyFail) return 'red';
  if (facts.anyFail) return 'orange';
  if (facts.known && facts.keyAllPass) return 'green';
  return 'grey';
}

const NOT_READ = 'not read on this page';

/**
 * Pure: findings from a platform adapter + the teacher's confirmations that apply to this room → score.
 * A teacher's confirmation turns `unknown` into `pass` (by: 'teacher'); it never overrides a failure Vigie
 * read on the page, because the page is the stronger evidence. An expired confirmation is not applied: the item
 * is to confirm again, and says when it was last checked.
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
    if (base.state !== 'unknown' || !confirmation) return base;
    if (confirmation.expired) return { ...base, staleConfirmationAt: confirmation.at };
    const scope = confirmation.scope ?? 'room';
    return {
      ...base,
      state: 'pass',
      by: 'teacher',
      evidence: `confirmed by the teacher on ${confirmation.at}${scope === 'room' ? '' : ` (${scope})`}`,
      confirmedAt: confirmation.at,
      confirmedScope: scope,
    };
  });

  const applicable = items.filter((i) => i.state !== 'n/a');
  const knownItems = applicable.filter((i) => i.state === 'pass' || i.state === 'fail');
  const key = applicable.filter((i) => i.weight >= SCORE_RULES.keyWeight);
  const knownWeight = sum(knownItems.map((i) => i.weight));
  const passed = sum(knownItems.filter((i) => i.state === 'pass').map((i) => i.weight));
  const total = sum(applicable.map((i) => i.weight));
  const reachable = sum(
    applicable.filter((i) => i.state === 'pass' || i.state === 'unknown' || (i.state === 'fail' && i.fixable)).map((i) => i.weight),
  );
  const known = knownItems.length > 0;
  const score = knownWeight === 0 ? 0 : Math.round((100 * passed) / knownWeight);
  const potential = total === 0 ? 0 : Math.round((100 * reachable) / total);
  const counts = { pass: 0, fail: 0, unknown: 0, 'n/a': 0 };
  for (const item of items) counts[item.state] += 1;
  const coverage: Coverage = {
    checked: knownItems.length,
    total: applicable.length,
    keyChecked: key.filter((i) => i.state === 'pass' || i.state === 'fail').length,
    keyTotal: key.length,
  };
  const band = bandFor({
    known,
    keyFail: key.some((i) => i.state === 'fail'),
    anyFail: counts.fail > 0,
    keyAllPass: key.every((i) => i.state === 'pass'),
  });

  return { score, potential, band, known, coverage, nextStep: nextStep(items), items, counts };
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
