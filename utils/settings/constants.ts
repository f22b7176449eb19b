/**
 * Setting names and the values of the two settings every page needs first (language, region), without zod: the
 * popup reads them before drawing its first word (utils/settings/language.ts). schema.ts builds the zod schema from
 * these and re-exports them; tests/unit/policy/language-fast.test.ts checks both agree.
 */
export const LANGUAGES = ['auto', 'fr', 'en'] as const;
export const REGIONS = ['qc', 'ca', 'fr', 'uk', 'other'] as const;
export type Region = (typeof REGIONS)[number];

/** Every settings key, in schema order (the lock list of a policy may name only these). */
export const SETTING_KEY_NAMES = [
  'language',
  'region',
  'organisationName',
  'lead',
  'schoolHours',
  'schoolDomains',
  'studentDomains',
  'approvedChannels',
  'selfHostedOrigins',
  'disabledPlatforms',
  'disabledChecks',
  'disabledFeatures',
  'enabledDestinations',
  'dpjRegion',
  'province',
  'alternateLead',
  'minScoreAlert',
  'confirmationMaxAgeDays',
  'outOfHoursMode',
  'sharedComputer',
] as const;
