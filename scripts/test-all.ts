/**
 * `npm test`: everything, in order, on a fresh machine.
 *   browsers (installs Debian's chromium / firefox-esr with apt-get when missing and root, else says what to
 *   install) → typecheck → lint (ESLint) → unit (happy-dom) → build Chrome + Firefox → browser e2e (real Chromium, Firefox smoke)
 *   → web-ext lint → content-script size budget.
 * Ends with one line `N passed, N failed, N skipped` totalling every suite (tests count one each; checks count one
 * each). Every skip names its reason in the summary; in CI (CI=true) a skip is a failure unless
 * scripts/skip-allowlist.json names its file; a crashed test file counts its planned tests as failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SKIPS_FILE } from './lib/skip';
import { countVitest, type SuiteResult, type VitestJson } from './lib/vitest-counts';
import { gzipSync } from 'node:zlib';
import { ensureBrowsers } from './lib/browsers';

const ART = '.vigie-artifacts';
mkdirSync(ART, { recursive: true });
const CI = process.env.CI === 'true';
/** Test files allowed to skip in CI, each with the documented reason (scripts/skip-allowlist.json). */
const SKIP_ALLOWED = JSON.parse(readFileSync('scripts/skip-allowlist.json', 'utf8')) as Record<string, string>;
rmSync(SKIPS_FILE, { force: true });

const results: SuiteResult[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(suite: string, ok: boolean, note?: string) {
  results.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, notes: note ? [note] : [] });
}

/** Why each test file skipped, as the files said through scripts/lib/skip.ts. */
function skipReasons(): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(SKIPS_FILE)) return out;
  for (const line of readFileSync(SKIPS_FILE, 'utf8').split('\n').filter(Boolean)) {
    try {
      const { file, why } = JSON.parse(line) as { file: string; why: string };
      out.set(file, why);
    } catch {
      // a torn line: the file's skips then show "no reason recorded"
    }
  }
  return out;
}

function vitest(suite: string, args: string[]) {
  const out = join(ART, `${suite}.json`);
  rmSync(out, { force: true });
  const code = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) return check(suite, false, `vitest exited ${code} without a report`);
  const r = countVitest(suite, JSON.parse(readFileSync(out, 'utf8')) as VitestJson, { reasons: skipReasons(), ci: CI, allowed: SKIP_ALLOWED, cwd: process.cwd() });
  if (code !== 0 && r.failed === 0) {
    r.failed = 1;
    r.notes.push(`vitest exited ${code} with no failed test`);
  }
  results.push(r);
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

// web-ext lint runs once, in tests/e2e/web-ext-lint.e2e.ts (errors fail; the one known Preact warning is
// recognised by its code, anything else fails).

// Budget: every content script that runs on meeting/class pages ≤ 15 KB gzip (docs/performance.md gives the
// measured sizes). No build, or no script, fails.
const CS_DIR = '.output/chrome-mv3/content-scripts';
const scripts = existsSync(CS_DIR) ? readdirSync(CS_DIR).filter((f) => f.endsWith('.js')) : [];
if (!scripts.length) check('content-script-budget', false, existsSync(CS_DIR) ? `no .js file in ${CS_DIR}` : `${CS_DIR} is missing (no build)`);
else {
  const sizes = scripts.map((f) => [f, gzipSync(readFileSync(join(CS_DIR, f))).length] as const);
  for (const [f, n] of sizes) process.stdout.write(`content script ${f}: ${(n / 1024).toFixed(1)} KB gzip\n`);
  const over = sizes.filter(([, n]) => n > 15 * 1024);
  check('content-script-budget', over.length === 0, over.map(([f, n]) => `${f} ${n} B`).join(', ') || `${sizes.length} scripts`);
}

process.stdout.write('\nSuite results:\n');
for (const r of results) {
  process.stdout.write(`  ${r.suite.padEnd(24)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped\n`);
  for (const n of r.notes) process.stdout.write(`      ${n}\n`);
}
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
const skipped = results.reduce((a, r) => a + r.skipped, 0);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed ? 1 : 0);
