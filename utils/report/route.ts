import type { Region, Settings } from '../settings/schema';
import { channelsFor, destinationsFor } from './destinations';
import { DUTY_NOTE, EMERGENCY, GAPS, STAFF_STEPS } from './destinations/regional';
import type { Channel, Destination, EmergencyNumber } from './destinations/schema';
import type { Category, OtherKind, Urgency } from './types';

/**
 * Which destinations to suggest for a concern (reporting.md §6 "routing hints", safeguarding-map.md), from each
 * service's stated scope: the category, the region (and DPJ region or province), who the other person is, the
 * urgency. Pure. The school's safeguarding lead is always offered; emergency numbers always come first, and back at
 * the top of "Where to send" when the risk is immediate.
 */

export interface RouteInput {
  region: Region;
  category: Category | '';
  publicContent: boolean;
  platformReported: boolean;
  /** School policy or the teacher may restrict the list (settings.enabledDestinations); empty = all. */
  enabledDestinations: readonly string[];
  lead: Settings['lead'];
  /** Who the other person is: 'staff' adds the allegations route of the region. */
  otherKind?: OtherKind;
  urgency?: Urgency | '';
  /** The other person is a stranger writing in private messages (PHAROS takes it). */
  strangerPrivate?: boolean;
  /** Québec DPJ region / province of the rest of Canada (settings or policy); '' = all lines listed. */
  dpjRegion?: string;
  province?: string;
  /** The second contact (settings.alternateLead, from the school policy, or typed in the report). */
  alternateLead?: Settings['lead'];
  /** The teacher said the usual lead may be the person concerned. */
  leadConcerned?: boolean;
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

export interface StaffRoute {
  /** Who is told, in order (i18n keys). */
  steps: readonly string[];
  /** The region's services for an allegation against staff (also in `suggested`). */
  destinations: Destination[];
}

export interface Route {
  emergency: readonly EmergencyNumber[];
  /** Urgency is "immediate": show the emergency numbers again at the top of "Where to send". */
  emergencyFirst: boolean;
  lead: LeadRoute;
  /** Second contact; null when none is set. */
  alternate: LeadRoute | null;
  /** The usual lead may be the person concerned: offer the second contact instead. */
  leadConcerned: boolean;
  /** In scope for this category, condition met. */
  suggested: Destination[];
  /** In the region, offered but not matched to this category. */
  others: Destination[];
  /** In scope but its condition does not hold (e.g. PHAROS takes public content only). */
  held: Held[];
  /** i18n key of the region's legal note (personal duty to report…). */
  duty: string;
  /** When nothing outside the school is suggested: why (i18n key); '' otherwise. */
  gap: string;
  /** The other person is staff: the region's allegations route. */
  staff: StaffRoute | null;
  /** The channels to show per destination id (filtered by DPJ region / province). */
  channels: Record<string, Channel[]>;
}

const HELD_REASON: Record<NonNullable<Destination['condition']>, string> = {
  'public-content': 'report_held_public',
  'platform-reported': 'report_held_platform',
  'public-or-stranger': 'report_held_public_stranger',
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

function leadRoute(lead: Settings['lead']): LeadRoute {
  const email = isEmail(lead.email) ? lead.email.trim() : '';
  const formUrl = safeFormUrl(lead.formUrl);
  const phone = lead.phone.trim();
  return { name: lead.name.trim(), email, phone, formUrl, configured: !!(email || formUrl || phone) };
}

export function route(input: RouteInput): Route {
  const enabled = input.enabledDestinations;
  const otherKind = input.otherKind ?? 'unknown';
  const isStaff = otherKind === 'staff';
  const pool = destinationsFor(input.region)
    .filter((d) => !enabled.length || enabled.includes(d.id))
    .filter((d) => !d.otherKinds || d.otherKinds.includes(otherKind));
  const suggested: Destination[] = [];
  const others: Destination[] = [];
  const held: Held[] = [];
  for (const d of pool) {
    const inScope = (input.category !== '' && d.categories.includes(input.category)) || (isStaff && !!d.staff);
    const conditionHolds =
      !d.condition ||
      (d.condition === 'public-content' ? input.publicContent : d.condition === 'platform-reported' ? input.platformReported : input.publicContent || !!input.strangerPrivate);
    if (inScope && conditionHolds) suggested.push(d);
    else if (inScope) held.push({ destination: d, reason: HELD_REASON[d.condition!] });
    else others.push(d);
  }
  const alt = input.alternateLead ? leadRoute(input.alternateLead) : null;
  const area = { dpjRegion: input.dpjRegion ?? '', province: input.province ?? '' };
  const channels = Object.fromEntries(pool.map((d) => [d.id, channelsFor(d, area)]));
  const gap = suggested.length || input.category === '' ? '' : (GAPS[input.region]?.[input.category] ?? '');
  return {
    emergency: EMERGENCY[input.region],
    emergencyFirst: input.urgency === 'immediate',
    lead: leadRoute(input.lead),
    alternate: alt?.configured ? alt : null,
    leadConcerned: !!input.leadConcerned,
    suggested,
    others,
    held,
    duty: DUTY_NOTE[input.region],
    gap,
    staff: isStaff ? { steps: STAFF_STEPS[input.region], destinations: suggested.filter((d) => d.staff) } : null,
    channels,
  };
}
