import type { CDPSession, Page } from 'playwright-core';
import { currentWorker, type Harness } from './harness';

/**
 * Proof that Vigie's content script ran on a page, for the checks that assert "nothing is shown" (no score, no
 * badge, no banner). Without it such a check passes just as well when the script never ran at all (a broken
 * build, a wrong match pattern, a page that failed to load), which is how a fixed sleep followed by "no badge"
 * hides bugs. Two witnesses, both outside the page's reach:
 *  1. the DevTools protocol sees Vigie's isolated world created on the page (an execution context of type
 *     "isolated" whose origin is chrome-extension://<Vigie's id>): the browser injected a content script;
 *  2. the background received the content script's first message from that page (cs.getPageContext for meeting
 *     pages, cs.getBoundaryContext for the boundaries scripts): its main() ran. A listener added in the service
 *     worker records each message's type and sender; it never answers, so Vigie's own handlers are untouched.
 * It also records the reports the script sends from the page (cs.reportObservations), the only way a meeting
 * badge gets a score: a "nothing shown" check can assert there were none.
 *
 * Start it before page.goto (the isolated world is created during the load).
 */

export interface IsolatedWorldWatch {
  cdp: CDPSession;
  /** Execution-context ids of Vigie's isolated worlds on the page. */
  contexts: number[];
  /** Exceptions and console output from those worlds. */
  problems: string[];
}

/** Vigie's isolated worlds on a page, and what they throw or log (moved here from tests/e2e/hostile-page.e2e.ts). */
export async function watchIsolatedWorld(page: Page, extensionId: string): Promise<IsolatedWorldWatch> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: number[] = [];
  const problems: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated' && e.context.origin === `chrome-extension://${extensionId}`) contexts.push(e.context.id);
  });
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { executionContextId?: number; text: string; exception?: { description?: string } } }) => {
    if (contexts.includes(e.exceptionDetails.executionContextId ?? -1)) problems.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`);
  });
  cdp.on('Runtime.consoleAPICalled', (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
    if (contexts.includes(e.executionContextId)) problems.push(`console.${e.type}: ${e.args.map((a) => String(a.value ?? a.description)).join(' ')}`);
  });
  await cdp.send('Runtime.enable');
  return { cdp, contexts, problems };
}

interface Seen {
  type: string;
  url: string;
  tab: number | null;
}

type ProbeGlobal = { __vigieProbeSeen?: Seen[] };

/** Install (once per service worker) the listener that records content-script messages. */
async function installRecorder(h: Harness): Promise<void> {
  const worker = await currentWorker(h);
  await worker.evaluate(() => {
    const g = globalThis as unknown as ProbeGlobal & { chrome: { runtime: { onMessage: { addListener(cb: (m: unknown, s: { url?: string; tab?: { id?: number } }) => undefined): void } } } };
    if (g.__vigieProbeSeen) return;
    const seen: Seen[] = [];
    g.__vigieProbeSeen = seen;
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      const type = message && typeof message === 'object' && typeof (message as { type?: unknown }).type === 'string' ? (message as { type: string }).type : '';
      if (sender.tab) seen.push({ type, url: sender.url ?? '', tab: sender.tab.id ?? null });
      return undefined; // never answers: Vigie's handlers do
    });
  });
}

async function recorded(h: Harness): Promise<Seen[] | null> {
  const worker = await currentWorker(h);
  return worker.evaluate(() => (globalThis as unknown as ProbeGlobal).__vigieProbeSeen ?? null);
}

const noHash = (url: string) => url.replace(/#.*$/, '');

export interface ContentScriptProbe {
  /**
   * Resolves once both witnesses saw the content script run on the page, then `settle` ms more (default 500: one
   * scan interval of 100 ms plus the background's reply, for a report or a badge the first scan would produce to
   * show up); throws, saying which witness is missing, otherwise.
   */
  ran(opts?: { timeout?: number; first?: string; settle?: number }): Promise<void>;
  /** The message types the page's content scripts sent to the background, in order. */
  messages(): Promise<string[]>;
  /** How many score reports (cs.reportObservations) came from the page. */
  reports(): Promise<number>;
  /** Forget what was seen so far (call before page.reload or a navigation, so the proof is about the new load). */
  reset(): Promise<void>;
  isolated: IsolatedWorldWatch;
  dispose(): Promise<void>;
}

/** Watch `page` for Vigie's content script. Call before page.goto. */
export async function probeContentScript(h: Harness, page: Page): Promise<ContentScriptProbe> {
  await installRecorder(h);
  const isolated = await watchIsolatedWorld(page, h.extensionId);
  let baseline = 0;
  const fromPage = async () => {
    const seen = await recorded(h);
    if (!seen) throw new Error('the service worker restarted: the content-script message recorder is gone');
    const here = noHash(page.url());
    return seen.slice(baseline).filter((s) => noHash(s.url) === here).map((s) => s.type);
  };
  return {
    isolated,
    messages: fromPage,
    async reports() {
      return (await fromPage()).filter((t) => t === 'cs.reportObservations').length;
    },
    async ran({ timeout = 15_000, first = 'cs.', settle = 500 } = {}) {
      const deadline = Date.now() + timeout;
      let types: string[] = [];
      for (;;) {
        types = await fromPage();
        if (isolated.contexts.length > 0 && types.some((t) => t.startsWith(first))) {
          // Proven: now give the first scan, which follows the background's reply, its time to report.
          await new Promise((r) => setTimeout(r, settle));
          return;
        }
        if (Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100)); // test-side polling for the witnesses, not a wait for the page
      }
      throw new Error(
        `Vigie's content script did not run on ${page.url()}: isolated world ${isolated.contexts.length ? 'seen' : 'NOT seen'}, messages to the background: ${types.length ? types.join(', ') : 'none'}`,
      );
    },
    async reset() {
      baseline = (await recorded(h))?.length ?? 0;
      isolated.contexts.length = 0;
    },
    async dispose() {
      await isolated.cdp.detach().catch(() => undefined);
    },
  };
}

/**
 * For a check that a page is NOT read (e.g. a self-hosted origin before it is added): the page has loaded, and no
 * isolated world of Vigie's was created on it nor did any message come from it. Content scripts run at
 * document_idle at the latest right after the load event, so the load event plus the background's record is the
 * evidence, not a guessed delay.
 */
export async function expectNoContentScript(page: Page, probe: ContentScriptProbe): Promise<void> {
  await page.waitForLoadState('load');
  // A task in the page after load, evaluated on the watching DevTools session: an isolated world created before
  // it has been announced on that session before its answer.
  await probe.isolated.cdp.send('Runtime.evaluate', { expression: 'new Promise((r) => setTimeout(r, 0))', awaitPromise: true });
  const types = await probe.messages();
  if (probe.isolated.contexts.length > 0 || types.length > 0) {
    throw new Error(`Vigie's content script ran on ${page.url()} (isolated worlds: ${probe.isolated.contexts.length}, messages: ${types.join(', ') || 'none'})`);
  }
}
