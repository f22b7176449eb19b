import type { Region } from './constants';

/**
 * Where a teacher probably teaches, from the browser's languages and time zone, before any setting exists
 * (issue 15: a fresh profile must reach a real service without opening the options). Pure, no zod, no browser
 * API: callers pass what they read (navigator.languages, Intl). The answer is only a default: the welcome page
 * and the report's "Where to send" step show it pre-selected, and the teacher or the school's policy decides.
 *
 * Rules (a time zone says where the machine is; a language says where its owner comes from):
 * - A time zone that belongs to one of Vigie's regions decides: America/Montreal → Québec; another Canadian zone →
 *   the rest of Canada, with its province; Europe/Paris (and the overseas departments) → France; Europe/London →
 *   the UK. America/Toronto is shared by Ontario and most of Québec: a French language makes it Québec.
 * - Otherwise (UTC, a zone outside Vigie's regions, no zone), the first language with a country decides:
 *   fr-CA → Québec, en-CA → the rest of Canada, fr-FR → France, en-GB → the UK.
 * - Otherwise 'other': the report then lists every region's services, grouped by country.
 */

/** Canadian provinces and territories, ISO 3166-2:CA subdivision codes. */
export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type Province = (typeof PROVINCES)[number];

export interface RegionGuess {
  region: Region;
  /** For Canada outside Québec, the province the time zone points to (PEI shares Nova Scotia's zone: NS). */
  province?: Province;
  /** What the guess rests on ('none': nothing known, region is 'other'). */
  from: 'time-zone' | 'language' | 'both' | 'none';
}

/**
 * IANA zones (and their old aliases, which some systems still report) → region and province. America/Toronto is
 * resolved with the language (see above).
 */
const ZONES: Readonly<Record<string, { region: Region; province?: Province }>> = {
  'America/Montreal': { region: 'qc', province: 'QC' },
  'America/Blanc-Sablon': { region: 'qc', province: 'QC' },
  'America/Toronto': { region: 'ca', province: 'ON' },
  'Canada/Eastern': { region: 'ca', province: 'ON' },
  'America/Nipigon': { region: 'ca', province: 'ON' },
  'America/Thunder_Bay': { region: 'ca', province: 'ON' },
  'America/Rainy_River': { region: 'ca', province: 'ON' },
  'America/Atikokan': { region: 'ca', province: 'ON' },
  'America/Coral_Harbour': { region: 'ca', province: 'NU' },
  'America/Winnipeg': { region: 'ca', province: 'MB' },
  'Canada/Central': { region: 'ca', province: 'MB' },
  'America/Regina': { region: 'ca', province: 'SK' },
  'America/Swift_Current': { region: 'ca', province: 'SK' },
  'Canada/Saskatchewan': { region: 'ca', province: 'SK' },
  'America/Edmonton': { region: 'ca', province: 'AB' },
  'Canada/Mountain': { region: 'ca', province: 'AB' },
  'America/Vancouver': { region: 'ca', province: 'BC' },
  'America/Dawson_Creek': { region: 'ca', province: 'BC' },
  'America/Fort_Nelson': { region: 'ca', province: 'BC' },
  'America/Creston': { region: 'ca', province: 'BC' },
  'Canada/Pacific': { region: 'ca', province: 'BC' },
  'America/Halifax': { region: 'ca', province: 'NS' },
  'America/Glace_Bay': { region: 'ca', province: 'NS' },
  'Canada/Atlantic': { region: 'ca', province: 'NS' },
  'America/Moncton': { region: 'ca', province: 'NB' },
  'America/Goose_Bay': { region: 'ca', province: 'NL' },
  'America/St_Johns': { region: 'ca', province: 'NL' },
  'Canada/Newfoundland': { region: 'ca', province: 'NL' },
  'America/Whitehorse': { region: 'ca', province: 'YT' },
  'America/Dawson': { region: 'ca', province: 'YT' },
  'Canada/Yukon': { region: 'ca', province: 'YT' },
  'America/Yellowknife': { region: 'ca', province: 'NT' },
  'America/Inuvik': { region: 'ca', province: 'NT' },
  'America/Iqaluit': { region: 'ca', province: 'NU' },
  'America/Pangnirtung': { region: 'ca', province: 'NU' },
  'America/Rankin_Inlet': { region: 'ca', province: 'NU' },
  'America/Resolute': { region: 'ca', province: 'NU' },
  'America/Cambridge_Bay': { region: 'ca', province: 'NU' },
  'Europe/Paris': { region: 'fr' },
  // The overseas departments, where 119 and 3018 answer as in mainland France.
  'America/Guadeloupe': { region: 'fr' },
  'America/Martinique': { region: 'fr' },
  'America/Cayenne': { region: 'fr' },
  'Indian/Reunion': { region: 'fr' },
  'Indian/Mayotte': { region: 'fr' },
  'Europe/London': { region: 'uk' },
  'Europe/Belfast': { region: 'uk' },
  GB: { region: 'uk' },
  'GB-Eire': { region: 'uk' },
};

