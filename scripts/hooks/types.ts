import type { SourceHook } from '../../tests/platforms/source-hooks.schema';

/** One repository at one commit, as the extractor sees it: read a file, list files. Never the network. */
export interface RepoReader {
  repo: string;
  commit: string;
  /** File text at that commit, or null when the file does not exist there. */
  read(path: string): string | null;
  /** Every file path at that commit under `prefix`. */
  list(prefix?: string): string[];
}

/**
 * scripts/hooks/<platform>.ts default-exports one of these. `extract` finds, in the real source, every hook the
 * platform's adapter relies on and returns it with the file it was seen in: a hook it looks for and cannot find
 * comes back with status `removed`, never silently dropped.
 */
export interface HookExtractor {
  platform: string;
  /** The repositories it reads, e.g. ['jitsi/jitsi-meet'] or ['bigbluebutton/bigbluebutton', 'bigbluebutton/greenlight']. */
  repos: readonly string[];
  extract(readers: Readonly<Record<string, RepoReader>>): SourceHook[];
}
