import type { CDPSession, Page, Worker } from 'playwright-core';
import type { Harness } from './harness';

/**
 * Watches, at the source, every request the extension could make: its service worker, its own pages (popup,
 * options, report) and its content scripts on meeting pages. Used by tests/e2e/no-network.e2e.ts.
 *
 * Witness 1, the DevTools protocol: a browser-level session attaches to every page and service-worker target
 * (non-flattened sessions, since Playwright's CDPSession cannot address flattened child sessions) and turns on the
 * Network domain there. A request's initiator stack names the script that made it, so a fetch made by a content
 * script on a meeting page shows as coming from chrome-extension://<id>/…, unlike the page's own loads.
 * Witness 2, in the service worker itself: fetch, XMLHttpRequest.open, WebSocket, EventSource, sendBeacon and
 * importScripts are wrapped and every call is recorded (read with `swCalls()`).
 * (Witness 3 is the harness's own route: every http(s) request the browser makes to a page it was not told to
 * serve is refused and listed in `h.refused`; in this playwright-core version that includes the service worker.)
 */

export interface SeenRequest {
  /** 'service_worker' | 'page' | … (the CDP target type), and that target's URL when the request was made. */
  targetType: string;
  targetUrl: string;
  url: string;
  /** The document the request belongs to (CDP documentURL), if any. */
  documentUrl: string;
  /** Every script URL on the initiator's stack (and the initiator's own url). */
  initiatorUrls: string[];
  /** CDP initiator type: 'parser', 'script', 'other' (the browser's own, such as a favicon) … */
  initiatorType: string;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface Initiator {
  type?: string;
  url?: string;
  stack?: { callFrames: { url: string }[]; parent?: Initiator['stack'] };
}

function stackUrls(initiator: Initiator | undefined): string[] {
  const out = new Set<string>();
  if (initiator?.url) out.add(initiator.url);
  for (let s = initiator?.stack; s; s = s.parent) for (const f of s.callFrames) if (f.url) out.add(f.url);
  return [...out];
}

export class NetworkWitness {
  readonly seen: SeenRequest[] = [];
  private readonly targets = new Map<string, TargetInfo>();
  private readonly sessions = new Map<string, string>(); // sessionId → targetId
  private attaching = new Set<string>();
  /** Targets whose Network.enable has been answered: from then on, none of their requests can be missed. */
  private readonly listening = new Set<string>();
  private readonly pendingEnable = new Map<number, string>(); // message id → targetId
  private nextId = 1;

  private constructor(
    private readonly cdp: CDPSession,
    readonly extensionId: string,
  ) {}

  static async start(h: Harness): Promise<NetworkWitness> {
    const browser = h.context.browser();
    if (!browser) throw new Error('no browser behind this context: the DevTools witness needs one');
    const w = new NetworkWitness(await browser.newBrowserCDPSession(), h.extensionId);
    await w.init();
    return w;
  }

  private get origin(): string {
    return `chrome-extension://${this.extensionId}/`;
  }

  private async init(): Promise<void> {
    this.cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => this.onChildMessage(e.sessionId, e.message));
    this.cdp.on('Target.targetCreated', (e: { targetInfo: TargetInfo }) => void this.track(e.targetInfo));
    this.cdp.on('Target.targetInfoChanged', (e: { targetInfo: TargetInfo }) => void this.track(e.targetInfo));
    this.cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => this.sessions.delete(e.sessionId));
    await this.cdp.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = (await this.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    await Promise.all(targetInfos.map((t) => this.track(t)));
    // Return only once every target already open (the service worker among them) is listened to.
    const deadline = Date.now() + 10_000;
    while (this.pendingEnable.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  private async track(info: TargetInfo): Promise<void> {
    this.targets.set(info.targetId, info);
    if (!['page', 'service_worker', 'worker', 'shared_worker', 'iframe'].includes(info.type)) return;
    if ([...this.sessions.values()].includes(info.targetId) || this.attaching.has(info.targetId)) return;
    this.attaching.add(info.targetId);
    try {
      const { sessionId } = (await this.cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false })) as { sessionId: string };
      this.sessions.set(sessionId, info.targetId);
      const id = this.nextId++;
      this.pendingEnable.set(id, info.targetId);
      await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Network.enable', params: {} }) });
    } catch {
      // The target closed before we got to it.
    } finally {
      this.attaching.delete(info.targetId);
    }
  }

  private onChildMessage(sessionId: string, raw: string): void {
    const msg = JSON.parse(raw) as { id?: number; method?: string; params?: { request: { url: string }; documentURL?: string; initiator?: Initiator } };
    if (msg.id !== undefined && this.pendingEnable.has(msg.id)) {
      this.listening.add(this.pendingEnable.get(msg.id)!);
      this.pendingEnable.delete(msg.id);
      return;
    }
    if (msg.method !== 'Network.requestWillBeSent' || !msg.params) return;
    const target = this.targets.get(this.sessions.get(sessionId) ?? '');
    this.seen.push({
      targetType: target?.type ?? '?',
      targetUrl: target?.url ?? '?',
      url: msg.params.request.url,
      documentUrl: msg.params.documentURL ?? '',
      initiatorUrls: stackUrls(msg.params.initiator),
      initiatorType: msg.params.initiator?.type ?? '',
    });
  }

