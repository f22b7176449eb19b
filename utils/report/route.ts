import type { Region, Settings } from '../settings/schema';
import { DUTY_NOTE, EMERGENCY, destinationsFor, type Destination, type EmergencyNumber } from './destinations';
import type { Category } from './types';

/**
 * Which destinations to suggest for a category in a region (reporting.md §6 "routing hints", from each service's
 * stated scope). Pure. The school's safeguarding lead is always offered; emergency numbers always come first.
 */

export interface RouteInput {
  region: Region;
  category: Category | '';
  publicContent: boolean;
  platformReported: boolean;
  /** School policy or the teacher may restrict the list (settings.enabledDestinations); empty = all. */
  enabledDestinations: readonly string[];
  lead: Settings['lead'];
}

export interface LeadRoute {
  name: string;
  email: string;
  phone: string;
  formUrl: string;
  /** false when neither an e-mail, a phone nor a form URL is set: the page says where to add one. */
  configured: boolean;
}

export interface Held {
  destination: Destination;
  /** i18n key: why it is not offered for this report (its scope condition does not hold). */
  reason: string;
}

export interface Route {
  emergency: readonly EmergencyNumber[];
  lead: LeadRoute;
  /** In scope for this category, condition met. */
  suggested: Destination[];
  /** In the region, offered but not matched to this category. */
  others: Destination[];
  /** In scope but its condition does not hold (e.g. PHAROS takes public content only). */
  held: Held[];
  /** i18n key of the region's legal note (personal duty to report…). */
  duty: string;
}

const HELD_REASON: Record<NonNullable<Destination['condition']>, string> = {
  'public-content': 'report_held_public',
  'platform-reported': 'report_held_platform',
};

/** Only https form URLs from the settings are opened (a policy typo must not open javascript: or http:). */
export function safeFormUrl(raw: string): string {
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

export function isEmail(raw: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(raw.trim());
}

export function route(input: RouteInput): Route {
  const enabled = input.enabledDestinations;
  const pool = destinationsFor(input.region).filter((d) => !enabled.length || enabled.includes(d.id));
  const suggested: Destination[] = [];
  const others: Destination[] = [];
  const held: Held[] = [];
  for (const d of pool) {
    const inScope = input.category !== '' && d.categories.includes(input.category);
    const conditionHolds = !d.condition || (d.condition === 'public-content' ? input.publicContent : input.platformReported);
    if (inScope && conditionHolds) suggested.push(d);
    else if (inScope) held.push({ destination: d, reason: HELD_REASON[d.condition!] });
    else others.push(d);
  }
  const email = isEmail(input.lead.email) ? input.lead.email.trim() : '';
  const formUrl = safeFormUrl(input.lead.formUrl);
  const phone = input.lead.phone.trim();
  return {
    emergency: EMERGENCY[input.region],
    lead: { name: input.lead.name.trim(), email, phone, formUrl, configured: !!(email || formUrl || phone) },
    suggested,
    others,
    held,
    duty: DUTY_NOTE[input.region],
  };
}
