import { beforeAll, describe, expect, it } from 'vitest';

// A suite whose setup crashes: its three tests never run. npm test must count them as failed, not as nothing.
describe('a suite whose beforeAll throws', () => {
  beforeAll(() => {
    throw new Error('browser did not start');
  });
  it('one', () => expect(1).toBe(1));
  it('two', () => expect(2).toBe(2));
  it('three', () => expect(3).toBe(3));
});
