import type { SampleMeta } from './file';
import type { SanitizeStats } from './sanitize';

/**
 * Between the sample page (entrypoints/sample/) and the script it injects into the tab on the teacher's click
 * (entrypoints/sample-capture.ts). Not a runtime message: scripting.executeScript carries the arguments (set in
 * Vigie's isolated world of the tab under this key) and the result, which the page validates with
 * SampleResultSchema (utils/schemas.ts) before showing it.
 */
export const SAMPLE_ARGS_KEY = '__vigieSampleArgs';

export interface SampleArgs {
  platform: string | null;
  statePaths: string[];
  uiLang: string;
  extensionVersion: string;
  schoolDomains: string[];
}

export type SampleResult = { ok: true; file: string; meta: SampleMeta; stats: SanitizeStats } | { ok: false; error: 'no-args' | 'read-failed' };
