import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LANGUAGES, REGIONS, SETTING_KEY_NAMES } from '../../../utils/settings/constants';
import { getLanguageSettings, resolveLanguage } from '../../../utils/settings/language';
import { SETTING_KEYS } from '../../../utils/settings/schema';
import { resolveSettings } from '../../../utils/settings/effective';
import { userSettingsItem, policyCacheItem } from '../../../utils/storage';
import { validatePolicy } from '../../../utils/settings/policy/validate';

/**
 * The popup reads language and region without zod (utils/settings/language.ts). It must agree with the full
 * resolution (validatePolicy + resolveSettings) on any input, including junk, or the popup would speak another
 * language than the options page.
 */
/** The policy layer exactly as getEffectiveSettings() hands it to resolveSettings (problems become notices). */
const layerOf = (raw: unknown) => {
  const p = validatePolicy(raw);
  return { values: p.values, locked: p.locked, problems: [] as string[] };
};
const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.constant(['fr']), fc.object());
const language = fc.oneof(fc.constantFrom(...LANGUAGES), fc.constantFrom('FR', 'de', ''), junk);
const region = fc.oneof(fc.constantFrom(...REGIONS), fc.constantFrom('QC', 'be', ''), junk);
const locks = fc.oneof(
  fc.subarray([...SETTING_KEY_NAMES]),
  fc.array(fc.constantFrom('language', 'region', 'nope', 'lead')),
  fc.array(fc.constantFrom(...SETTING_KEY_NAMES), { minLength: 16, maxLength: 20 }), // repeats: deduplicated
  fc.constantFrom('["language"]', '["region","nope"]', 'region', '[oops'), // registry strings
  junk,
);
const layer = (withLocks: boolean) =>
  fc.oneof(
    fc.record({ language, region, ...(withLocks ? { lockedSettings: locks } : {}) }, { requiredKeys: [] }),
    junk,
  );

describe('fast language read (popup) agrees with the full settings resolution', () => {
  it('has the same key list as the schema', () => {
    expect([...SETTING_KEY_NAMES]).toEqual(SETTING_KEYS);
  });

  it('on random and junk policies and teacher settings', () => {
    fc.assert(
      fc.property(layer(true), layer(false), (policy, user) => {
        const full = resolveSettings(layerOf(policy), user).settings;
        expect(resolveLanguage(policy, user)).toEqual({ language: full.language, region: full.region });
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['policy sets, teacher overrides (not locked)', { language: 'fr', region: 'qc' }, { language: 'en' }, { language: 'en', region: 'qc' }],
    ['policy locks the language', { language: 'fr', lockedSettings: ['language'] }, { language: 'en', region: 'uk' }, { language: 'fr', region: 'uk' }],
    // Fail closed (issue 18): a typo never unlocks the other entries.
    ['a lock list with a typo keeps its good entries', { language: 'fr', lockedSettings: ['language', 'langauge'] }, { language: 'en' }, { language: 'fr', region: 'other' }],
    ['a lock list with no readable entry locks what the policy sets', { language: 'fr', lockedSettings: ['langauge'] }, { language: 'en', region: 'uk' }, { language: 'fr', region: 'uk' }],
    ['a lock list written as a JSON string (Windows registry, Firefox) is read as Chrome reads it', { region: 'qc', lockedSettings: '["region"]' }, { region: 'fr' }, { language: 'auto', region: 'qc' }],
  ])('%s', (_name, policy, user, expected) => {
    expect(resolveLanguage(policy, user)).toEqual(expected);
    const full = resolveSettings(layerOf(policy), user).settings;
    expect({ language: full.language, region: full.region }).toEqual(expected);
  });

  it('reads managed storage and the teacher’s settings; uses the last good copy when the browser fails to answer', async () => {
    await fakeBrowser.storage.managed.set({ language: 'fr', region: 'qc', lockedSettings: ['language'] });
    await userSettingsItem.setValue({ language: 'en', region: 'fr' });
    expect(await getLanguageSettings()).toEqual({ language: 'fr', region: 'fr' });

    await policyCacheItem.setValue({ at: '2026-11-20T08:00:00Z', raw: { language: 'en', lockedSettings: ['language', 'region'], region: 'uk' } });
    const spy = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('IO error'));
    expect(await getLanguageSettings()).toEqual({ language: 'en', region: 'uk' });
    spy.mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await getLanguageSettings()).toEqual({ language: 'en', region: 'fr' }); // no policy at all: the teacher's choice
    spy.mockRestore();
  });
});
