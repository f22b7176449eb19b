import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../utils/incidents/types';
import { EMPTY_REPORT, type ReportData } from '../../utils/report/types';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';
import { useRoute } from './useRoute';

/** "Where to send" follows every answer it depends on, not only the first three (a stale list routes a report wrongly). */

let everywhereIds: string[] = [];
function Harness({ draft }: { draft: Draft }) {
  everywhereIds = useRoute(draft, DEFAULT_SETTINGS).everywhere.flatMap((g) => g.services.filter((s) => !s.held).map((s) => s.destination.id));
  return null;
}
const draftWith = (report: Partial<ReportData>): Draft => ({ id: 'current', report: { ...EMPTY_REPORT, category: 'adult-misconduct', ...report }, step: 2, chosen: ['lead'], handOffs: [], startedAt: '2026-12-02T09:00:00.000Z', savedAt: '2026-12-02T09:00:00.000Z' });

afterEach(() => {
  const app = document.getElementById('app');
  if (app) render(null, app);
});

describe('useRoute', () => {
  it('an allegation against a member of staff brings in the staff routes (France: the academy services) as soon as it is said', () => {
    document.body.innerHTML = '<main id="app"></main>';
    const app = document.getElementById('app')!;
    render(<Harness draft={draftWith({ otherKind: 'unknown' })} />, app);
    expect(everywhereIds).not.toContain('fracademie');
    // Same category, public content and platform answer: only "who is the other person" changes.
    render(<Harness draft={draftWith({ otherKind: 'staff' })} />, app);
    expect(everywhereIds).toContain('fracademie');
  });
});
