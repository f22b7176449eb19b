import { describe, expect, it } from 'vitest';
import { skipReason } from '../../scripts/lib/skip';

// A suite that cannot run here and says why, as the policy suites do when /etc is not writable.
const why = skipReason('tests/meta/skip.fixture.ts', 'cannot write /etc/chromium/policies/managed (not root)');
describe.skipIf(!!why)('a real-browser policy suite', () => {
  it('applies the policy', () => expect(true).toBe(true));
  it('shows the lock', () => expect(true).toBe(true));
});
it('a test that runs', () => expect(1 + 1).toBe(2));
