import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredUrl, inPageBadge, launch, toolbarBadge, waitForTabState, type Harness, type TabStateOut } from '../../scripts/lib/harness';
import { probeContentScript } from '../../scripts/lib/probe';

const fixture = (name: string) => {
  const html = readFileSync(`tests/fixtures/whereby/${name}.html`, 'utf8');
  return { html, url: declaredUrl(html)! };
};
const statesOf = (s: TabStateOut) => Object.fromEntries(s.result.items.map((i) => [i.id, i.state]));

describe('Whereby in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('host-unsafe-en at <sub>.whereby.com: unlocked room fails; the fix (Whereby relabels the padlock) turns it "to confirm"', async () => {
    const { html, url } = fixture('host-unsafe-en');
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const before = await waitForTabState(h, url);
    expect(before.platform).toBe('whereby');
    expect(before.role).toBe('host');
    expect(statesOf(before)).toMatchObject({ 'waiting-room': 'fail', 'restricted-access': 'fail', 'end-for-all': 'unknown' });
    expect((await toolbarBadge(h, before.tabId)).text).toBe(String(before.result.score));
    await page.evaluate(() => {
      const b = document.querySelector('header button')!;
      b.setAttribute('aria-label', 'Room locked');
      b.textContent = 'Room locked';
    });
    await expect
      .poll(async () => (await waitForTabState(h, url, { settle: 500 })).result.items.find((i) => i.id === 'waiting-room')?.state, { timeout: 10_000 })
      .toBe('unknown');
    await page.close();
  });

  it('host-safe-en at whereby.com/<room>: locked room cited to confirm, nothing fails', async () => {
    const { html, url } = fixture('host-safe-en');
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const state = await waitForTabState(h, url);
    expect(state.result.items.filter((i) => i.state === 'fail')).toEqual([]);
    expect(state.result.items.find((i) => i.id === 'waiting-room')?.evidence).toContain('Room locked');
    await expect.poll(async () => (await inPageBadge(page))?.text).toBeTruthy();
    await page.close();
  });

  it('participant-en: no documented participant hook → no score shown', async () => {
    const { html, url } = fixture('participant-en');
    h.serve(`${url}?p=1`, html);
    const page = await h.context.newPage();
    const probe = await probeContentScript(h, page);
    await page.goto(`${url}?p=1`);
    await probe.ran();
    expect(await probe.reports(), 'score reports sent from the page').toBe(0);
    expect(await inPageBadge(page)).toBeNull();
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(h.refused).toEqual([]);
  });
});
