import { useMemo } from 'preact/hooks';
import type { Draft } from '../../utils/incidents/types';
import type { CountryGroup } from '../../utils/report/fallback';
import { route, type Route } from '../../utils/report/route';
import type { Settings } from '../../utils/settings/schema';
import { everywhereFor } from './WhereToSend';

/**
 * Where this report can go (utils/report/route.ts), from the draft and the settings; and, with no region known or
 * none for this concern in the region, every region's services grouped by country (`everywhere`).
 */
export function useRoute(draft: Draft | null, settings: Settings): { route: Route | null; everywhere: CountryGroup[] } {
  const r = useMemo(
    () =>
      draft
        ? route({
            region: settings.region,
            category: draft.report.category,
            publicContent: draft.report.publicContent,
            platformReported: draft.report.platformReported,
            enabledDestinations: settings.enabledDestinations,
            lead: settings.lead,
            otherKind: draft.report.otherKind,
            urgency: draft.report.urgency,
            strangerPrivate: draft.report.strangerPrivate,
            dpjRegion: settings.dpjRegion,
            province: settings.province,
            // A second contact typed in the report wins over the one from settings or the school policy.
            alternateLead: draft.report.altName || draft.report.altEmail || draft.report.altPhone ? { name: draft.report.altName, email: draft.report.altEmail, phone: draft.report.altPhone, formUrl: '' } : settings.alternateLead,
            leadConcerned: draft.report.leadConcerned,
          })
        : null,
    [draft?.report, settings],
  );
  const everywhere = useMemo(
    () => (draft ? everywhereFor(settings, draft.report) : []),
    // Every answer the route reads (everywhereFor's Pick): a list that missed one (who the other person is, the
    // urgency, a stranger in private) would offer the wrong services.
    [draft?.report.category, draft?.report.publicContent, draft?.report.platformReported, draft?.report.otherKind, draft?.report.urgency, draft?.report.strangerPrivate, settings],
  );
  return { route: r, everywhere };
}

/** The last step offers every service ticked in "Where to send", including those from other regions' lists. */
export function sendRoute(r: Route, everywhere: CountryGroup[]): Route {
  return { ...r, others: [...r.others, ...everywhere.flatMap((g) => g.services.filter((x) => !x.held && !r.suggested.includes(x.destination) && !r.others.includes(x.destination)).map((x) => x.destination))] };
}
