import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { declaredUrl, inPageBadge, launch, toolbarBadge, waitForTabState, type Harness } from '../../scripts/lib/harness';

/**
 * "What Vigie remembers on this device" (options page) in real Chromium: a confirmation made in the popup is
 * counted there, "Forget all of this" asks first, then removes it, and the open meeting tab goes back to the
 * score it had before at once (no reload): toolbar, in-page badge and popup.
 */

const html = readFileSync('tests/fixtures/jitsi/host-dom-only-en.html', 'utf8');
const url = declaredUrl(html)!;
let h: Harness;
afterAll(async () => h?.close());

describe('forgetting what Vigie remembers', () => {
  it('counts a confirmation, forgets it after asking, and the popup shows it to confirm again', async () => {
    h = await launch();
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const state = await waitForTabState(h, url);

    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${state.tabId}`);
    await popup.locator('li.item[data-item="passcode"]').getByRole('button', { name: /I checked this/ }).click();
    await popup.locator('[data-group="good"] li.item[data-item="passcode"][data-by="teacher"]').waitFor();
    const confirmedScore = Number(await popup.getByTestId('score').textContent());
    expect(confirmedScore).toBeGreaterThan(state.result.score);
    await popup.close();
    await expect.poll(async () => (await toolbarBadge(h, state.tabId)).text).toBe(String(confirmedScore));

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const counts = options.getByTestId('forget-counts');
    await expect.poll(() => counts.textContent()).toContain('Rooms where you marked items as checked: 1');
    await options.getByRole('button', { name: 'Forget all of this' }).click();
    // Asked first: nothing gone yet.
    expect(await counts.textContent()).toContain('checked: 1');
    await options.getByRole('button', { name: 'Yes, forget it' }).click();
    await expect.poll(() => options.getByTestId('forget-status').textContent()).toMatch(/^Done\./);
    expect(await counts.textContent()).toContain('checked: 0');
    await options.reload();
    await expect.poll(() => options.getByTestId('forget-counts').textContent()).toContain('checked: 0');

    // The open meeting tab follows at once, without a reload or a change on the page.
    await expect.poll(async () => (await toolbarBadge(h, state.tabId)).text).toBe(String(state.result.score));
    await expect.poll(async () => (await inPageBadge(page))?.text).toBe(`Vigie ${state.result.score} ${state.result.coverage.checked}/${state.result.coverage.total}`); // issue 17: with the coverage mark
    const popup2 = await h.context.newPage();
    await popup2.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${state.tabId}`);
    await popup2.locator('[data-group="confirm"] li.item[data-item="passcode"]').waitFor();
    expect(await popup2.getByTestId('score').textContent()).toBe(String(state.result.score));
  });
});
