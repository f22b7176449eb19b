import type { CDPSession, Page } from 'playwright-core';

/**
 * Test-side helpers for Vigie's in-page UI that lives in CLOSED shadow roots (neither the page nor Playwright
 * selectors can reach it; the DevTools protocol can), and for the extension's own clock.
 */

interface CdpNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const attrs = (n: CdpNode): Record<string, string> => {
  const out: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) out[a[i]] = a[i + 1];
  return out;
};

function findHost(n: CdpNode, tag: string): CdpNode | undefined {
  if (n.nodeName === tag.toUpperCase()) return n;
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
    const hit = findHost(c, tag);
    if (hit) return hit;
  }
  return undefined;
}

function textOf(n: CdpNode): string {
  if (n.nodeName === 'STYLE') return '';
  if (n.nodeType === 3) return n.nodeValue ?? '';
  return (n.children ?? []).map(textOf).join(' ');
}

function all(n: CdpNode, name: string, out: CdpNode[] = []): CdpNode[] {
  if (n.nodeName === name) out.push(n);
  for (const c of n.children ?? []) all(c, name, out);
  return out;
}

async function withCdp<T>(page: Page, fn: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await fn(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export interface ShadowPanel {
  /** The panel is shown (its region is not `hidden`). */
  visible: boolean;
  /** The region's text (title, lines, buttons). */
  text: string;
  /** Accessible name of the region. */
  label: string;
  /** Text of the polite live region. */
  live: string;
  buttons: string[];
}

/** Read the panel inside `<tag>`'s closed shadow root, or null when Vigie has not mounted it. */
export async function shadowPanel(page: Page, tag: string): Promise<ShadowPanel | null> {
  return withCdp(page, async (cdp) => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findHost(root, tag)?.shadowRoots?.[0];
    if (!shadow) return null;
    const region = all(shadow, 'DIV').find((d) => attrs(d).role === 'region');
    const live = all(shadow, 'DIV').find((d) => attrs(d).role === 'status');
    if (!region) return null;
    return {
      visible: !('hidden' in attrs(region)),
      text: textOf(region).replace(/\s+/g, ' ').trim(),
      label: attrs(region)['aria-label'] ?? '',
      live: live ? textOf(live).replace(/\s+/g, ' ').trim() : '',
      buttons: all(region, 'BUTTON').map((b) => textOf(b).trim()),
    };
  });
}

/** Click (a real mouse click at its position) the button whose text contains `label` in `<tag>`'s closed shadow root. */
export async function clickShadowButton(page: Page, tag: string, label: string): Promise<void> {
  const point = await withCdp(page, async (cdp) => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findHost(root, tag)?.shadowRoots?.[0];
    const button = shadow && all(shadow, 'BUTTON').find((b) => textOf(b).includes(label));
    if (!button) throw new Error(`no button "${label}" in <${tag}>`);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
    const q = model.content;
    return { x: (q[0] + q[2] + q[4] + q[6]) / 4, y: (q[1] + q[3] + q[5] + q[7]) / 4 };
  });
  await page.mouse.click(point.x, point.y);
}

/**
 * Fix the clock of the extension's content scripts on this page. Playwright's page.clock mocks the page's main
 * world only; content scripts run in an isolated world with their own `Date`. Through the DevTools protocol we
 * find that world (origin chrome-extension://<id>) and replace its Date with one frozen at `iso`.
 * Call after the content script has loaded (it waits for the world to exist).
 */
export async function setExtensionClock(page: Page, extensionId: string, iso: string, timeout = 10_000): Promise<void> {
  const fixed = new Date(iso).getTime();
  if (Number.isNaN(fixed)) throw new Error(`bad time ${iso}`);
  await withCdp(page, async (cdp) => {
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const deadline = Date.now() + timeout;
    let target: (typeof contexts)[number] | undefined;
    while (!(target = contexts.find((c) => c.origin.startsWith(`chrome-extension://${extensionId}`) && c.auxData?.type === 'isolated'))) {
      if (Date.now() > deadline) throw new Error('the extension’s content-script world never appeared on this page');
      await new Promise((r) => setTimeout(r, 100));
    }
    const source = `(() => {
      const Real = globalThis.__vigieRealDate ?? Date; globalThis.__vigieRealDate = Real;
      const fixed = ${fixed};
      function FakeDate(...args) { if (!new.target) return new Real(fixed).toString(); return args.length ? new Real(...args) : new Real(fixed); }
      FakeDate.now = () => fixed; FakeDate.UTC = Real.UTC; FakeDate.parse = Real.parse; FakeDate.prototype = Real.prototype;
      globalThis.Date = FakeDate; return new Date().toISOString();
    })()`;
    const res = (await cdp.send('Runtime.evaluate', { expression: source, contextId: target.id, returnByValue: true })) as { result: { value?: string }; exceptionDetails?: unknown };
    if (res.exceptionDetails || res.result.value !== new Date(fixed).toISOString()) throw new Error(`could not set the extension clock: ${JSON.stringify(res)}`);
    await cdp.send('Runtime.disable');
  });
}
