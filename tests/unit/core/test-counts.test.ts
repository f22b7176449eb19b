import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countVitest, type VitestJson } from '../../../scripts/lib/vitest-counts';

/**
 * `npm test`'s closing line counts what really happened. Real vitest runs on the files in tests/meta/ (a suite whose
 * beforeAll crashes, a suite that skips and says why, a file that fails to load), and its real JSON report goes
 * through the same counting scripts/test-all.ts uses. Expected counts are written by hand from those files.
 */
const dir = mkdtempSync(join(tmpdir(), 'vigie-counts-'));
const skips = join(dir, 'skips.jsonl');
const config = join(dir, 'vitest.config.mjs');
writeFileSync(config, `export default { test: { include: ['tests/meta/*.fixture.ts'], environment: 'node', root: ${JSON.stringify(process.cwd())} } };`);
const reportPath = join(dir, 'report.json');
spawnSync('npx', ['vitest', 'run', '-c', config, '--reporter=json', `--outputFile.json=${reportPath}`], { env: { ...process.env, VIGIE_SKIPS_FILE: skips, CI: '' }, encoding: 'utf8', timeout: 120_000 });
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as VitestJson;
const reasons = new Map(readFileSync(skips, 'utf8').split('\n').filter(Boolean).map((l) => {
  const { file, why } = JSON.parse(l) as { file: string; why: string };
  return [file, why] as const;
}));
const cwd = process.cwd();

describe('npm test counts skips and crashes', () => {
  it('outside CI: a crashed suite counts its 3 planned tests as failed, a load error counts 1, skips are counted with their reason', () => {
    const r = countVitest('meta', report, { reasons, ci: false, allowed: {}, cwd });
    expect({ passed: r.passed, failed: r.failed, skipped: r.skipped }).toEqual({ passed: 1, failed: 4, skipped: 2 });
    expect(r.notes.join('\n')).toContain('tests/meta/crash.fixture.ts: crashed, 3 planned test(s) counted as failed');
    expect(r.notes.join('\n')).toContain('tests/meta/load-error.fixture.ts: crashed, 1 planned test(s) counted as failed');
    expect(r.notes.join('\n')).toContain('tests/meta/skip.fixture.ts: 2 skipped (cannot write /etc/chromium/policies/managed (not root))');
  });

  it('in CI: a skip that is not allow-listed is a failure; an allow-listed one stays a skip, with its documented reason', () => {
    const strict = countVitest('meta', report, { reasons, ci: true, allowed: {}, cwd });
    expect({ passed: strict.passed, failed: strict.failed, skipped: strict.skipped }).toEqual({ passed: 1, failed: 6, skipped: 0 });
    expect(strict.notes.join('\n')).toContain('2 skipped in CI and not in scripts/skip-allowlist.json, counted as failed');
    const allowed = countVitest('meta', report, { reasons, ci: true, allowed: { 'tests/meta/skip.fixture.ts': 'no policy directory on this runner' }, cwd });
    expect({ failed: allowed.failed, skipped: allowed.skipped }).toEqual({ failed: 4, skipped: 2 });
  });

  it('a report with no test is a failure, not a green line', () => {
    expect(countVitest('empty', { testResults: [] }, { reasons: new Map(), ci: false, allowed: {}, cwd })).toMatchObject({ passed: 0, failed: 1, notes: ['no test ran'] });
  });

  it('the allow-list is empty: no real-browser suite may skip in CI today', () => {
    expect(JSON.parse(readFileSync('scripts/skip-allowlist.json', 'utf8'))).toEqual({});
  });
});
