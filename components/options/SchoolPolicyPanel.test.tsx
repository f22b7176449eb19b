import { describe, expect, it } from 'vitest';
import { policyRows } from './SchoolPolicyPanel';
import { validatePolicy } from '../../utils/settings/policy/validate';
import { resolveSettings } from '../../utils/settings/effective';
import { POLICY_KEYS } from '../../utils/settings/policy/schema';

describe('School policy panel rows', () => {
  it('one row per expected key, then unknown keys; delivered, status, reason and effective value', () => {
    const raw = { region: 'qc', disabledChecks: ['passcode', 'colour'], minScoreAlert: 150, lockedSettings: ['region', 'nope'], organizationName: 'typo' };
    const v = validatePolicy(raw);
    const eff = resolveSettings({ values: v.values, locked: v.locked, problems: [] }, { minScoreAlert: 40 });
    const rows = policyRows({ raw, problems: v.problems, locked: v.locked }, eff);
    expect(rows.map((r) => r.key)).toEqual([...POLICY_KEYS, 'organizationName']);
    const row = (k: string) => rows.find((r) => r.key === k)!;
    expect(row('region')).toMatchObject({ status: 'applied', delivered: 'qc', effective: 'qc', source: 'policy', locked: true });
    expect(row('disabledChecks')).toMatchObject({ status: 'entries', delivered: ['passcode', 'colour'], effective: ['passcode'], detail: expect.stringContaining('"colour"') });
    expect(row('minScoreAlert')).toMatchObject({ status: 'invalid', delivered: 150, effective: 40, source: 'user' });
    expect(row('lockedSettings')).toMatchObject({ status: 'entries', effective: ['region'] });
    expect(row('language')).toMatchObject({ status: 'unset', delivered: undefined, effective: 'auto', source: 'default' });
    expect(row('organizationName')).toMatchObject({ status: 'unknown', delivered: 'typo' });
  });
});
