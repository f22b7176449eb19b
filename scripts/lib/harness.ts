import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * Real Chromium with the built extension, and pages served at the platforms' real URLs through Playwright
 * routing. Every other request is refused and recorded, so nothing reaches the network and tests can assert it.
 */

export const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROME_BUILD = resolve(process.env.VIGIE_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIREFOX_BUILD = resolve(process.env.VIGIE_OUT_DIR ?? '.output', 'firefox-mv3');
export const EXTENSION_ID = (JSON.parse(readFileSync('extension-key.json', 'utf8')) as { id: string }).id;

export interface Served {
  body: string;
  contentType?: string;
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Pages to serve, by exact URL without hash (query strings count). */
  serve(url: string, served: Served | string): void;
  /** Every http(s) request that was refused because no page was registered for it. */
  refused: string[];
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  userDataDir?: string;
  locale?: string;
  /**
   * IANA time zone of the whole browser, as on a machine set to it: Playwright's timezoneId covers pages, and TZ
   * in Chromium's environment covers the extension's service worker, which Playwright's emulation does not reach.
   */
  timezoneId?: string;
  /**
   * On install Vigie opens its welcome page (utils/background/welcome.ts). By default launch() waits until the
   * background has decided (opened or skipped: local:welcome) and closes that tab, so tests see only their own
   * pages; 'keep' leaves it open for tests of the welcome page itself; 'ignore' does not wait (the bench's
   * first open of the report page, which must come before anything else has woken the browser's policy service).
   */
  welcome?: 'close' | 'keep' | 'ignore';
}

function keyOf(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = opts.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (Debian) or set VIGIE_CHROMIUM.`);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'vigie-profile-'));
  const headless = opts.headless ?? true;
  const lang = opts.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // the flag below selects the new headless mode, the one that runs extensions
    locale: lang,
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 800 },
    // On Linux, Chromium takes its UI language (hence browser.i18n's) from LANGUAGE, not from --lang; the
    // French UI also needs Debian's chromium-l10n (installed by npm test / .ci/run).
    ...(opts.locale || opts.timezoneId ? { env: { ...process.env, ...(opts.locale ? { LANGUAGE: lang.replace('-', '_') } : {}), ...(opts.timezoneId ? { TZ: opts.timezoneId } : {}) } } : {}),
  });
  const pages = new Map<string, Served>();
  const refused: string[] = [];
  await context.route(
    () => true,
    async (route) => {
      const url = route.request().url();
      if (!/^https?:/.test(url)) return route.continue();
      const served = pages.get(keyOf(url));
      if (served) return route.fulfill({ status: 200, contentType: served.contentType ?? 'text/html; charset=utf-8', body: served.body });
      refused.push(url);
      return route.abort('blockedbyclient');
    },
  );
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  if (opts.welcome !== 'ignore') await settleWelcome(context, worker, extensionId, opts.welcome ?? 'close');
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    refused,
    serve(url, served) {
      pages.set(keyOf(url), typeof served === 'string' ? { body: served } : served);
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Wait for the background's welcome decision (it reads the school policy first: seconds on a fresh profile). */
async function settleWelcome(context: BrowserContext, worker: Worker, extensionId: string, mode: 'close' | 'keep'): Promise<void> {
  const deadline = Date.now() + 20_000;
  let state: string | undefined;
  while (Date.now() < deadline) {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker;
    state = (await live
      .evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { state?: string } | undefined>> } } } }).chrome;
        return (await c.storage.local.get('welcome')).welcome?.state;
      })
      .catch(() => undefined)) as string | undefined;
    if (state) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (state !== 'opened') return;
  // The tab exists once the state is written; its URL may still be settling.
  const url = `chrome-extension://${extensionId}/welcome.html`;
  let page: Page | undefined;
  for (const end = Date.now() + 5_000; !page && Date.now() < end; ) {
    page = context.pages().find((p) => p.url().startsWith(url));
    if (!page) await new Promise((r) => setTimeout(r, 100));
  }
  if (page && mode === 'close') await page.close();
}

/** The background's live service worker (it may have been restarted since launch). */
export async function currentWorker(h: Harness): Promise<Worker> {
  const live = h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
  return live ?? (await h.context.waitForEvent('serviceworker', { timeout: 10_000 }));
}

export interface TabStateOut {
  tabId: number;
  platform: string;
  url: string;
  roomKey: string;
  role: string;
  isMeeting: boolean;
  result: {
    score: number;
    potential: number;
    band: string;
    known: boolean;
    nextStep: { id: string; action: string } | null;
    /** Issue 17: items known (read or confirmed) of those that apply. */
    coverage: { checked: number; total: number; keyChecked: number; keyTotal: number };
    items: { id: string; state: string; evidence: string; by: string; scope?: string; confirmedAt?: string; confirmedScope?: string }[];
  };
  belowMinimum?: number;
}

/** Read the background's per-tab states (storage.session) from the service worker. */
export async function tabStates(h: Harness): Promise<TabStateOut[]> {
  const worker = await currentWorker(h);
  const all = (await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await c.storage.session.get('tabStates')).tabStates ?? {};
  })) as Record<string, TabStateOut>;
  return Object.values(all);
}

