import { z } from 'zod';
import { PLATFORM_IDS } from '../platforms/ids';
import { ITEM_IDS } from '../checklist/items';

/**
 * Vigie's settings, one schema for three layers: defaults → school policy (managed storage; only these keys,
 * each validated on its own) → the teacher's own choices (where the policy does not lock them).
 * utils/settings/effective.ts resolves the layers; utils/settings/policy/ reads and validates the managed layer.
 */

import { LANGUAGES, REGIONS, type Region } from './constants';
import { DPJ_REGIONS, PROVINCES } from './areas';
import { browserRegion, browserTimeZone } from './region-inference';

export { LANGUAGES, REGIONS, type Region };

export { PLATFORM_IDS } from '../platforms/ids';

export const FEATURES = ['meetingScore', 'socialBanner', 'outOfHours', 'contactDetails', 'incidentLog'] as const;
export type Feature = (typeof FEATURES)[number];

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const day = z.array(z.object({ start: time, end: time })).max(6);
const domain = z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'domain name');
const origin = z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'https origin');

export const SchoolHoursSchema = z.object({
  /** IANA time zone, e.g. America/Toronto. */
  timeZone: z.string().min(1).max(64),
  days: z.object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
  /** Holidays as YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD ranges. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/)).max(400),
});

export const LeadSchema = z.object({
  name: z.string().max(120),
  email: z.string().max(254),
  phone: z.string().max(40),
  formUrl: z.string().max(2048),
});

export const SettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  region: z.enum(REGIONS),
  organisationName: z.string().max(200),
  lead: LeadSchema,
  schoolHours: SchoolHoursSchema,
  schoolDomains: z.array(domain).max(50),
  studentDomains: z.array(domain).max(50),
  approvedChannels: z.array(z.string().max(2048)).max(100),
  /** A school's own Jitsi / BigBlueButton servers: each origin with its platform (see utils/platforms/self-hosted.ts). */
  selfHostedOrigins: z.array(z.object({ origin, platform: z.enum(['jitsi', 'bigbluebutton']) })).max(50),
  disabledPlatforms: z.array(z.enum(PLATFORM_IDS)),
  disabledChecks: z.array(z.enum(ITEM_IDS)),
  disabledFeatures: z.array(z.enum(FEATURES)),
  enabledDestinations: z.array(z.string().max(64)).max(50),
  /** Québec: the school's DPJ region ('' = list every region's line). */
  dpjRegion: z.enum(['', ...DPJ_REGIONS]),
  /** Rest of Canada: the province or territory, for its child-welfare line ('' = list every province's line). */
  province: z.enum(['', ...PROVINCES]),
  /** A second safeguarding contact, offered when the usual lead may be the person concerned (e.g. the chair of governors). */
  alternateLead: LeadSchema,
  /** Warn (badge turns attention-seeking) under this score; 0 = never. */
  minScoreAlert: z.number().int().min(0).max(100),
  /** A teacher's "I checked this" is asked again after this many days (issue 17). */
  confirmationMaxAgeDays: z.number().int().min(1).max(730),
  /** Out-of-hours mode: nudge (default) or ask for confirmation on send. */
  outOfHoursMode: z.enum(['nudge', 'confirm']),
  /** Shared computer mode (issue 23): no incident log at all; a draft is deleted when finished or left 4 hours. */
  sharedComputer: z.boolean(),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

const weekday = [{ start: '08:00', end: '16:30' }];

/**
 * Defaults, read once per page or worker: the region is guessed from the browser's languages and time zone
 * (utils/settings/region-inference.ts; 'other' only when nothing points anywhere), and school hours follow the
 * browser's own time zone. Both are only the bottom layer: the school's policy and the teacher's choices win.
 */
export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  region: browserRegion().region,
  organisationName: '',
  lead: { name: '', email: '', phone: '', formUrl: '' },
  schoolHours: { timeZone: browserTimeZone(), days: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] }, holidays: [] },
  schoolDomains: [],
  studentDomains: [],
  approvedChannels: [],
  selfHostedOrigins: [],
  disabledPlatforms: [],
  disabledChecks: [],
  disabledFeatures: [],
  enabledDestinations: [],
  dpjRegion: '',
  province: '',
  alternateLead: { name: '', email: '', phone: '', formUrl: '' },
  minScoreAlert: 0,
  confirmationMaxAgeDays: 90,
  outOfHoursMode: 'nudge',
  sharedComputer: false,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];
