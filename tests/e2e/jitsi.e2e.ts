import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredUrl, inPageBadge, launch, toolbarBadge, waitForTabState, type Harness } from '../../scripts/lib/harness';
import { probeContentScript } from '../../scripts/lib/probe';

const fixture = (name: string) => {
  const html = readFileSync(`tests/fixtures/jitsi/${name}.html`, 'utf8');
  return { html, url: declaredUrl(html)! };
};

describe('Jitsi Meet in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('scores a secured room 100 on the page and on the toolbar, and the popup lists every item', async () => {
    const { html, url } = fixture('host-safe-en');
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const state = await waitForTabState(h, url);
    expect(state.result.score).toBe(100);
    expect(state.role).toBe('host');
    expect(await toolbarBadge(h, state.tabId)).toMatchObject({ text: '100' });
    await expect.poll(async () => (await inPageBadge(page))?.text).toContain('100');

    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${state.tabId}`);
    await popup.locator('li.item').first().waitFor();
    expect(await popup.locator('li.item').count()).toBe(15);
    expect(await popup.locator('li.item[data-state="n/a"]').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('fails an open room (FR UI) and updates live when the lobby is turned on', async () => {
    const { html, url } = fixture('host-unsafe-fr');
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const before = await waitForTabState(h, url);
    const states = Object.fromEntries(before.result.items.map((i) => [i.id, i.state]));
    expect(states['waiting-room']).toBe('fail');
    expect(states['restricted-access']).toBe('fail');
    expect(states['private-chat-off']).toBe('fail');
    expect(states['screen-share-host-only']).toBe('fail');
    expect(before.result.band).toBe('red');
    const badgeBefore = await toolbarBadge(h, before.tabId);
    expect(badgeBefore.text).toBe(String(before.result.score));

    // The platform changes its own state (as when the teacher flips the lobby switch); Vigie only reads.
    await page.evaluate(() => (window as unknown as { APP: { store: { dispatch(s: string, p: object): void } } }).APP.store.dispatch('features/lobby', { lobbyEnabled: true }));
    await expect
      .poll(async () => (await waitForTabState(h, url, { settle: 500 })).result.items.find((i) => i.id === 'waiting-room')?.state, { timeout: 10_000 })
      .toBe('pass');
    await page.close();
  });

  it('falls back to DOM hooks when the store is not readable', async () => {
    const { html, url } = fixture('host-dom-only-en');
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const state = await waitForTabState(h, url);
    const states = Object.fromEntries(state.result.items.map((i) => [i.id, i.state]));
    expect(states).toMatchObject({ 'waiting-room': 'pass', 'private-chat-off': 'fail', 'screen-share-host-only': 'pass', 'end-for-all': 'pass', passcode: 'unknown' });
    await page.close();
  });

  it('shows no score on the pre-join screen', async () => {
    const { html, url } = fixture('prejoin-en');
    h.serve(url, html);
    const page = await h.context.newPage();
    const probe = await probeContentScript(h, page);
    await page.goto(url);
    await probe.ran();
    expect(await inPageBadge(page)).toBeNull();
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(h.refused).toEqual([]);
  });
});
