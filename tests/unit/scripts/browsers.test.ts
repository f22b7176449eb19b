import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_BROWSER, CHROMIUM_PACKAGES, FIREFOX_PACKAGES, installAdvice, missingPackages } from '../../../scripts/lib/browsers';

describe('browsers a fresh machine needs (npm test and npm run demo share scripts/lib/browsers.ts)', () => {
  it('names the Debian packages that are missing, once each', () => {
    const none = () => false;
    expect(missingPackages([...CHROMIUM_PACKAGES, ...FIREFOX_PACKAGES], none)).toEqual(['chromium', 'chromium-l10n', 'firefox-esr']);
    expect(missingPackages([CHROMIUM_BROWSER, CHROMIUM_BROWSER], none)).toEqual(['chromium']);
    expect(missingPackages([CHROMIUM_BROWSER], () => true)).toEqual([]);
  });

  it('says exactly what to install', () => {
    expect(installAdvice(['chromium'])).toContain('sudo apt-get install chromium\n');
  });

  it('both scripts use the shared code, not a copy', () => {
    for (const script of ['scripts/test-all.ts', 'scripts/demo.ts']) {
      const source = readFileSync(script, 'utf8');
      expect(source, script).toContain("from './lib/browsers'");
      expect(source, script).not.toMatch(/function ensureBrowsers/);
    }
    expect(readFileSync('scripts/demo.ts', 'utf8')).toMatch(/ensureBrowsers\(\[CHROMIUM_BROWSER\]\)/);
  });
});