  /**
   * Resolves once this witness listens to `page`'s target (attached and Network enabled). Call it between
   * `newPage()` and `goto()`: attaching is asynchronous, and on a loaded machine a navigation started at once
   * could otherwise run before the witness listens.
   */
  async listensTo(page: Page, timeoutMs = 10_000): Promise<void> {
    const session = await page.context().newCDPSession(page);
    let targetId: string;
    try {
      ({ targetInfo: { targetId } } = (await session.send('Target.getTargetInfo')) as { targetInfo: TargetInfo });
    } finally {
      await session.detach().catch(() => undefined);
    }
    const deadline = Date.now() + timeoutMs;
    while (!this.listening.has(targetId)) {
      if (Date.now() > deadline) throw new Error(`the network witness did not attach to ${page.url()} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Targets this witness is listening to, as "type url" (for the test's own sanity checks). */
  attachedTargets(): string[] {
    return [...this.sessions.values()].map((id) => this.targets.get(id)).map((t) => `${t?.type} ${t?.url}`);
  }

  /** Is `url` the extension's own packaged file (or an in-memory data:/blob: URL)? Those never leave the device. */
  isLocal(url: string): boolean {
    return url.startsWith(this.origin) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
  }

  /**
   * Requests the extension made that leave its own package: from the service worker; from the extension's pages;
   * and, on any page, from a script of the extension (content scripts).
   */
  extensionRequests(): SeenRequest[] {
    return this.seen.filter((r) => {
      if (this.isLocal(r.url)) return false;
      if (r.targetType === 'service_worker' && r.targetUrl.startsWith(this.origin)) return true;
      if (r.targetUrl.startsWith(this.origin) || r.documentUrl.startsWith(this.origin)) return true;
      return r.initiatorUrls.some((u) => u.startsWith(this.origin));
    });
  }

  /**
   * The browser's own favicon fetch for a page (initiator 'other', no script on the stack): made by Chromium for
   * its tab strip, by no script of the page's or the extension's. (The harness's route does not see these.)
   */
  static isBrowserFavicon(r: SeenRequest): boolean {
    try {
      const u = new URL(r.url);
      return u.pathname === '/favicon.ico' && r.initiatorType === 'other' && r.initiatorUrls.length === 0 && u.origin === new URL(r.targetUrl).origin;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** Calls recorded by the wrappers installed in the service worker (witness 2). */
export interface SwCall {
  api: string;
  url: string;
}

/**
 * Wrap the network APIs of the live service worker. Returns a token; `swCalls` refuses to answer if the worker
 * was restarted since (a fresh worker would have lost the wrappers and the record).
 */
export async function wrapServiceWorkerNetwork(worker: Worker): Promise<string> {
  return worker.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> & { __vigieNet?: { token: string; calls: { api: string; url: string }[] } };
    if (g.__vigieNet) return g.__vigieNet.token;
    const rec = { token: `sw-${Date.now()}-${Math.random()}`, calls: [] as { api: string; url: string }[] };
    g.__vigieNet = rec;
    const note = (api: string, url: unknown) => rec.calls.push({ api, url: String(url instanceof Request ? url.url : url) });
    const origFetch = globalThis.fetch;
    globalThis.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      note('fetch', input);
      return origFetch.call(this, input, init);
    } as typeof fetch;
    if (typeof XMLHttpRequest !== 'undefined') {
      const open = XMLHttpRequest.prototype.open;
      XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
        note('XMLHttpRequest', args[1]);
        return (open as (...a: unknown[]) => void).apply(this, args);
      } as typeof open;
    }
    for (const name of ['WebSocket', 'EventSource'] as const) {
      const Orig = g[name] as (new (...a: unknown[]) => object) | undefined;
      if (typeof Orig !== 'function') continue;
      g[name] = new Proxy(Orig, {
        construct(target, args) {
          note(name, args[0]);
          return Reflect.construct(target, args);
        },
      });
    }
    const nav = (globalThis as unknown as { navigator?: { sendBeacon?: (u: string, d?: unknown) => boolean } }).navigator;
    if (nav?.sendBeacon) {
      const beacon = nav.sendBeacon.bind(nav);
      nav.sendBeacon = (u: string, d?: unknown) => {
        note('sendBeacon', u);
        return beacon(u, d);
      };
    }
    const imp = g.importScripts as ((...u: string[]) => void) | undefined;
    if (typeof imp === 'function') {
      g.importScripts = (...urls: string[]) => {
        for (const u of urls) note('importScripts', u);
        return imp(...urls);
      };
    }
    return rec.token;
  });
}

export async function swCalls(worker: Worker, token: string): Promise<SwCall[]> {
  const got = await worker.evaluate(() => (globalThis as unknown as { __vigieNet?: { token: string; calls: SwCall[] } }).__vigieNet ?? null);
  if (!got || got.token !== token) throw new Error('the service worker was restarted: its network wrappers (and their record) are gone');
  return got.calls;
}
