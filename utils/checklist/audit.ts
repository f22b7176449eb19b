import type { RoomScore } from './types';

/** The audit JSON of shared/reference/checklist.md, exactly: what `npm run audit` prints. */
export interface AuditJson {
  platform: string;
  url: string;
  score: number;
  potential: number;
  band: RoomScore['band'];
  items: { id: string; state: string; evidence: string }[];
}

export function toAuditJson(platform: string, url: string, result: Pick<RoomScore, 'score' | 'potential' | 'band' | 'items'>): AuditJson {
  return {
    platform,
    url,
    score: result.score,
    potential: result.potential,
    band: result.band,
    items: result.items.map(({ id, state, evidence }) => ({ id, state, evidence })),
  };
}
