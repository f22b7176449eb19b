import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_FIELDS, POLICY_KEYS, PolicySchema, type PolicyKey } from '../../../utils/settings/policy/schema';
import { validatePolicy } from '../../../utils/settings/policy/validate';
import { resolveSettings } from '../../../utils/settings/effective';
import { DEFAULT_SETTINGS, SETTING_KEYS, SettingsSchema } from '../../../utils/settings/schema';
import sample from '../../../docs/policies/policy-values.json';

const layer = (raw: unknown) => {
  const v = validatePolicy(raw);
  return { values: v.values, locked: v.locked, problems: v.problems.map((p) => p.detail) };
};

describe('validatePolicy: each key on its own', () => {
  it('an absent or empty policy is normal: nothing applied, nothing reported', () => {
    for (const raw of [undefined, null, {}]) expect(validatePolicy(raw)).toEqual({ values: {}, locked: [], problems: [] });
  });

  it('applies the documented sample in full, with its locks', () => {
    const v = validatePolicy(sample);
    expect(v.problems).toEqual([]);
    const { lockedSettings, ...values } = sample;
    expect(v.values).toEqual(values);
    expect(v.locked).toEqual(lockedSettings);
  });

  it('ignores invalid values one by one and keeps the rest', () => {
    const v = validatePolicy({
      organisationName: 'École A',
      minScoreAlert: 150, // over 100
      schoolHours: { ...DEFAULT_SETTINGS.schoolHours, timeZone: 'Mars/Olympus_Mons' }, // not a time zone
      lead: { name: 'Lead', email: 'lead@ecole.qc.ca', phone: '', formUrl: '' },
      region: 'qc',
    });
    expect(v.values).toEqual({ organisationName: 'École A', region: 'qc', lead: { name: 'Lead', email: 'lead@ecole.qc.ca', phone: '', formUrl: '' } });
    expect(v.problems.map((p) => [p.key, p.kind])).toEqual([
      ['minScoreAlert', 'invalid'],
      ['schoolHours', 'invalid'],
    ]);
    expect(v.problems[1].detail).toContain('schoolHours.timeZone');
  });

  it('is stricter than a teacher value where a school-wide typo would hurt: e-mail, https form, time ranges', () => {
    const lead = { name: 'L', email: 'not-an-address', phone: '', formUrl: '' };
    expect(validatePolicy({ lead }).problems[0]).toMatchObject({ key: 'lead', detail: expect.stringContaining('lead.email') });
    expect(validatePolicy({ lead: { ...lead, email: '', formUrl: 'http://ecole.qc.ca/form' } }).problems[0].detail).toContain('lead.formUrl');
    const backwards = { ...DEFAULT_SETTINGS.schoolHours, days: { ...DEFAULT_SETTINGS.schoolHours.days, mon: [{ start: '16:00', end: '08:00' }] } };
    expect(validatePolicy({ schoolHours: backwards }).values).toEqual({});
  });

  it('lists unknown keys and never applies them (only allowlisted keys)', () => {
    const v = validatePolicy({ organizationName: 'typo', __proto__x: 1, region: 'fr' });
    expect(v.values).toEqual({ region: 'fr' });
    expect(v.problems.filter((p) => p.kind === 'unknown').map((p) => p.key)).toEqual(['organizationName', '__proto__x']);
  });

  // Changed for issue 18: this test used to expect the whole lock list dropped for one typo, which unlocked
  // everything (fail open). A typo now never unlocks the other entries.
  it('a lock list with an unknown key keeps its good entries and names the bad one', () => {
    const v = validatePolicy({ region: 'qc', lockedSettings: ['region', 'colour'] });
    expect(v.locked).toEqual(['region']);
    expect(v.problems).toEqual([{ key: 'lockedSettings', kind: 'entries', entries: ['"colour"'], detail: expect.stringContaining('"colour"') }]);
  });

  it('a policy that is not an object is reported, not thrown', () => {
    for (const raw of ['x', 42, [1, 2], true]) expect(validatePolicy(raw).problems[0]?.kind).toBe('not-an-object');
  });
});

describe('resolveSettings: defaults → policy → teacher where not locked', () => {
  it('the teacher overrides an unlocked policy value but not a locked one; their stored value is kept', () => {
    const policy = layer({ region: 'qc', minScoreAlert: 70, lockedSettings: ['region'] });
    const user = { region: 'fr', minScoreAlert: 50 };
    const eff = resolveSettings(policy, user);
    expect(eff.settings.region).toBe('qc');
    expect(eff.source.region).toBe('policy');
    expect(eff.settings.minScoreAlert).toBe(50);
    expect(eff.source.minScoreAlert).toBe('user');
    expect(eff.locked).toEqual(['region']);
    expect(user.region).toBe('fr');
  });

  it('a locked key without a policy value keeps the default and still ignores the teacher', () => {
    const eff = resolveSettings(layer({ lockedSettings: ['disabledChecks'] }), { disabledChecks: ['passcode'] });
    expect(eff.settings.disabledChecks).toEqual([]);
  });
});

/** Arbitrary policies: mostly the right keys with random values (and a few valid ones), plus anything at all. */
const valid = fc.constantFrom(...(Object.entries(sample) as [string, unknown][]));
const randomValue = fc.oneof(fc.anything(), fc.jsonValue(), fc.array(fc.string()), fc.integer({ min: -10, max: 200 }));
const policyLike = fc.oneof(
  fc.dictionary(fc.constantFrom(...POLICY_KEYS, 'unknownKey', 'constructor', '__proto__'), randomValue),
  fc.array(fc.oneof(valid, fc.tuple(fc.constantFrom(...POLICY_KEYS), randomValue))).map((pairs) => Object.fromEntries(pairs)),
  fc.anything(),
);

describe('fuzz: random policy objects', () => {
  it('never throws and never applies an invalid value', () => {
    fc.assert(
      fc.property(policyLike, fc.option(fc.dictionary(fc.constantFrom(...SETTING_KEYS), randomValue)), (raw, user) => {
        const v = validatePolicy(raw);
        for (const [key, value] of Object.entries(v.values)) {
          expect(POLICY_FIELDS[key as PolicyKey].safeParse(value).success).toBe(true);
          // A value valid as written is applied as written (lists may lose bad entries, domains are normalised).
          const rawValue = (raw as Record<string, unknown>)[key];
          if (POLICY_FIELDS[key as PolicyKey].safeParse(rawValue).success) expect(value).toEqual(POLICY_FIELDS[key as PolicyKey].parse(rawValue));
        }
        for (const key of v.locked) expect(SETTING_KEYS).toContain(key);
        const eff = resolveSettings({ values: v.values, locked: v.locked, problems: [] }, user);
        expect(SettingsSchema.safeParse(eff.settings).success).toBe(true);
        // Every key of the raw object is accounted for: applied, a lock list, or a problem.
        if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
          for (const key of Object.keys(raw)) {
            const applied = key in v.values || key === 'lockedSettings';
            expect(applied || v.problems.some((p) => p.key === key)).toBe(true);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('the whole-object schema agrees with the per-key validation on valid policies', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(sample)), (keys) => {
        const raw = Object.fromEntries(keys.map((k) => [k, (sample as Record<string, unknown>)[k]]));
        expect(PolicySchema.safeParse(raw).success).toBe(true);
        expect(validatePolicy(raw).problems).toEqual([]);
      }),
    );
  });
});
