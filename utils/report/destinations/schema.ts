import type { DpjRegion, Province } from '../../settings/areas';
import type { ServiceId } from '../../settings/destination-ids';
import type { Region } from '../../settings/schema';
import type { Category, OtherKind } from '../types';

/**
 * The shape of a destination row (utils/report/destinations/<country>.ts hold the rows, index.ts the table and the
 * selection). Each row says who it is for, where, when it answers, and the public page its facts were read from with
 * the date they were checked (`source`, `checked`). tests/unit/report/destinations.test.ts validates every row with
 * zod (a missing source, a check older than a year, a region × category with no outside service and no documented
 * reason all fail) and pins every URL and number, so a change is deliberate.
 */

export type DestinationId = string;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** When a line answers, in the service's own time zone. `unknown`: not confirmed by a source (shown as such). */
export type Hours =
  | { kind: 'always'; tz: string }
  | { kind: 'weekly'; tz: string; days: Partial<Record<Weekday, readonly (readonly [string, string])[]>>; closedOnHolidays?: boolean }
  | { kind: 'unknown'; tz: string };

export type Channel =
  /** Official web form: opened in a new tab, the prepared text goes to the clipboard. No URL pre-fill is documented. */
  | { kind: 'form'; url: string; urlFr?: string; hours?: Hours }
  /** Phone line. `label` is an i18n key when the number needs a qualifier (e.g. a DPJ region). `area`: the DPJ region or province it serves. */
  | { kind: 'tel'; number: string; display: string; label?: string; area?: DpjRegion | Province; hours?: Hours }
  /** Text message line (sms: link). */
  | { kind: 'sms'; number: string; display: string; label?: string; hours?: Hours }
  /** Published e-mail address: a mailto: draft with subject and body (RFC 6068). */
  | { kind: 'mailto'; address: string; hours?: Hours };

/** A line of the "which form field gets what" side list: the form's own field (i18n key) ← our report field. */
export interface FormField {
  /** i18n key naming the form's field, e.g. report_ff_incident_date. */
  label: string;
  /** Which part of the prepared text fills it. */
  from: 'category' | 'date-mdy' | 'date' | 'platform' | 'url' | 'otherPerson' | 'facts' | 'actionsTaken' | 'child' | 'reporter' | 'publicContent';
}

export interface Destination {
  id: DestinationId;
  /** The service's own name, in English and French (also `report_dest_<id>_name` in the locales). */
  name: { en: string; fr: string };
  /** Regions where it is offered. 'qc' also receives every 'ca' destination (see destinationsFor). */
  regions: readonly Region[];
  /** A Canadian row that Québec does not inherit (Québec has its own line, e.g. the DPJ for child welfare). */
  notInQc?: boolean;
  /** Provinces (rest of Canada) or DPJ regions it serves when not the whole region; its channels carry `area`. */
  areas?: readonly (DpjRegion | Province)[];
  channels: readonly Channel[];
  /** Categories it is suggested for; others still list it under "other services" for the region. */
  categories: readonly Category[];
  /** Only suggested when its scope condition holds. 'public-or-stranger': public content, or a stranger in private messages. */
  condition?: 'public-content' | 'platform-reported' | 'public-or-stranger';
  /** Only suggested when the other person is one of these (e.g. the LADO: staff allegations). */
  otherKinds?: readonly OtherKind[];
  /** Also suggested, whatever the category, when the other person is staff (allegations against staff). */
  staff?: boolean;
  /** Checklist of the official form's own fields (web forms only). */
  formFields?: readonly FormField[];
  /** A warning shown with it (i18n key), e.g. "not anonymous". */
  warning?: string;
  /** When it answers (a channel's own `hours` wins). */
  hours: Hours;
  /** What to do outside its hours (i18n key). Required when the hours are not 'always'. */
  outOfHours?: string;
  /** Who it is for: ages (inclusive) and the kind of harm, in plain English (documentation; the UI uses the scope key). */
  audience: { minAge?: number; maxAge?: number; harms: string };
  /** No single national contact: i18n key saying where the school's documents name it. */
  local?: string;
  /** A phone call to this service: show the short prompt list (what to have ready). */
  callPrompts?: boolean;
  /** Where the facts were read, and when (YYYY-MM-DD). */
  source: string;
  checked: string;
  /** A fact not confirmed: said in docs and on the card ("check"). */
  check?: string;
}

/** A row of the table: its id is one utils/settings/destination-ids.ts knows (a typo does not compile). */
export type DestinationRow = Destination & { id: ServiceId };

/** Emergency numbers, always shown first (reporting.md §6 "All / Emergency"). */
export interface EmergencyNumber {
  number: string;
  /** i18n key: what the number is (police, European emergency number, SMS for deaf people…). */
  label: string;
  sms?: boolean;
}
