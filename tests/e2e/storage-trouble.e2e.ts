import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentWorker, declaredUrl, inPageBadge, launch, toolbarBadge, type Harness } from '../../scripts/lib/harness';

/** Bad input changes nothing for the teacher: corrupted stored values and a full session storage. */
describe('storage trouble in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('scores a room with corrupted stored values and session storage full; popup still lists the items', async () => {
    const worker = await currentWorker(h);
    const filled = (await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> }; session: { set(v: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ confirmations: 'garbage', rememberedSettings: 42, userSettings: [1, 2, 3] });
      // Fill session storage (10 MB quota) until it refuses.
      let n = 0;
      try {
        for (; n < 40; n++) await c.storage.session.set({ [`filler${n}`]: 'x'.repeat(1_000_000) });
      } catch {
        return n;
      }
      return -1;
    })) as number;
    expect(filled, 'session storage never reported full').toBeGreaterThan(0);

    const html = readFileSync('tests/fixtures/jitsi/host-unsafe-fr.html', 'utf8');
    const url = declaredUrl(html)!;
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    await expect.poll(async () => (await inPageBadge(page))?.text ?? '', { timeout: 15_000 }).toMatch(/Vigie \d+/);
    const shown = Number((await inPageBadge(page))!.text.match(/\d+/)![0]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(50);

    // The popup still gets the state (from the background's memory) and knows storage failed.
    const tabId = (await worker.evaluate(async (u) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).chrome;
      const tabs = await c.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? tabs[tabs.length - 1].id;
    }, url)) as number;
    expect((await toolbarBadge(h, tabId)).text).toBe(String(shown));
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('li.item').first().waitFor();
    expect(await popup.locator('li.item').count()).toBe(15);
  });
});
