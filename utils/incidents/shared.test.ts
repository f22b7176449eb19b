import { describe, expect, it } from 'vitest';
import { isAbandoned, SHARED_DRAFT_MAX_HOURS } from './shared';

describe('shared computer mode: abandoned drafts', () => {
  const now = new Date('2026-12-02T12:00:00.000Z');
  it('a draft untouched for more than 4 hours is abandoned; 3 h 59 is not', () => {
    expect(SHARED_DRAFT_MAX_HOURS).toBe(4);
    expect(isAbandoned({ savedAt: '2026-12-02T07:59:00.000Z' }, now)).toBe(true);
    expect(isAbandoned({ savedAt: '2026-12-02T08:01:00.000Z' }, now)).toBe(false);
  });
  it('an unreadable date counts as abandoned (a shared computer keeps nothing it cannot date)', () => {
    expect(isAbandoned({ savedAt: 'not a date' }, now)).toBe(true);
  });
});
