/**
 * `npm test`: everything, in order, on a fresh machine.
 *   browsers (installs Debian's chromium / firefox-esr with apt-get when missing and root, else says what to
 *   install) → typecheck → lint (ESLint) → unit (happy-dom) → build Chrome + Firefox → browser e2e (real Chromium, Firefox smoke)
 *   → web-ext lint → content-script size budget.
 * Ends with one line `N passed, N failed` totalling every suite (tests count one each; checks count one each).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBrowsers } from './lib/browsers';

const ART = '.vigie-artifacts';
mkdirSync(ART, { recursive: true });
const results: { suite: string; passed: number; failed: number; note?: string }[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(suite: string, ok: boolean, note?: string) {
  results.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note });
}

function vitest(suite: string, args: string[]) {
  const out = join(ART, `${suite}.json`);
  rmSync(out, { force: true });
  const code = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) return check(suite, false, `vitest exited ${code} without a report`);
  const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: { status: string; name: string; message?: string }[] };
  // A test file that fails to load counts as a failure even though it ran no test.
  const brokenFiles = r.testResults.filter((t) => t.status === 'failed' && t.message).length;
  results.push({ suite, passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTests === 0 ? brokenFiles : 0), note: code !== 0 && r.numFailedTests === 0 && !brokenFiles ? `exit ${code}` : undefined });
  if (code !== 0 && r.numFailedTests === 0 && !brokenFiles) results[results.length - 1].failed += 1;
}

const browsersOk = ensureBrowsers();
check('browsers', browsersOk);
check('typecheck', run('npx', ['tsc', '--noEmit']) === 0);
// ESLint: typescript-eslint plus no-unsanitized (no page data into HTML) and no eval in shipped code.
check('lint', run('npx', ['eslint', '.']) === 0);
vitest('unit', []);
const built = run('npx', ['wxt', 'build']) === 0 && run('npx', ['wxt', 'build', '-b', 'firefox']) === 0;
check('build', built);
if (built && browsersOk) vitest('browser-e2e', ['-c', 'vitest.e2e.config.ts']);
else check('browser-e2e', false, 'skipped: no build or no browsers');

if (built) {
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], { encoding: 'utf8' });
  try {
    const r = JSON.parse(lint.stdout) as { errors: { code: string; message: string }[]; warnings: { code: string; file?: string; message: string }[] };
    for (const w of r.warnings) process.stdout.write(`web-ext lint warning: ${w.code} ${w.file ?? ''} ${w.message}\n`);
    for (const e of r.errors) process.stdout.write(`web-ext lint ERROR: ${e.code} ${e.message}\n`);
    check('web-ext-lint', r.errors.length === 0, `${r.errors.length} errors, ${r.warnings.length} warnings`);
  } catch {
    check('web-ext-lint', false, 'could not parse web-ext lint output');
  }
  // Budget: every content script that runs on meeting/class pages ≤ 15 KB gzip.
  const dir = '.output/chrome-mv3/content-scripts';
  const sizes = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, gzipSync(readFileSync(join(dir, f))).length] as const);
  for (const [f, n] of sizes) process.stdout.write(`content script ${f}: ${(n / 1024).toFixed(1)} KB gzip\n`);
  const over = sizes.filter(([, n]) => n > 15 * 1024);
  check('content-script-budget', over.length === 0, over.map(([f, n]) => `${f} ${n} B`).join(', '));
}

process.stdout.write('\nSuite results:\n');
for (const r of results) process.stdout.write(`  ${r.suite.padEnd(24)} ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}\n`);
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
