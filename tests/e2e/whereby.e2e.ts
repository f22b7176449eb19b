import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPageBadge, launch, toolbarBadge, waitForTabState, type Harness } from '../../scripts/lib/harness';
import { openFixture, openWatched, statesOf } from './lib/pages';

describe('Whereby in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('host-unsafe-en at <sub>.whereby.com: unlocked room fails; the fix (Whereby relabels the padlock) turns it "to confirm"', async () => {
    const { url, page } = await openFixture(h, 'whereby/host-unsafe-en');
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
    const { url, page } = await openFixture(h, 'whereby/host-safe-en');
    const state = await waitForTabState(h, url);
    expect(state.result.items.filter((i) => i.state === 'fail')).toEqual([]);
    expect(state.result.items.find((i) => i.id === 'waiting-room')?.evidence).toContain('Room locked');
    await expect.poll(async () => (await inPageBadge(page))?.text).toBeTruthy();
    await page.close();
  });

  it('participant-en: no documented participant hook → no score shown', async () => {
    const { page, probe } = await openWatched(h, 'whereby/participant-en', { query: '?p=1' });
    await probe.ran();
    expect(await probe.reports(), 'score reports sent from the page').toBe(0);
    expect(await inPageBadge(page)).toBeNull();
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(h.refused).toEqual([]);
  });
});
