import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { declaredUrl, tabStates, type Harness, type TabStateOut } from '../../../scripts/lib/harness';
import { probeContentScript, type ContentScriptProbe } from '../../../scripts/lib/probe';

/**
 * The plumbing every browser test shares (tests/e2e/ and tests/firefox/): a saved page and the URL it declares, the
 * page served there and opened, the background's state for it, and that state read as `{ item: state }`.
 * Assertions stay in the test files; nothing here decides what a test expects.
 */

export interface Fixture {
  /** The saved page's path from the repository root (what `npm run audit` takes). */
  path: string;
  html: string;
  /** Where the page belongs: its `<meta name="vigie:url">` (scripts/lib/harness.ts declaredUrl). */
  url: string;
}

/** A saved page under tests/fixtures/, named without its `.html`: `fixture('zoom/host-safe-en')`. */
export function fixture(name: string): Fixture {
  const path = `tests/fixtures/${name}.html`;
  const html = readFileSync(path, 'utf8');
  const url = declaredUrl(html);
  if (!url) throw new Error(`${path} declares no <meta name="vigie:url">`);
  return { path, html, url };
}

/** Serve a saved page at the URL it declares and open it in a new tab of the harness's browser. */
export async function openFixture(h: Harness, name: string): Promise<Fixture & { page: Page }> {
  const f = fixture(name);
  h.serve(f.url, f.html);
  const page = await h.context.newPage();
  await page.goto(f.url);
  return { ...f, page };
}

/**
 * As openFixture, watched from before the load by the proof that Vigie's content script ran (scripts/lib/probe.ts),
 * for the checks that nothing is shown. `query` is appended to the declared URL (a second copy of a page, served
 * apart from the first).
 */
export async function openWatched(h: Harness, name: string, { query = '' } = {}): Promise<Fixture & { page: Page; probe: ContentScriptProbe }> {
  const f = fixture(name);
  const url = `${f.url}${query}`;
  h.serve(url, f.html);
  const page = await h.context.newPage();
  const probe = await probeContentScript(h, page);
  await page.goto(url);
  return { ...f, url, page, probe };
}

/**
 * The background's state for the tab showing exactly `url`, hash included (apps that route in the hash, such as
 * ClassDojo and Seesaw, serve several fixtures from one document), once it stops changing. Unlike
 * waitForTabState it returns the last state seen when the deadline passes while it still changes.
 */
export async function stateAt(h: Harness, url: string, { timeout = 15_000, settle = 1_200 } = {}): Promise<TabStateOut> {
  const deadline = Date.now() + timeout;
  let last = '';
  let since = Date.now();
  let found: TabStateOut | undefined;
  while (Date.now() < deadline) {
    found = (await tabStates(h)).find((s) => s.url === url);
    const sig = JSON.stringify(found ?? null);
    if (sig !== last) {
      last = sig;
      since = Date.now();
    } else if (found && Date.now() - since >= settle) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  if (found) return found;
  throw new Error(`Vigie reported nothing for ${url} within ${timeout} ms`);
}

type Scored = { result: { items: { id: string; state: string }[] } };

/** Each checklist item's state, by item id. */
export const statesOf = (s: Scored): Record<string, string> => Object.fromEntries(s.result.items.map((i) => [i.id, i.state]));

/** One checklist item of a state (the test fails on `undefined` where the item must exist). */
export const itemOf = (s: TabStateOut, id: string): TabStateOut['result']['items'][number] => s.result.items.find((i) => i.id === id)!;

/** The toolbar popup for one tab (420 × 900, about its real size), once it shows the next step (or says there is no meeting). */
export async function openPopup(h: Harness, tabId: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('[data-testid="next-step"], [data-testid="no-meeting"]').first().waitFor();
  return popup;
}
