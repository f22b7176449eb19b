import { createHash, generateKeyPairSync } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Test-side helpers for real browser policies. A policy file under /etc is machine-wide: every browser started
 * while it exists reads it. So each policy test runs a COPY of the built extension under its own identity (a fresh
 * Chrome key, a test-only Firefox id) and targets the policy at that identity alone: other browsers running Vigie
 * at the same time (other tests, other people) are untouched. The code under test is the built code, byte for byte;
 * only the manifest's identity differs.
 */

export const CHROMIUM_POLICY_DIR = process.env.VIGIE_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = process.env.VIGIE_FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';

/** Chrome's extension id for a public key: sha256 of the DER key, first 32 hex digits written a–p. */
export function chromeIdFor(der: Buffer): string {
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export interface IdentityCopy {
  dir: string;
  id: string;
  remove(): void;
}

/** Copy a built Chrome extension and give it a fresh key (so a fresh id). */
export function chromeCopyWithOwnId(buildDir: string): IdentityCopy {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const dir = mkdtempSync(join(tmpdir(), 'vigie-policy-chrome-'));
  cpSync(buildDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest.key = der.toString('base64');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { dir, id: chromeIdFor(der), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copy a built Firefox add-on and give it a test-only gecko id. */
export function firefoxCopyWithOwnId(buildDir: string): IdentityCopy {
  const id = `vigie-policy-test-${process.pid}@vigie-education.org`;
  const dir = mkdtempSync(join(tmpdir(), 'vigie-policy-firefox-'));
  cpSync(buildDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  manifest.browser_specific_settings.gecko.id = id;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { dir, id, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Why a policy file cannot be written at `path` (null when it can). */
export function cannotWrite(path: string): string | null {
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
    return null;
  } catch (error) {
    return `cannot write ${path} (${(error as Error).message}); run as root or set VIGIE_CHROMIUM_POLICY_DIR / VIGIE_FIREFOX_POLICY_FILE to where this browser reads policies`;
  }
}

/** A Chromium policy file for one extension (3rdparty.extensions.<id>), in its own file in the managed folder. */
export function writeChromiumPolicy(id: string, policy: Record<string, unknown>, name = `vigie-e2e-${process.pid}.json`): { path: string; remove(): void } {
  const path = join(CHROMIUM_POLICY_DIR, name);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  writeFileSync(path, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 1));
  return { path, remove: () => rmSync(path, { force: true }) };
}

/**
 * Firefox reads one policies.json. If one already exists it is not ours to overwrite: return null (the caller
 * skips, saying why). Otherwise write ours and hand back its removal.
 */
export function writeFirefoxPolicy(id: string, policy: Record<string, unknown>): { path: string; remove(): void } | null {
  if (existsSync(FIREFOX_POLICY_FILE)) return null;
  mkdirSync(dirname(FIREFOX_POLICY_FILE), { recursive: true });
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [id]: policy } } } }, null, 1));
  return { path: FIREFOX_POLICY_FILE, remove: () => rmSync(FIREFOX_POLICY_FILE, { force: true }) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A policy run that was killed (a timeout, Ctrl+C) leaves its file behind, and every later run would then skip or
 * read the old policy. At the start of a policy suite, remove the files an earlier test run of ours wrote and whose
 * process is gone: Chromium's `vigie-e2e-<pid>*.json`, and a Firefox policies.json whose only extensions are our
 * test-only ids (`vigie-policy-test-<pid>@vigie-education.org`). Anything else is not ours and is left alone.
 * Returns what it removed.
 */
export function clearStaleTestPolicies(): string[] {
  const removed: string[] = [];
  try {
    for (const name of existsSync(CHROMIUM_POLICY_DIR) ? readdirSync(CHROMIUM_POLICY_DIR) : []) {
      const pid = /^vigie-e2e-(\d+)(?:-[\w-]+)?\.json$/.exec(name)?.[1];
      if (pid && Number(pid) !== process.pid && !processAlive(Number(pid))) {
        rmSync(join(CHROMIUM_POLICY_DIR, name), { force: true });
        removed.push(join(CHROMIUM_POLICY_DIR, name));
      }
    }
  } catch {
    // an unreadable folder: the suite's own write check will say why
  }
  try {
    if (existsSync(FIREFOX_POLICY_FILE)) {
      const parsed = JSON.parse(readFileSync(FIREFOX_POLICY_FILE, 'utf8')) as { policies?: Record<string, unknown> };
      const policies = parsed.policies ?? {};
      const ids = Object.keys(((policies['3rdparty'] ?? {}) as { Extensions?: Record<string, unknown> }).Extensions ?? {});
      const pids = ids.map((id) => /^vigie-policy-test-(\d+)@vigie-education\.org$/.exec(id)?.[1]);
      const onlyOurs = Object.keys(policies).every((k) => k === '3rdparty') && ids.length > 0 && pids.every((p) => p && Number(p) !== process.pid && !processAlive(Number(p)));
      if (onlyOurs) {
        rmSync(FIREFOX_POLICY_FILE, { force: true });
        removed.push(FIREFOX_POLICY_FILE);
      }
    }
  } catch {
    // not JSON, or not readable: not ours to touch
  }
  for (const r of removed) process.stderr.write(`[policy e2e] removed a stale test policy left by an earlier run: ${r}\n`);
  return removed;
}
