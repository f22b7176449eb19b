import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStringPromise } from 'xml2js';
import { validatePolicy } from '../../../utils/settings/policy/validate';

/** docs/policies/install/: force-install and pin samples, per browser and system (issue 18). */
const dir = 'docs/policies/install';
const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');
const admin = readFileSync('docs/admin.md', 'utf8');

describe('install samples', () => {
  it('Chrome/Edge JSON: force_installed from the store update URL, pinned; self-hosted: id;update.xml', () => {
    const store = JSON.parse(read('chrome-edge-linux-extension-settings.json'));
    expect(store.ExtensionSettings.REPLACE_WITH_VIGIE_ID).toEqual({ installation_mode: 'force_installed', update_url: 'https://clients2.google.com/service/update2/crx', toolbar_pin: 'force_pinned' });
    const self = JSON.parse(read('chrome-edge-linux-self-hosted.json'));
    expect(self.ExtensionInstallForcelist[0]).toMatch(/^REPLACE_WITH_CRX_ID;https:\/\/.+\/update\.xml$/);
  });

  it('Windows .reg: Chrome and Edge each with their own id placeholder, store URL and pin; JSON values parse', () => {
    const reg = read('windows-install.reg');
    expect(reg).toContain('REPLACE_WITH_CHROME_WEB_STORE_ID;https://clients2.google.com/service/update2/crx');
    expect(reg).toContain('REPLACE_WITH_EDGE_ADDONS_ID;https://edge.microsoft.com/extensionwebstorebase/v1/crx');
    for (const [, raw] of reg.matchAll(/^"ExtensionSettings"="(.*)"$/gm)) {
      const value = JSON.parse(raw.replace(/\\"/g, '"'));
      const entry = Object.values(value)[0] as Record<string, string>;
      expect(entry.installation_mode).toBe('force_installed');
      expect(entry.toolbar_pin ?? entry.toolbar_state).toMatch(/^force_(pinned|shown)$/);
    }
  });

  it('Firefox policies.json: ExtensionSettings force_installed with install_url and default_area, and a valid 3rdparty policy', () => {
    const ff = JSON.parse(read('firefox-install-policies.json'));
    expect(ff.policies.ExtensionSettings['vigie@vigie-education.org']).toMatchObject({ installation_mode: 'force_installed', default_area: 'navbar', install_url: expect.stringMatching(/^https:\/\/addons\.mozilla\.org\/.+\.xpi$/) });
    expect(validatePolicy(ff.policies['3rdparty'].Extensions['vigie@vigie-education.org']).problems).toEqual([]);
  });

  it.each(['macos-firefox.mobileconfig', 'macos-chrome-install.mobileconfig'])('%s is a well-formed plist profile', async (f) => {
    const doc = await parseStringPromise(read(f), { strict: true });
    expect(doc.plist).toBeDefined();
    if (f === 'macos-firefox.mobileconfig') {
      expect(read(f)).toMatch(/<string>org\.mozilla\.firefox<\/string>[\s\S]*<key>EnterprisePoliciesEnabled<\/key>\s*<true\/>/);
      expect(read(f)).toContain('<key>3rdparty</key>');
    } else {
      expect(read(f)).toContain('<string>force_pinned</string>');
      expect(read(f)).toContain('<string>force_shown</string>');
    }
  });

  it('docs/admin.md links every install sample, gives the Edge id separately, and no longer claims Intune ADMX ingestion for these keys', () => {
    for (const f of ['chrome-edge-linux-extension-settings.json', 'chrome-edge-linux-self-hosted.json', 'windows-install.reg', 'firefox-install-policies.json', 'macos-firefox.mobileconfig', 'macos-chrome-install.mobileconfig']) expect(admin, f).toContain(`policies/install/${f}`);
    expect(admin).toContain('Edge Add-ons listing');
    expect(admin).not.toContain('custom OMA-URI (ADMX ingestion)');
    expect(admin).toContain('/etc/chromium-browser/policies/managed/');
  });
});