/**
 * Wait until the background holds a state for `url` that has stopped changing (the content script rescans on
 * DOM changes, throttled; the first report may precede the page state). Polling here is test-side only.
 */
export async function waitForTabState(h: Harness, url: string, { timeout = 15_000, settle = 1_200 } = {}): Promise<TabStateOut> {
  const want = keyOf(url);
  const deadline = Date.now() + timeout;
  let last = '';
  let lastChange = Date.now();
  let found: TabStateOut | undefined;
  while (Date.now() < deadline) {
    found = (await tabStates(h)).find((s) => keyOf(s.url) === want);
    const sig = JSON.stringify(found?.result ?? null);
    if (sig !== last) {
      last = sig;
      lastChange = Date.now();
    } else if (found && Date.now() - lastChange >= settle) {
      return found;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  // A state still changing at the deadline is not an answer: fail loudly rather than assert on a moving score.
  if (found) throw new Error(`Vigie's state for ${url} was still changing after ${timeout} ms (last: ${last.slice(0, 200)})`);
  throw new Error(`Vigie reported nothing for ${url} within ${timeout} ms`);
}

export async function toolbarBadge(h: Harness, tabId: number): Promise<{ text: string; color: number[]; title: string }> {
  const worker = await currentWorker(h);
  return worker.evaluate(async (id) => {
    type Action = { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> };
    const c = (globalThis as unknown as { chrome: { action: Action } }).chrome;
    return { text: await c.action.getBadgeText({ tabId: id }), color: await c.action.getBadgeBackgroundColor({ tabId: id }), title: await c.action.getTitle({ tabId: id }) };
  }, tabId);
}

interface CdpNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The in-page badge lives in a CLOSED shadow root (the page cannot read it, nor can Playwright selectors).
 * The DevTools protocol can: read its text and attributes for assertions.
 */
export async function inPageBadge(page: Page): Promise<{ text: string; ariaLabel: string; style: string } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | undefined => {
      if (n.nodeName === 'VIGIE-BADGE') return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const host = find(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const button = (shadow.children ?? []).find((c) => c.nodeName === 'BUTTON');
    const text = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(text).join(' '));
    const attrs = Object.fromEntries((button?.attributes ?? []).reduce<[string, string][]>((acc, v, i, a) => (i % 2 ? acc : [...acc, [v, a[i + 1]]]), []));
    return { text: button ? text(button).replace(/\s+/g, ' ').trim() : '', ariaLabel: attrs['aria-label'] ?? '', style: attrs.style ?? '' };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A saved page declares the URL it belongs at: <meta name="vigie:url" content="https://…">. */
export function declaredUrl(html: string): string | undefined {
  return /<meta\s+name="vigie:url"\s+content="([^"]+)"/i.exec(html)?.[1];
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  world?: string;
  persistAcrossSessions?: boolean;
}

/** The content scripts the background registered at run time (chrome.scripting), as the browser holds them. */
export async function registeredContentScripts(h: Harness): Promise<RegisteredScript[]> {
  const worker = await currentWorker(h);
  return (await worker.evaluate(() => (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting.getRegisteredContentScripts())) as RegisteredScript[];
}

/**
 * A copy of the built extension (in a new temporary folder: remove it when done) whose manifest already holds
 * `origin` in host_permissions. Chromium offers automation no way to answer the permission prompt (no CDP, no flag;
 * see puppeteer#5054, playwright#32755); `permissions.request` for a permission already held resolves true at once.
 */
export function copyWithHostPermission(origin: string, { from = CHROME_BUILD, prefix = 'vigie-school-' }: { from?: string; prefix?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(from, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${origin}/*`];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * A copy of the built extension whose manifest already holds one school server's origin (automation cannot click
 * Chromium's permission prompt), with that server added in the teacher's settings so the background registers the
 * platform's content scripts for it, as in production after the teacher's click. Resolves once registered.
 */
export async function launchWithSchoolServer(origin: string, platform: string, opts: LaunchOptions = {}): Promise<Harness & { dispose(): Promise<void> }> {
  const dir = copyWithHostPermission(origin, { from: opts.extensionDir });
  const h = await launch({ ...opts, extensionDir: dir });
  type Chrome = { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
  await (await currentWorker(h)).evaluate(
    ([o, p]) => (globalThis as unknown as Chrome).chrome.storage.local.set({ userSettings: { selfHostedOrigins: [{ origin: o, platform: p }] } }),
    [origin, platform] as const,
  );
  const deadline = Date.now() + 45_000;
  for (;;) {
    const scripts = await registeredContentScripts(h);
    if (scripts.some((s) => s.matches?.includes(`${origin}/*`))) break;
    if (Date.now() > deadline) throw new Error(`content scripts were not registered for ${origin}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    ...h,
    async dispose() {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
