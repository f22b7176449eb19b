import { describe, expect, it } from 'vitest';
import { belowMinimum, summarise } from '../../../utils/background/scoring';
import { scoreRoom } from '../../../utils/checklist/score';
import { ITEM_IDS } from '../../../utils/checklist/items';
import type { Findings } from '../../../utils/checklist/types';
import type { TabState } from '../../../utils/messaging';

/** The school's `minScoreAlert`: when a room's known score is under it, the badge and popup ask for attention. */
describe('minimum score alert', () => {
  it.each([
    // [known, score, minimum, expected]
    [true, 55, 70, 70],
    [true, 69, 70, 70],
    [true, 70, 70, undefined], // at the minimum is not under it
    [true, 95, 70, undefined],
    [true, 0, 0, undefined], // 0 never alerts
    [false, 0, 70, undefined], // nothing known yet: "to confirm", not an alarm
  ] as const)('known=%s score=%i minimum=%i → %s', (known, score, minimum, expected) => {
    expect(belowMinimum({ known, score }, minimum)).toBe(expected);
  });

  it('reaches the in-page badge through the summary, only when set', () => {
    const all = Object.fromEntries(ITEM_IDS.map((id) => [id, { state: 'fail', evidence: 'x', via: 'dom' }])) as Findings;
    const result = scoreRoom(all);
    const base = { tabId: 1, platform: 'jitsi', url: 'https://meet.jit.si/a', roomKey: 'jitsi:a', isMeeting: true, role: 'host', updatedAt: '', result } as TabState;
    expect(summarise(base)).not.toHaveProperty('belowMinimum');
    expect(summarise({ ...base, belowMinimum: 70 }).belowMinimum).toBe(70);
  });
});
