import type { Region } from '../settings/schema';
import type { Destination } from './destinations/schema';
import { route, type RouteInput } from './route';

/**
 * A report always reaches a real service (issue 15). When Vigie does not know where the teacher teaches (region
 * 'other'), "Where to send" lists every region's services for the concern, grouped by country; when it knows the
 * region but the region has nothing for this concern, the page says whom to call instead, and shows what other
 * countries offer. Pure, and built only on route(): the routing rules stay in route.ts and destinations/.
 */

export type Country = 'ca' | 'fr' | 'uk';

export interface Service {
  destination: Destination;
  /** Where inside the country it serves: the whole country, or one province ('qc': the DPJ). */
  reach: 'national' | 'qc';
  /** i18n key when it is in scope but its condition does not hold (e.g. PHAROS takes public content only). */
  held?: string;
}

export interface CountryGroup {
  country: Country;
  services: Service[];
}

/** Countries in a fixed order; within each, national hotlines first, then provincial services. */
const COUNTRIES: readonly { country: Country; national: Region; provincial: readonly Region[] }[] = [
  { country: 'ca', national: 'ca', provincial: ['qc'] },
  { country: 'fr', national: 'fr', provincial: [] },
  { country: 'uk', national: 'uk', provincial: [] },
];

/** Which country a region is in ('other' is none). */
export function countryOf(region: Region): Country | null {
  return region === 'qc' || region === 'ca' ? 'ca' : region === 'fr' || region === 'uk' ? region : null;
}

/**
 * Every region's services for this concern, grouped by country, national hotlines first. Only services in scope
 * for the category (suggested, or held by a condition with its reason); a country with none is left out.
 */
export function servicesEverywhere(input: Omit<RouteInput, 'region'>): CountryGroup[] {
  const groups: CountryGroup[] = [];
  for (const c of COUNTRIES) {
    const seen = new Set<string>();
    const services: Service[] = [];
    const add = (region: Region, reach: Service['reach']) => {
      const r = route({ ...input, region });
      const push = (s: Service) => {
        if (seen.has(s.destination.id)) return;
        seen.add(s.destination.id);
        services.push(s);
      };
      for (const d of r.suggested) push({ destination: d, reach });
      for (const h of r.held) push({ destination: h.destination, reach, held: h.reason });
    };
    add(c.national, 'national');
    for (const p of c.provincial) add(p, p === 'qc' ? 'qc' : 'national');
    // National first; within a reach, services that can take the report now before held ones.
    services.sort((a, b) => Number(a.reach !== 'national') - Number(b.reach !== 'national') || Number(!!a.held) - Number(!!b.held));
    if (services.length) groups.push({ country: c.country, services });
  }
  return groups;
}

/** The services a teacher can use now (not held), across every region. */
export function usableEverywhere(groups: readonly CountryGroup[]): Destination[] {
  return groups.flatMap((g) => g.services.filter((s) => !s.held).map((s) => s.destination));
}

/**
 * What "Where to send" says about outside services:
 * - 'region': the teacher's region has services for this concern (shown as before);
 * - 'everywhere': no region known: every region's services, grouped by country;
 * - 'elsewhere-only': the region has none for this concern, other countries do: say whom to call instead, and
 *   show the others folded;
 * - 'none': true in every region: "No outside service matches", and whom to call instead.
 */
export type Coverage = 'region' | 'everywhere' | 'elsewhere-only' | 'none';

export function coverage(region: Region, suggestedInRegion: number, heldInRegion: number, groups: readonly CountryGroup[]): Coverage {
  const anywhere = groups.some((g) => g.services.length > 0);
  if (region === 'other') return anywhere ? 'everywhere' : 'none';
  if (suggestedInRegion + heldInRegion > 0) return 'region';
  return anywhere ? 'elsewhere-only' : 'none';
}
