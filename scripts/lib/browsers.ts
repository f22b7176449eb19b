import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browsers Vigie's scripts need on a fresh Debian machine, shared by `npm test` (scripts/test-all.ts) and
 * `npm run demo` (scripts/demo.ts), so both install the same way: Debian's chromium (and its language packs, for
 * the French UI) and firefox-esr, with apt-get when run as root; otherwise the exact command to run.
 * VIGIE_CHROMIUM / VIGIE_FIREFOX point at browsers installed elsewhere.
 */

export interface Needed {
  /** A file whose presence means the package is installed. */
  path: string;
  /** The Debian package that provides it. */
  pkg: string;
}

/** Chromium itself: all the demo needs. */
export const CHROMIUM_BROWSER: Needed = { path: process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' };
export const CHROMIUM_PACKAGES: readonly Needed[] = [
  CHROMIUM_BROWSER,
  // Chromium's French UI (browser.i18n in French, the e2e tests' fr-CA and fr-FR profiles) needs the language packs.
  { path: '/usr/lib/chromium/locales/fr.pak', pkg: 'chromium-l10n' },
];
export const FIREFOX_PACKAGES: readonly Needed[] = [{ path: process.env.VIGIE_FIREFOX ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' }];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

/** The packages among `needed` that are missing (pure apart from the file checks). */
export function missingPackages(needed: readonly Needed[], exists: (path: string) => boolean = existsSync): string[] {
  return [...new Set(needed.filter((n) => !exists(n.path)).map((n) => n.pkg))];
}

/** What to tell a person when the packages cannot be installed here. */
export function installAdvice(pkgs: readonly string[]): string {
  return `Missing browsers: ${pkgs.join(', ')}. Install them with:\n  sudo apt-get install ${pkgs.join(' ')}\n(or set VIGIE_CHROMIUM / VIGIE_FIREFOX to their paths)\n`;
}

/**
 * Install what is missing when possible (root + apt-get), else print exactly what to install. True when every
 * needed browser is there at the end.
 */
export function ensureBrowsers(needed: readonly Needed[] = [...CHROMIUM_PACKAGES, ...FIREFOX_PACKAGES]): boolean {
  const pkgs = missingPackages(needed);
  if (!pkgs.length) return true;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    process.stdout.write(`Installing ${pkgs.join(', ')} with apt-get…\n`);
    if (run('apt-get', ['update', '-qq']) === 0 && run('apt-get', ['install', '-y', '-qq', ...pkgs], { DEBIAN_FRONTEND: 'noninteractive' }) === 0 && !missingPackages(needed).length) return true;
  }
  process.stderr.write(`\n${installAdvice(missingPackages(needed))}`);
  return false;
}
