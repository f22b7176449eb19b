import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A test file that may skip says why here, so `npm test`'s summary names the reason next to the skipped count
 * (scripts/test-all.ts reads the file). In CI a skip is a failure unless scripts/skip-allowlist.json names the file.
 * Returns `why`, for `describe.skipIf(!!skipReason(...))`.
 */
export const SKIPS_FILE = process.env.VIGIE_SKIPS_FILE ?? '.vigie-artifacts/skips.jsonl';

export function skipReason(file: string, why: string | null): string | null {
  if (!why) return null;
  process.stderr.write(`[${file}] SKIPPED: ${why}\n`);
  try {
    mkdirSync(dirname(SKIPS_FILE), { recursive: true });
    appendFileSync(SKIPS_FILE, `${JSON.stringify({ file, why })}\n`);
  } catch {
    // The reason is on stderr too; the summary then says "no reason recorded".
  }
  return why;
}
