import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * An aborted policy run leaves its file behind (issue 20): the next run removes it at start, but only files that an
 * earlier test run of ours wrote and whose process is gone. A school's real policy, or a live run's file, stays.
 */
const root = mkdtempSync(join(tmpdir(), 'vigie-stale-'));
const chromeDir = join(root, 'managed');
const firefoxFile = join(root, 'firefox', 'policies.json');
vi.stubEnv('VIGIE_CHROMIUM_POLICY_DIR', chromeDir);
vi.stubEnv('VIGIE_FIREFOX_POLICY_FILE', firefoxFile);
const { clearStaleTestPolicies } = await import('../../../scripts/lib/policy');

const DEAD = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
const write = (path: string, value: unknown) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
};

describe('stale test policies', () => {
  it('removes a dead run’s Chromium file and Firefox policies.json, keeps a live run’s file and anything else', () => {
    write(join(chromeDir, `vigie-e2e-${DEAD}.json`), { '3rdparty': {} });
    write(join(chromeDir, `vigie-e2e-${process.pid}.json`), { '3rdparty': {} });
    write(join(chromeDir, 'school.json'), { ExtensionSettings: {} });
    write(firefoxFile, { policies: { '3rdparty': { Extensions: { [`vigie-policy-test-${DEAD}@vigie-education.org`]: { region: 'qc' } } } } });
    expect(clearStaleTestPolicies().sort()).toEqual([join(chromeDir, `vigie-e2e-${DEAD}.json`), firefoxFile].sort());
    expect(existsSync(join(chromeDir, `vigie-e2e-${process.pid}.json`))).toBe(true);
    expect(existsSync(join(chromeDir, 'school.json'))).toBe(true);
  });

  it('never removes a Firefox policies.json that holds anything but our test ids', () => {
    const school = { policies: { DisableTelemetry: true, '3rdparty': { Extensions: { [`vigie-policy-test-${DEAD}@vigie-education.org`]: {} } } } };
    write(firefoxFile, school);
    expect(clearStaleTestPolicies()).toEqual([]);
    expect(JSON.parse(readFileSync(firefoxFile, 'utf8'))).toEqual(school);
    write(firefoxFile, { policies: { '3rdparty': { Extensions: { 'vigie@vigie-education.org': { region: 'fr' } } } } });
    expect(clearStaleTestPolicies()).toEqual([]);
  });
});
