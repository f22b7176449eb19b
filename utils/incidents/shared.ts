import type { Draft } from './types';

/**
 * Shared computer mode (the `sharedComputer` setting or school policy): no incident log at all, and a report draft
 * is deleted when the report is finished or when it has not been touched for SHARED_DRAFT_MAX_HOURS (checked when
 * the report page opens: a draft left on a shared computer is not there for the next person).
 */
export const SHARED_DRAFT_MAX_HOURS = 4;

/** Was this draft left untouched longer than the shared-computer limit? An unreadable date counts as abandoned. */
export function isAbandoned(draft: Pick<Draft, 'savedAt'>, now: Date): boolean {
  const saved = Date.parse(draft.savedAt);
  return !Number.isFinite(saved) || now.getTime() - saved > SHARED_DRAFT_MAX_HOURS * 3_600_000;
}
