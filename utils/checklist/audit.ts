import type { Coverage, RoomScore } from './types';

/**
 * The audit JSON of shared/reference/checklist.md: what `npm run audit` prints. It keeps every field it had and
 * adds `coverage` (issue 17). `score` is the share of the known weight that passes; `band` may now also be "grey"
 * ("not checked yet": nothing known fails, but a key item is still to confirm).
 */
export interface AuditJson {
  platform: string;
  url: string;
  score: number;
  potential: number;
  band: RoomScore['band'];
  coverage: Pick<Coverage, 'checked' | 'total'>;
  items: { id: string; state: string; evidence: string }[];
}

export function toAuditJson(platform: string, url: string, result: Pick<RoomScore, 'score' | 'potential' | 'band' | 'items' | 'coverage'>): AuditJson {
  return {
    platform,
    url,
    score: result.score,
    potential: result.potential,
    band: result.band,
    coverage: { checked: result.coverage.checked, total: result.coverage.total },
    items: result.items.map(({ id, state, evidence }) => ({ id, state, evidence })),
  };
}