/** A language tag's country → region. Only tags with a country count: plain "fr" or "en" says nothing. */
function regionOfLanguage(tag: string): Region | null {
  const m = /^([a-z]{2,3})[-_]([a-z]{2})\b/i.exec(tag.trim());
  if (!m) return null;
  const lang = m[1].toLowerCase();
  const country = m[2].toUpperCase();
  if (country === 'CA') return lang === 'fr' ? 'qc' : 'ca';
  if (country === 'FR') return 'fr';
  if (country === 'GB') return 'uk';
  return null;
}

const isFrench = (tag: string) => /^fr\b/i.test(tag.trim());

export function inferRegion(input: { languages?: readonly unknown[]; timeZone?: unknown }): RegionGuess {
  const languages = (Array.isArray(input.languages) ? input.languages : []).filter((l): l is string => typeof l === 'string' && l.length > 0 && l.length < 40);
  const zone = typeof input.timeZone === 'string' ? ZONES[input.timeZone] : undefined;
  const byLanguage = languages.map(regionOfLanguage).find((r): r is Region => r !== null) ?? null;
  if (zone) {
    // Toronto's zone covers most of Québec too: French makes it Québec.
    const region: Region = input.timeZone === 'America/Toronto' && languages[0] && isFrench(languages[0]) ? 'qc' : zone.region;
    const guess: RegionGuess = { region, from: byLanguage === region ? 'both' : 'time-zone' };
    if (region === 'ca' && zone.province) guess.province = zone.province;
    return guess;
  }
  if (byLanguage) return { region: byLanguage, from: 'language' };
  return { region: 'other', from: 'none' };
}

/**
 * The browser's own IANA time zone, the default for school hours (a Paris teacher's 9:00 is Paris time). The
 * boundaries code (utils/boundaries/schedule.ts) and the settings defaults both use this one function. When the
 * browser gives no usable zone (never seen, but Intl may be stubbed), UTC: a known zone, shown in the options so
 * the teacher can correct it.
 */
export function browserTimeZone(read: () => unknown = () => Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  try {
    const zone = read();
    if (typeof zone === 'string' && zone.length > 0 && zone.length <= 64) {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone;
    }
  } catch {
    // RangeError: not a zone this engine knows; fall through.
  }
  return 'UTC';
}

/** The browser's languages, best first (navigator.languages in pages and service workers). Never throws. */
export function browserLanguages(): string[] {
  try {
    const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
    const list = nav?.languages?.length ? [...nav.languages] : nav?.language ? [nav.language] : [];
    return list.filter((l) => typeof l === 'string');
  } catch {
    return [];
  }
}

/** The region guess for this browser, as the settings default. */
export function browserRegion(): RegionGuess {
  return inferRegion({ languages: browserLanguages(), timeZone: browserTimeZone() });
}
