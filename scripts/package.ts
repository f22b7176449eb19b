import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packCrx3, updateXml } from './lib/crx3';

/**
 * `npm run package`: the four things a school (or a store) installs. See docs/admin.md "Installing Vigie".
 *   <out>/packages/vigie-<v>-chrome-webstore.zip  Chrome Web Store upload: no `key` (the store assigns the id).
 *   <out>/packages/vigie-<v>-edge-addons.zip      Edge Add-ons upload: no `key` (Edge rejects it and assigns its own id).
 *   <out>/packages/vigie-<v>-firefox-amo.zip      AMO upload (listed or unlisted signing), plus the sources zip.
 *   <out>/packages/vigie-<v>.crx + update.xml     Self-hosted Chrome/Edge: a CRX3 signed with the key in
 *                                                 VIGIE_CRX_KEY (path to an RSA private key, PEM). Never commit it.
 * Environment: VIGIE_PACKAGE_OUT (default .output-package, apart from the dev build that e2e tests load),
 * VIGIE_CRX_KEY (without it the CRX step is skipped, said aloud), VIGIE_CRX_CODEBASE (the https:// folder where the
 * .crx will be served; update.xml points there).
 */
const out = resolve(process.env.VIGIE_PACKAGE_OUT ?? '.output-package');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const dest = join(out, 'packages');
rmSync(out, { recursive: true, force: true });
mkdirSync(dest, { recursive: true });

function zip(browser: 'chrome' | 'edge' | 'firefox'): string {
  const r = spawnSync('npx', ['wxt', 'zip', '-b', browser], { stdio: 'inherit', env: { ...process.env, VIGIE_OUT_DIR: out, VIGIE_STORE: '1' } });
  if (r.status !== 0) throw new Error(`wxt zip -b ${browser} failed (${r.status})`);
  const file = readdirSync(out).find((f) => f === `vigie-${version}-${browser}.zip`);
  if (!file) throw new Error(`wxt zip -b ${browser}: no vigie-${version}-${browser}.zip in ${out}`);
  return join(out, file);
}

const artifacts: string[] = [];
const put = (from: string, name: string) => {
  copyFileSync(from, join(dest, name));
  artifacts.push(name);
};

const chromeZip = zip('chrome');
put(chromeZip, `vigie-${version}-chrome-webstore.zip`);
put(zip('edge'), `vigie-${version}-edge-addons.zip`);
put(zip('firefox'), `vigie-${version}-firefox-amo.zip`);
const sources = join(out, `vigie-${version}-sources.zip`);
if (existsSync(sources)) put(sources, `vigie-${version}-sources.zip`);

const keyPath = process.env.VIGIE_CRX_KEY;
if (keyPath) {
  const { crx, id } = packCrx3(readFileSync(chromeZip), readFileSync(keyPath, 'utf8'));
  writeFileSync(join(dest, `vigie-${version}.crx`), crx);
  artifacts.push(`vigie-${version}.crx`);
  const base = (process.env.VIGIE_CRX_CODEBASE ?? 'https://example.invalid/vigie/').replace(/\/?$/, '/');
  if (!process.env.VIGIE_CRX_CODEBASE) console.warn('[package] VIGIE_CRX_CODEBASE not set: update.xml points to https://example.invalid/vigie/ (edit it before hosting)');
  writeFileSync(join(dest, 'update.xml'), updateXml(id, version, `${base}vigie-${version}.crx`));
  artifacts.push('update.xml');
  writeFileSync(join(dest, 'crx-id.txt'), `${id}\n`);
  console.log(`[package] CRX3 id ${id} (from the key in VIGIE_CRX_KEY)`);
} else {
  console.warn('[package] VIGIE_CRX_KEY not set: no self-hosted CRX built (see docs/admin.md, "Self-hosting for Chrome and Edge")');
}
console.log(`[package] ${dest}:\n  ${artifacts.join('\n  ')}`);
