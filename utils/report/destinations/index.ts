import { CANADA } from './canada';
import { FRANCE } from './france';
import { QUEBEC } from './quebec';
import type { Channel, Destination } from './schema';
import { UK } from './uk';
import type { Region } from '../../settings/schema';

/**
 * Where a concern can go, as verified data rows: one file per country (canada.ts, quebec.ts, france.ts, uk.ts), the
 * row shape in schema.ts, the per-region tables (emergency numbers, legal notes, gaps) in regional.ts, hours in
 * hours.ts and links in links.ts. This file assembles the table and picks the rows for a region.
 * tests/unit/report/destinations.test.ts validates every row with zod and pins every URL and number, so a change is
 * deliberate. docs/reporting.md's destination table is generated from these rows (`npm run docs:reporting`,
 * scripts/reporting-doc.ts). A new row's id goes in utils/settings/destination-ids.ts too (the settings and the
 * school policy name services by id without loading the table).
 *
 * Names are data (`name`) and UI text (`report_dest_<id>_name`, same words, checked by a test); one-line scopes are
 * UI text (`report_dest_<id>_scope`).
 */

/** Every row, in this order: Canada, Québec, France, United Kingdom (the docs and the policy's id list follow it). */
export const DESTINATIONS: readonly Destination[] = [...CANADA, ...QUEBEC, ...FRANCE, ...UK];

/** Destinations offered in a region ('qc' is in Canada: it gets the Canadian ones too). */
export function destinationsFor(region: Region): Destination[] {
  const regions: Region[] = region === 'qc' ? ['qc', 'ca'] : [region];
  return DESTINATIONS.filter((d) => d.regions.some((r) => regions.includes(r)) && !(region === 'qc' && d.notInQc));
}

/**
 * The channels to show for a destination: when a DPJ region or province is chosen, only that area's lines (and the
 * channels that serve every area); when none is chosen, all of them, each labelled with its area.
 */
export function channelsFor(d: Destination, area: { dpjRegion?: string; province?: string } = {}): Channel[] {
  const pick = d.regions.includes('qc') ? area.dpjRegion : area.province;
  if (!pick || !d.areas?.length) return [...d.channels];
  // Ontario's form (no area) serves only Ontario; keep it only when Ontario is chosen.
  return d.channels.filter((c) => ('area' in c && c.area ? c.area === pick : d.id !== 'cachildwelfare' || pick === 'on'));
}
