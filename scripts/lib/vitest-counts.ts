import { relative } from 'node:path';

/** One line of `npm test`'s summary. */
export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}

/** The part of vitest's JSON reporter output (jest-compatible) that the counts read. */
export interface VitestJson {
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string; fullName?: string }[] }[];
}

export interface CountOptions {
  /** Why each test file skipped (relative path → reason), from scripts/lib/skip.ts. */
  reasons: ReadonlyMap<string, string>;
  /** CI=true: a skip is a failure unless `allowed` names the file. */
  ci: boolean;
  allowed: Readonly<Record<string, string>>;
  cwd: string;
}

/**
 * Counts from vitest's JSON report, file by file: passed, failed, skipped (skipped, pending and todo). A file that
 * failed with no failed test (a crash in beforeAll, or a file that did not load) counts every test it planned as
 * failed, or one failure when it planned none. In CI a skipped test is a failure unless its file is allow-listed.
 * A report with no test at all is one failure.
 */
export function countVitest(suite: string, report: VitestJson, opts: CountOptions): SuiteResult {
  const r: SuiteResult = { suite, passed: 0, failed: 0, skipped: 0, notes: [] };
  for (const file of report.testResults) {
    const rel = relative(opts.cwd, file.name);
    const count = (...statuses: string[]) => file.assertionResults.filter((a) => statuses.includes(a.status)).length;
    const failed = count('failed');
    const skipped = count('skipped', 'pending', 'todo');
    if (file.status === 'failed' && failed === 0) {
      const planned = Math.max(1, file.assertionResults.length);
      r.failed += planned;
      r.notes.push(`${rel}: crashed, ${planned} planned test(s) counted as failed (${(file.message ?? 'no message').split('\n')[0].slice(0, 160)})`);
      continue;
    }
    r.passed += count('passed');
    r.failed += failed;
    if (!skipped) continue;
    const why = opts.reasons.get(rel) ?? 'no reason recorded';
    if (opts.ci && !opts.allowed[rel]) {
      r.failed += skipped;
      r.notes.push(`${rel}: ${skipped} skipped in CI and not in scripts/skip-allowlist.json, counted as failed (${why})`);
    } else {
      r.skipped += skipped;
      r.notes.push(`${rel}: ${skipped} skipped (${why}${opts.allowed[rel] ? `; allowed: ${opts.allowed[rel]}` : ''})`);
    }
  }
  if (r.passed + r.failed + r.skipped === 0) {
    r.failed = 1;
    r.notes.push('no test ran');
  }
  return r;
}
