import { DEFAULT_SETTINGS, SETTING_KEYS, SettingsSchema, type SettingKey, type Settings } from './schema';
import { policyNotices } from './policy/notice';
import { getPolicy, type PolicyOrigin } from './policy/read';
import { userSettingsItem } from '../storage';

export interface EffectiveSettings {
  settings: Settings;
  /** Keys the school's policy sets and locks: shown as locked in the options page. */
  locked: SettingKey[];
  /** Where each non-default value came from. */
  source: Partial<Record<SettingKey, 'policy' | 'user'>>;
  /** Human-readable problems found in the policy or in stored values (shown on the options page). */
  problems: string[];
  /** Where the school's policy came from: managed storage now, its last good copy, or none (utils/settings/policy/read.ts). */
  policy?: { origin: PolicyOrigin; readAt?: string };
}

export function validateLayer(raw: unknown, layer: string): { values: Partial<Settings>; problems: string[] } {
  const values: Partial<Settings> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { values, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { values, problems: [`${layer}: not an object`] };
  const shape = SettingsSchema.shape;
  for (const [key, value] of Object.entries(raw)) {
    if (!(SETTING_KEYS as string[]).includes(key)) continue;
    const parsed = shape[key as SettingKey].safeParse(value);
    if (parsed.success) (values as Record<string, unknown>)[key] = parsed.data;
    else problems.push(`${layer}: ${key} is invalid (${parsed.error.issues[0]?.message ?? 'bad value'})`);
  }
  return { values, problems };
}

/**
 * Resolve defaults → policy → user. `policy` is the validated managed layer with its lock list
 * (utils/settings/policy/ provides it; absent policy is normal).
 */
export function resolveSettings(policy: { values: Partial<Settings>; locked: SettingKey[]; problems: string[] }, userRaw: unknown): EffectiveSettings {
  const user = validateLayer(userRaw, 'your settings');
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const source: EffectiveSettings['source'] = {};
  for (const key of SETTING_KEYS) {
    if (key in policy.values) {
      (settings as Record<string, unknown>)[key] = policy.values[key];
      source[key] = 'policy';
    }
    if (key in user.values && !policy.locked.includes(key)) {
      (settings as Record<string, unknown>)[key] = user.values[key];
      source[key] = 'user';
    }
  }
  return { settings, locked: policy.locked, source, problems: [...policy.problems, ...user.problems] };
}

/** Default policy layer until utils/settings/policy/ is wired: no policy. */
export const NO_POLICY = { values: {}, locked: [] as SettingKey[], problems: [] as string[] };

export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  const policy = await getPolicy();
  const resolved = resolveSettings({ values: policy.values, locked: policy.locked, problems: policyNotices(policy.problems) }, await userSettingsItem.getValue());
  return { ...resolved, policy: { origin: policy.origin, readAt: policy.readAt } };
}
