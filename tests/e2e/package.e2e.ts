import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_POLICY_DIR, cannotWrite, chromeIdFor } from '../../scripts/lib/policy';
import { parseCrx3, zipEntries } from '../../scripts/lib/crx3';
import { declaredUrl, inPageBadge } from '../../scripts/lib/harness';

/**
 * Issue 18: `npm run package` builds the four artifacts, and the self-hosted CRX force-installs in real Chromium
 * through a real ExtensionInstallForcelist policy whose update_url is served from 127.0.0.1.
 * The signing key is generated here, for this run only (never committed). The expected id is computed by the
 * test's own chromeIdFor (scripts/lib/policy.ts) from the public key, not by the packer.
 */
const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'vigie-package-'));
const out = join(work, 'out');
const keyFile = join(work, 'test-crx-key.pem');
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
const expectedId = chromeIdFor(publicKey.export({ type: 'spki', format: 'der' }));
const pkg = (name: string) => join(out, 'packages', name);
const manifestIn = (zip: string) => JSON.parse(zipEntries(readFileSync(zip)).get('manifest.json')!().toString('utf8')) as Record<string, unknown> & { browser_specific_settings?: { gecko?: { id?: string } } };

describe('npm run package: the store zips, the AMO zip and a self-hosted CRX3', () => {
  beforeAll(async () => {
    // Asynchronous, so the test worker keeps answering vitest while three builds run (a couple of minutes).
    const child = spawn('npx', ['tsx', 'scripts/package.ts'], { env: { ...process.env, VIGIE_PACKAGE_OUT: out, VIGIE_CRX_KEY: keyFile, VIGIE_CRX_CODEBASE: 'http://127.0.0.1:1/' } });
    let log = '';
    child.stdout.on('data', (d) => (log += String(d)));
    child.stderr.on('data', (d) => (log += String(d)));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    if (code !== 0) throw new Error(`npm run package failed (${code}):\n${log.slice(-4000)}`);
  }, 420_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('Chrome Web Store and Edge Add-ons zips: MV3, no `key` (each store assigns its id), the managed schema', () => {
    for (const name of [`vigie-${version}-chrome-webstore.zip`, `vigie-${version}-edge-addons.zip`]) {
      const m = manifestIn(pkg(name));
      expect(m.manifest_version, name).toBe(3);
      expect(m, name).not.toHaveProperty('key');
      expect(m.storage, name).toEqual({ managed_schema: 'managed_schema.json' });
      expect([...zipEntries(readFileSync(pkg(name))).keys()], name).toContain('managed_schema.json');
      // The schema shipped is the one in the repository (no item enum: Chrome would drop a whole list for one typo).
      expect(JSON.parse(zipEntries(readFileSync(pkg(name))).get('managed_schema.json')!().toString('utf8')), name).toEqual(JSON.parse(readFileSync('public/managed_schema.json', 'utf8')));
    }
  });

  it('AMO zip: the gecko id and data-collection declaration AMO asks for, no `key`', () => {
    const m = manifestIn(pkg(`vigie-${version}-firefox-amo.zip`));
    expect(m.browser_specific_settings?.gecko?.id).toBe('vigie@vigie-education.org');
    expect(m).not.toHaveProperty('key');
    expect(JSON.stringify(m)).toContain('data_collection_permissions');
  });

  it('the CRX3 header parses, its signature verifies and its id is the one of the key it was packed with', () => {
    const crx = parseCrx3(readFileSync(pkg(`vigie-${version}.crx`)));
    expect(crx.version).toBe(3);
    expect(crx.verified).toBe(true);
    expect(crx.id).toBe(expectedId);
    expect(crx.zip.equals(readFileSync(pkg(`vigie-${version}-chrome-webstore.zip`)))).toBe(true);
    const xml = readFileSync(pkg('update.xml'), 'utf8');
    expect(xml).toContain(`appid='${expectedId}'`);
    expect(xml).toContain(`version='${version}'`);
  });

  const why = cannotWrite(join(CHROMIUM_POLICY_DIR, 'probe.json')) ?? (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}`);
  if (why) console.warn(`[package e2e] force-install SKIPPED: ${why}`);

  describe.skipIf(!!why)('force-install in real Chromium through ExtensionInstallForcelist and a 127.0.0.1 update_url', () => {
    let server: Server;
    let policyFile = '';
    let context: BrowserContext | undefined;
    let profile = '';
    const hits: string[] = [];

    afterAll(async () => {
      if (policyFile) rmSync(policyFile, { force: true });
      await context?.close();
      server?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    it('Chromium fetches update.xml and the CRX from 127.0.0.1, installs Vigie under the key’s id, and it runs', async () => {
      const crxBytes = readFileSync(pkg(`vigie-${version}.crx`));
      server = createServer((req, res) => {
        hits.push(req.url ?? '');
        const port = (server.address() as AddressInfo).port;
        if (req.url?.startsWith('/update.xml')) {
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end(readFileSync(pkg('update.xml'), 'utf8').replace('http://127.0.0.1:1/', `http://127.0.0.1:${port}/`));
        } else if (req.url === `/vigie-${version}.crx`) {
          res.writeHead(200, { 'content-type': 'application/x-chrome-extension' });
          res.end(crxBytes);
        } else {
          res.writeHead(404).end();
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as AddressInfo).port;
      policyFile = join(CHROMIUM_POLICY_DIR, `vigie-e2e-forcelist-${process.pid}.json`);
      writeFileSync(policyFile, JSON.stringify({ ExtensionInstallForcelist: [`${expectedId};http://127.0.0.1:${port}/update.xml`] }));
      profile = mkdtempSync(join(tmpdir(), 'vigie-forcelist-profile-'));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: false,
        // Playwright turns extensions and background networking off by default; a force-install needs both.
        ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-extensions-with-background-pages'],
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
      });
      // Meeting pages come from the test, never the network (the update server on 127.0.0.1 is let through).
      const html = readFileSync('tests/fixtures/jitsi/host-unsafe-fr.html', 'utf8');
      const meeting = declaredUrl(html)!;
      await context.route(
        (url) => url.protocol === 'https:',
        (route) => (route.request().url() === meeting ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort('blockedbyclient')),
      );
      // Installed by policy: Chromium records it under the key's id, location EXTERNAL_POLICY_DOWNLOAD (7).
      const prefs = () => {
        try {
          return (JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8')) as { extensions?: { settings?: Record<string, { location?: number; disable_reasons?: unknown[]; path?: string }> } }).extensions?.settings?.[expectedId];
        } catch {
          return undefined;
        }
      };
      await expect.poll(() => hits.includes(`/vigie-${version}.crx`), { timeout: 60_000, interval: 500 }).toBe(true);
      expect(hits.some((h) => h.startsWith('/update.xml') && h.includes(`id%3D${expectedId}`) && h.includes('installedby%3Dpolicy')), `requests seen: ${hits.join(', ')}`).toBe(true);
      await expect.poll(() => prefs()?.path, { timeout: 60_000, interval: 500 }).toBe(`${expectedId}/${version}_0`);
      expect(prefs()?.location).toBe(7);
      expect(prefs()?.disable_reasons ?? []).toEqual([]);
      // It runs: on a real meeting page its content script draws the in-page badge.
      const page = await context.newPage();
      await page.goto(meeting);
      await expect.poll(async () => (await inPageBadge(page))?.ariaLabel ?? '', { timeout: 30_000, interval: 500 }).toMatch(/^Vigie safety score: \d+ out of 100/);
      await page.close();
    }, 150_000);
  });
});
