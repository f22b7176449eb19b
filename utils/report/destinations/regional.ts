import type { Region } from '../../settings/schema';
import type { Category } from '../types';
import type { EmergencyNumber } from './schema';

/** Per-region tables beside the rows: emergency numbers, the legal note, the staff-allegation steps, the known gaps. */

const ALL: readonly Category[] = ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'hate', 'self-harm', 'adult-misconduct', 'other'];

export const EMERGENCY: Readonly<Record<Region, readonly EmergencyNumber[]>> = {
  qc: [{ number: '911', label: 'report_em_911' }],
  ca: [{ number: '911', label: 'report_em_911' }],
  fr: [
    { number: '17', label: 'report_em_17' },
    { number: '15', label: 'report_em_15' },
    { number: '112', label: 'report_em_112' },
    { number: '114', label: 'report_em_114', sms: true },
  ],
  uk: [
    { number: '999', label: 'report_em_999' },
    { number: '112', label: 'report_em_112' },
  ],
  // Region not set: the numbers for every region Vigie knows, each labelled with where it works.
  other: [
    { number: '112', label: 'report_em_112' },
    { number: '911', label: 'report_em_911' },
    { number: '999', label: 'report_em_999' },
  ],
};

/** Where the emergency numbers were checked (same rules as the rows). */
export const EMERGENCY_SOURCE = { source: 'https://www.service-public.fr/particuliers/vosdroits/F33954 ; https://www.ceop.police.uk/ceop-reporting/ ; https://www.alberta.ca/how-to-help-and-report-child-abuse-neglect-and-sexual-exploitation', checked: '2026-12-02' };

/** Per-region legal note: who else the teacher must tell by law (reporting.md §5). i18n key. */
export const DUTY_NOTE: Readonly<Record<Region, string>> = {
  qc: 'report_duty_qc',
  ca: 'report_duty_ca',
  fr: 'report_duty_fr',
  uk: 'report_duty_uk',
  other: 'report_duty_other',
};

/**
 * When the other person is a member of staff: who is told, in order, per region (i18n keys). The school's lead
 * (or the second contact when the lead may be the person concerned) comes first in every region.
 */
export const STAFF_STEPS: Readonly<Record<Region, readonly string[]>> = {
  uk: ['report_staff_uk_1', 'report_staff_uk_2'],
  qc: ['report_staff_qc_1', 'report_staff_qc_2'],
  fr: ['report_staff_fr_1', 'report_staff_fr_2'],
  ca: ['report_staff_ca_1', 'report_staff_ca_2'],
  other: ['report_staff_other_1'],
};

/**
 * Region × category pairs with no outside service, each with the reason shown instead (i18n key). A test fails
 * when a pair has no suggested service and is not listed here.
 */
export const GAPS: Readonly<Partial<Record<Region, Partial<Record<Category, string>>>>> = {
  // Canada: hate and threats between people go to the police (911 if danger, the local police otherwise); no national line.
  ca: { threats: 'report_gap_police_local', hate: 'report_gap_police_local' },
  qc: { hate: 'report_gap_police_local' },
  other: Object.fromEntries(ALL.map((c) => [c, 'report_gap_no_region'])) as Record<Category, string>,
};

export { ALL as ALL_CATEGORIES };
