import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import webExt from 'web-ext';
import WebSocket from 'ws';

/**
 * Firefox under test: the built extension loaded with `web-ext run` (MOZ_HEADLESS=1), driven over WebDriver BiDi
 * (Firefox's standard remote protocol). Pages are served at their real URLs by BiDi network interception, the
 * same way Playwright routing does it for Chromium; every other request is refused and recorded.
 */

export const FIREFOX = process.env.VIGIE_FIREFOX ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'vigie@vigie-education.org';

type Json = Record<string, unknown>;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export class Bidi {
  private nextId = 1;
  private pending = new Map<number, { resolve(v: Json): void; reject(e: Error): void }>();
  private listeners: ((method: string, params: Json) => void)[] = [];
  constructor(private ws: WebSocket) {
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as Json;
      if (typeof msg.id === 'number' && this.pending.has(msg.id)) {
        const p = this.pending.get(msg.id)!;
        this.pending.delete(msg.id);
        if (msg.type === 'error') p.reject(new Error(`${String(msg.error)}: ${String(msg.message)}`));
        else p.resolve(msg.result as Json);
      } else if (msg.type === 'event') {
        for (const l of this.listeners) l(String(msg.method), msg.params as Json);
      }
    });
  }
  send(method: string, params: Json = {}): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
  on(listener: (method: string, params: Json) => void): void {
    this.listeners.push(listener);
  }
  close(): void {
    this.ws.close();
  }
}

interface BidiNode {
  value?: { nodeType: number; localName?: string; nodeValue?: string; attributes?: Record<string, string>; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}

/**
 * Read Vigie's in-page badge. Its content is in a closed shadow root, out of the page's reach; BiDi's node
 * serialisation (includeShadowTree: 'all') is the test-side way in.
 */
export async function firefoxBadge(fx: FirefoxHarness, context: string): Promise<{ text: string; ariaLabel: string } | null> {
  const res = (await fx.bidi.send('browsingContext.locateNodes', {
    context,
    locator: { type: 'css', value: 'vigie-badge' },
    serializationOptions: { maxDomDepth: 5, includeShadowTree: 'all' },
  })) as { nodes: BidiNode[] };
  const shadow = res.nodes[0]?.value?.shadowRoot;
  const button = shadow?.value?.children?.find((c) => c.value?.localName === 'button');
  if (!button) return null;
  const text = (n: BidiNode): string => (n.value?.nodeType === 3 ? (n.value.nodeValue ?? '') : (n.value?.children ?? []).map(text).join(' '));
  return { text: text(button).replace(/\s+/g, ' ').trim(), ariaLabel: button.value?.attributes?.['aria-label'] ?? '' };
}

export interface FirefoxHarness {
  bidi: Bidi;
  uuid: string;
  serve(url: string, html: string): void;
  refused: string[];
  /** Open a new tab at `url` and wait for load. Returns the BiDi browsing context id. */
  open(url: string): Promise<string>;
  /** Evaluate an expression in a browsing context; the result must be JSON-serialisable (returned as a string). */
  evaluate<T>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function launchFirefox(sourceDir: string, prefs: Record<string, string | number | boolean> = {}): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install it with \`apt-get install firefox-esr\` or set VIGIE_FIREFOX.`);
  const port = await freePort();
  const uuid = randomUUID();
  process.env.MOZ_HEADLESS = '1';
  const runner = await webExt.cmd.run(
    {
      sourceDir,
      firefox: FIREFOX,
      noInput: true,
      noReload: true,
      startUrl: ['about:blank'],
      args: ['--remote-debugging-port', String(port)],
      pref: {
        // A fixed internal UUID so tests can open moz-extension://<uuid>/… pages.
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'remote.active-protocols': 1,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'app.update.enabled': false,
        ...prefs,
      },
    },
    { shouldExitProgram: false },
  );

  let ws: WebSocket | undefined;
  for (let i = 0; i < 60 && !ws; i++) {
    ws = await new Promise<WebSocket | undefined>((resolve) => {
      const s = new WebSocket(`ws://127.0.0.1:${port}/session`);
      s.once('open', () => resolve(s));
      s.once('error', () => resolve(undefined));
    });
    if (!ws) await new Promise((r) => setTimeout(r, 500));
  }
  if (!ws) {
    runner.exit();
    throw new Error('Firefox did not open its WebDriver BiDi port');
  }
  const bidi = new Bidi(ws);
  await bidi.send('session.new', { capabilities: {} });
  const pages = new Map<string, string>();
  const refused: string[] = [];
  await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
  bidi.on((method, params) => {
    if (method !== 'network.beforeRequestSent' || !params.isBlocked) return;
    const request = params.request as { request: string; url: string };
    const key = request.url.split('#')[0];
    const body = pages.get(key);
    if (body !== undefined) {
      void bidi.send('network.provideResponse', {
        request: request.request,
        statusCode: 200,
        reasonPhrase: 'OK',
        headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
        body: { type: 'string', value: body },
      });
    } else {
      refused.push(request.url);
      void bidi.send('network.failRequest', { request: request.request });
    }
  });
  await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });

  return {
    bidi,
    uuid,
    refused,
    serve(url, html) {
      pages.set(url.split('#')[0], html);
    },
    async open(url) {
      const { context } = (await bidi.send('browsingContext.create', { type: 'tab' })) as { context: string };
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    async evaluate<T>(context: string, expression: string) {
      const res = (await bidi.send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      })) as { type: string; result?: { type: string; value?: string }; exceptionDetails?: { text: string } };
      if (res.type === 'exception') throw new Error(`evaluate failed: ${res.exceptionDetails?.text}`);
      return JSON.parse(res.result?.value ?? 'null') as T;
    },
    async close() {
      try {
        await bidi.send('session.end');
      } catch {
        /* already closing */
      }
      bidi.close();
      await runner.exit();
    },
  };
}
