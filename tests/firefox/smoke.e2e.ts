import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/lib/harness';
import { fixture } from '../e2e/lib/pages';
import { firefoxBadge, launchFirefox, type FirefoxHarness } from '../../scripts/lib/firefox';

/** Firefox smoke: the built MV3 add-on loads, its content script reads a Jitsi room and the background scores it. */
describe('Firefox smoke (firefox-esr, headless, web-ext run)', () => {
  let fx: FirefoxHarness;
  beforeAll(async () => {
    fx = await launchFirefox(FIREFOX_BUILD);
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  });

  it('scores a Jitsi room: the in-page badge shows the score worked out by hand for that page', async () => {
    const { html, url } = fixture('jitsi/host-unsafe-fr');
    // Worked by hand from the fixture's states (tests/platforms/jitsi.test.ts): passes 3+2+1+1 = 7 of 7+22 known → 24.
    const expected = { score: 24 };
    fx.serve(url, html);
    const page = await fx.open(url);
    let badge = await firefoxBadge(fx, page);
    // The badge first shows "not checked yet" (the page's store arrives 400 ms after load), then the score.
    for (let i = 0; i < 40 && !badge?.ariaLabel.includes(String(expected.score)); i++) {
      await new Promise((r) => setTimeout(r, 250));
      badge = await firefoxBadge(fx, page);
    }
    expect(badge, 'no Vigie badge in the page').not.toBeNull();
    expect(badge!.ariaLabel).toBe(`Vigie safety score: ${expected.score} out of 100`);
    expect(badge!.text).toContain(String(expected.score));
    // Only the browser's own favicon probe is refused; the extension asked for nothing.
    expect(fx.refused.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
  }, 90_000);
});
