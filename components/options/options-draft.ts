import { t } from '../../utils/i18n';
import { SettingsSchema, type SettingKey, type Settings } from '../../utils/settings/schema';

/** What the options form edits, and the checks run before anything is saved. */

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** The keys this page edits (others — self-hosted origins, policy-only keys — are edited elsewhere or untouched). */
export const EDITED: SettingKey[] = ['language', 'region', 'lead', 'schoolHours', 'disabledPlatforms', 'dpjRegion', 'province', 'alternateLead'];

export type Draft = Pick<Settings, 'language' | 'region' | 'lead' | 'schoolHours' | 'disabledPlatforms' | 'dpjRegion' | 'province' | 'alternateLead'>;
export type Errors = Partial<Record<string, string>>;

/**
 * Checks the words a teacher typed before anything is saved. Returns one message per bad field; nothing is
 * saved while any remain, and the typed values stay in the form (nothing lost).
 */
export function validateDraft(draft: Draft): Errors {
  const errors: Errors = {};
  const { lead, schoolHours } = draft;
  if (lead.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(lead.email.trim())) errors['lead.email'] = t('opt_error_email');
  if (lead.phone.trim() && !/^[+()\d][\d\s().-]{2,39}$/.test(lead.phone.trim())) errors['lead.phone'] = t('opt_error_phone');
  if (lead.formUrl.trim() && !/^https:\/\/[^\s]+$/i.test(lead.formUrl.trim())) errors['lead.formUrl'] = t('opt_error_url');
  // The second contact (when the lead may be the person concerned): same rules as the lead.
  const alt = draft.alternateLead ?? { name: '', email: '', phone: '', formUrl: '' };
  if (alt.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alt.email.trim())) errors['alternateLead.email'] = t('opt_error_email');
  if (alt.phone.trim() && !/^[+()\d][\d\s().-]{2,39}$/.test(alt.phone.trim())) errors['alternateLead.phone'] = t('opt_error_phone');
  if (!isTimeZone(schoolHours.timeZone)) errors.timeZone = t('opt_error_timezone');
  for (const day of DAYS) {
    for (const range of schoolHours.days[day]) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(range.start) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(range.end) || range.start >= range.end) {
        errors[`day.${day}`] = t('opt_error_hours');
      }
    }
  }
  for (const key of EDITED) {
    const parsed = SettingsSchema.shape[key].safeParse(draft[key as keyof Draft]);
    if (!parsed.success && !Object.keys(errors).length) errors.form = t('opt_error_generic');
  }
  return errors;
}

function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
