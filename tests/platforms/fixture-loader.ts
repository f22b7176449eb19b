import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { parsePageState } from '../../utils/page-state/receive';
import { readPageState } from '../../utils/page-state/reader';
import type { PlatformAdapter, ReadContext } from '../../utils/platforms/types';

/**
 * Load a fixture into its own happy-dom window at the URL it declares, run its inline scripts (they stand in
 * for the platform's in-page state), and build the ReadContext the content script would build — including the
 * main-world state snapshot, passed through the same JSON parse/validate step as in the browser.
 */
export async function loadFixture(path: string, adapter: PlatformAdapter, extra: Partial<ReadContext> = {}): Promise<ReadContext & { window: Window }> {
  const html = readFileSync(path, 'utf8');
  const url = /<meta\s+name="vigie:url"\s+content="([^"]+)"/i.exec(html)?.[1] ?? 'https://example.invalid/';
  const window = new Window({ url, settings: { enableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true } } });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  let state;
  if (adapter.statePaths?.length) {
    const snapshot = readPageState(window as never, adapter.statePaths);
    state = snapshot ? (parsePageState(JSON.stringify(snapshot), adapter.statePaths) ?? undefined) : undefined;
  }
  return { doc: window.document as unknown as Document, url: new URL(url), state, window, ...extra };
}

export function statesOf(adapter: PlatformAdapter, ctx: ReadContext): Record<string, string> {
  return Object.fromEntries(Object.entries(adapter.read(ctx)).map(([id, f]) => [id, f!.state]));
}
