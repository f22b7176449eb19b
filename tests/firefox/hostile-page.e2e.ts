import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/lib/harness';
import { launchFirefox, type FirefoxHarness } from '../../scripts/lib/firefox';

const HTML = readFileSync('tests/fixtures/hostile/jitsi-hostile-en.html', 'utf8');

interface BidiNode {
  value?: { nodeType: number; localName?: string; nodeValue?: string; attributes?: Record<string, string>; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}

/**
 * Firefox (firefox-esr headless, web-ext run, WebDriver BiDi): the hostile Jitsi page of tests/e2e/hostile-page.e2e.ts
 * defines <vigie-badge> itself and keeps its ElementInternals; the badge must still be drawn, in a closed root the
 * page cannot reach. The badge is found through BiDi's node serialisation, which can enter closed roots.
 */
describe('Firefox: a hostile page cannot reach the badge', () => {
  let fx: FirefoxHarness;
  beforeAll(async () => {
    fx = await launchFirefox(FIREFOX_BUILD);
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  });

  async function drawnBadge(context: string): Promise<{ host: string; text: string; mode: string } | null> {
    const res = (await fx.bidi.send('browsingContext.locateNodes', {
      context,
      locator: { type: 'css', value: 'body > :not([data-own])' },
      serializationOptions: { maxDomDepth: 5, includeShadowTree: 'all' },
    })) as { nodes: BidiNode[] };
    for (const node of res.nodes) {
      const shadow = node.value?.shadowRoot as (BidiNode & { value?: { mode?: string } }) | null | undefined;
      const button = shadow?.value?.children?.find((c) => c.value?.localName === 'button');
      if (!button) continue;
      const text = (n: BidiNode): string => (n.value?.nodeType === 3 ? (n.value.nodeValue ?? '') : (n.value?.children ?? []).map(text).join(' '));
      return { host: node.value?.localName ?? '', text: text(button).replace(/\s+/g, ' ').trim(), mode: String((shadow?.value as { mode?: string })?.mode) };
    }
    return null;
  }

  it('the page defined <vigie-badge> with ElementInternals: the badge is drawn, the page reads nothing', async () => {
    const url = 'https://meet.jit.si/HostileRoom';
    fx.serve(url, HTML);
    const context = await fx.open(url);
    let badge = await drawnBadge(context);
    for (let i = 0; i < 40 && !badge; i++) {
      await new Promise((r) => setTimeout(r, 250));
      badge = await drawnBadge(context);
    }
    expect(badge, 'no Vigie badge in the page').not.toBeNull();
    expect(badge!.text).toMatch(/^Vigie \d+ \d+\/\d+$/); // issue 17: the score, then the coverage mark
    const seen = await fx.evaluate<{ internalsRoots: (string | null)[]; capturedRoots: number; shadowRoots: (string | null)[]; pageTextHasVigie: boolean; ctor: number; foreign: string[] }>(context, 'window.hostile.readBadge()');
    // Firefox too runs the page's constructor inside the content script's createElement (ctor > 0); without the
    // plain-<div> host, internals.shadowRoot handed the page the closed root (seen before the fix).
    expect(seen.ctor).toBeGreaterThan(0);
    expect(seen.internalsRoots).toEqual(seen.internalsRoots.map(() => null));
    expect(badge).toMatchObject({ host: 'div', mode: 'closed' });
    expect(seen.capturedRoots).toBe(0);
    expect(seen.shadowRoots).toEqual(seen.shadowRoots.map(() => null));
    expect(seen.pageTextHasVigie).toBe(false);
  });
});
