import { z } from 'zod';
import { SETTING_KEYS, SettingsSchema, type SettingKey, type Settings } from '../settings/schema';

/**
 * The school policy (managed storage): the teacher's settings keys, plus `lockedSettings`, which exists only here.
 * public/managed_schema.json mirrors this key for key (tests/unit/policy/managed-schema.test.ts checks it), and
 * docs/admin.md documents every key for administrators.
 *
 * A policy value is stricter than a stored teacher value in a few places, because nobody is there to see a typo
 * when an administrator pushes it to a whole school: the time zone must be one the browser knows, the lead's
 * e-mail must look like an address and the lead's form must be an https link.
 */

/** Keys an administrator may set. Everything else in managed storage is ignored (and listed as unknown). */
export const POLICY_KEYS = [...SETTING_KEYS, 'lockedSettings'] as const;
export type PolicyKey = SettingKey | 'lockedSettings';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const shape = SettingsSchema.shape;

/** Per-key policy validators. Keys follow SettingsSchema; stricter where a school-wide typo would hurt. */
export const POLICY_FIELDS: Record<PolicyKey, z.ZodType> = {
  ...(shape as unknown as Record<SettingKey, z.ZodType>),
  lead: shape.lead
    .refine((lead) => lead.email === '' || EMAIL.test(lead.email), { message: 'lead.email is not an e-mail address', path: ['email'] })
    .refine((lead) => lead.formUrl === '' || isHttpsUrl(lead.formUrl), { message: 'lead.formUrl is not an https:// link', path: ['formUrl'] }),
  alternateLead: shape.alternateLead
    .refine((lead) => lead.email === '' || EMAIL.test(lead.email), { message: 'alternateLead.email is not an e-mail address', path: ['email'] })
    .refine((lead) => lead.formUrl === '' || isHttpsUrl(lead.formUrl), { message: 'alternateLead.formUrl is not an https:// link', path: ['formUrl'] }),
  schoolHours: shape.schoolHours
    .refine((h) => isTimeZone(h.timeZone), { message: 'schoolHours.timeZone is not a time zone this browser knows', path: ['timeZone'] })
    .refine((h) => Object.values(h.days).every((ranges) => ranges.every((r) => r.start < r.end)), { message: 'a school-hours range ends before it starts', path: ['days'] }),
  lockedSettings: z.array(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]])).max(SETTING_KEYS.length),
};

/** The whole policy as one zod object (every key optional): used to validate the sample files in docs/policies/. */
export const PolicySchema = z.object(POLICY_FIELDS).partial().strict();
export type Policy = Partial<Settings> & { lockedSettings?: SettingKey[] };
