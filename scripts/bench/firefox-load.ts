/**
 * The load bench in Firefox (issue 22), side by side with Chromium's in one `npm run bench`: firefox-esr headless with
 * the built add-on (`web-ext run`), driven over WebDriver BiDi (scripts/lib/firefox.ts). Same pages as Chromium: each
 * platform's host fixture plus the 50-participant churn (scripts/bench/churn.ts), served at the platform's real URL.
 *
 * - Overhead ratio: the Gecko profiler (started from the browser's chrome scope, which the remote agent reaches with
 *   MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1) samples the page's content-process main thread every 0.2 ms; each sample goes to
 *   its nearest JS frame, Vigie's or the page's (scripts/bench/gecko-profile.ts). Ratio = (page + Vigie) / page over
 *   the same seconds, in five windows; the budget applies to their median.
 * - Scans, badge latency: read from inside the page. A content script's `performance.mark/measure` lands in the page's
 *   own timeline through Firefox's Xray wrapper; Firefox rounds these times to 1–2 ms (its timer resolution).
 * - Popup: popup.html?tab=<id> opened as a tab 9 times; navigation start → `vigie:popup-rendered` (median).
 */
import { readFileSync } from 'node:fs';
import { PLATFORMS } from '../../utils/platforms';
import { FIREFOX_BUILD, declaredUrl } from '../lib/harness';
import { GECKO_ID, launchFirefox, type FirefoxHarness } from '../lib/firefox';
import { allowExtensionPages, chromeContext, extensionHost, waitFor } from '../lib/firefox-pages';
import { CHURN_SCRIPT } from './churn';
import { flipScript } from './flip';
import { attributeSamples, type GeckoThread } from './gecko-profile';
import { spread, type Spread } from './stats';

const median = (xs: number[]) => spread(xs).median;

export interface FirefoxLoadRow {
  platform: string;
  ratio: number;
  ratioSpread: Spread;
  vigieMsPerS: number;
  pageMsPerS: number;
  scans: number;
  scanMedianMs: number;
  scanMaxMs: number;
  badgeMs: number | null;
  changeable: boolean;
}

export interface FirefoxLoad {
  rows: FirefoxLoadRow[];
  popupMs: number;
  popupScriptMs: number;
  version: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The profiler's sampling interval (ms): Vigie costs well under 1 ms per second, so 1 ms sampling would see ~nothing. */
const INTERVAL_MS = 0.2;

async function chromeEval<T>(fx: FirefoxHarness, chrome: string, expression: string): Promise<T> {
  const res = (await fx.bidi.send('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context: chrome }, awaitPromise: true })) as {
    type: string;
    result?: { value?: string };
    exceptionDetails?: { text: string };
  };
  if (res.type === 'exception') throw new Error(`chrome-scope evaluate failed: ${res.exceptionDetails?.text}`);
  return JSON.parse(res.result?.value ?? 'null') as T;
}

/**
 * One profiling window: start the profiler, let the page run, and bring back only the main thread of the content
 * process showing `pageUrl` (a few hundred KB at most), with the window's bounds on the profile's clock.
 */
export async function profileWindow(fx: FirefoxHarness, chrome: string, pageUrl: string, seconds: number): Promise<{ thread: GeckoThread; ms: number }> {
  await chromeEval(fx, chrome, `(Services.profiler.StartProfiler(1 << 22, ${INTERVAL_MS}, ['js'], ['GeckoMain']), true)`);
  await sleep(seconds * 1000);
  const got = await chromeEval<{ thread: GeckoThread; ms: number } | null>(
    fx,
    chrome,
    `(async () => {
      const profile = await Services.profiler.getProfileDataAsync();
      Services.profiler.StopProfiler();
      const all = [profile, ...(profile.processes || []).map((p) => (typeof p === 'string' ? JSON.parse(p) : p))];
      const proc = all.find((p) => (p.pages || []).some((pg) => pg.url === ${JSON.stringify(pageUrl)}));
      const thread = proc && proc.threads.find((t) => t.name === 'GeckoMain');
      if (!thread) return null;
      const times = thread.samples.data.map((r) => r[thread.samples.schema.time]);
      return { thread: { name: thread.name, samples: thread.samples, stackTable: thread.stackTable, frameTable: thread.frameTable, stringTable: thread.stringTable }, ms: times.length ? times[times.length - 1] - times[0] : 0 };
    })()`,
  );
  if (!got) throw new Error(`Firefox profile: no content process shows ${pageUrl}`);
  return got;
}

export async function runFirefoxLoad(opts: { platforms: string[]; seconds: number; pickFixtures(id: string): { host: string; safe?: string } | null; bodyOf(html: string): string }): Promise<FirefoxLoad> {
  allowExtensionPages();
  const fx = await launchFirefox(FIREFOX_BUILD);
  const rows: FirefoxLoadRow[] = [];
  try {
    const chrome = await chromeContext(fx);
    const version = await chromeEval<string>(fx, chrome, `Services.appinfo.name + ' ' + Services.appinfo.version`);
    const host = await extensionHost(fx, GECKO_ID);
    const windowS = Math.max(2, Math.round(opts.seconds / 4));
    let lastUrl = '';
    for (const adapter of PLATFORMS.filter((p) => opts.platforms.includes(p.id))) {
      // Self-hosted-only platforms (BigBlueButton) need the school's origin granted at run time: not in this bench.
      if (!adapter.matchPatterns.length) continue;
      const fixtures = opts.pickFixtures(adapter.id);
      if (!fixtures) continue;
      const html = readFileSync(fixtures.host, 'utf8');
      const url = declaredUrl(html)!;
      fx.serve(url, html.replace(/<\/body>/i, `${CHURN_SCRIPT}</body>`));
      const ctx = await fx.open(url);
      await waitFor(fx, ctx, `performance.getEntriesByName('vigie:badge').length > 0`, 20_000);
      await sleep(800);
      const windows: { vigie: number; page: number }[] = [];
      for (let w = 0; w < 5; w++) {
        const { thread, ms } = await profileWindow(fx, chrome, url, windowS);
        const counts = attributeSamples(thread, host, new URL(url).origin);
        // Samples → ms per second of the window (each sample stands for one interval).
        const perS = (n: number) => (n * INTERVAL_MS * 1000) / Math.max(ms, 1);
        windows.push({ vigie: perS(counts.vigie), page: perS(counts.page) });
      }
      const ratios = windows.map((w) => (w.page + w.vigie) / w.page);
      const scans = await fx.evaluate<number[]>(ctx, `performance.getEntriesByName('vigie:scan').map((e) => e.duration)`);
      const safeBody = fixtures.safe ? opts.bodyOf(readFileSync(fixtures.safe, 'utf8')) : undefined;
      const unsafeBody = opts.bodyOf(html);
      const latencies: number[] = [];
      let changeable = true;
      for (let i = 0; i < 3; i++) {
        const ms = await fx.evaluate<number | null | 'no-change'>(ctx, flipScript(i, safeBody, unsafeBody));
        if (ms === 'no-change') changeable = false;
        else if (ms !== null) latencies.push(ms);
        await sleep(300);
      }
      rows.push({
        platform: adapter.id,
        ratio: median(ratios),
        ratioSpread: spread(ratios),
        vigieMsPerS: median(windows.map((w) => w.vigie)),
        pageMsPerS: median(windows.map((w) => w.page)),
        scans: scans.length,
        scanMedianMs: median(scans),
        scanMaxMs: scans.length ? Math.max(...scans) : 0,
        badgeMs: latencies.length ? median(latencies) : null,
        changeable,
      });
      lastUrl = url;
      await fx.bidi.send('browsingContext.close', { context: ctx }).catch(() => undefined);
      process.stdout.write(`${adapter.id} (Firefox): done\n`);
    }

    // Popup: as in Chromium, the first platform's room, open and scored; the popup is opened as a page for its tab.
    const first = opts.pickFixtures(opts.platforms[0]);
    const roomUrl = first ? declaredUrl(readFileSync(first.host, 'utf8'))! : lastUrl;
    const room = await fx.open(roomUrl);
    await waitFor(fx, room, `performance.getEntriesByName('vigie:badge').length > 0`, 20_000);
    const page = (path: string) => `moz-extension://${host}/${path}`;
    const probe = await fx.open(page('popup.html'));
    // The room's tab id, from the state Vigie keeps per tab (storage.session, keyed by tab id; utils/storage.ts).
    const tabId = await waitFor<string>(
      fx,
      probe,
      `browser.storage.session.get('tabStates').then((s) => Object.entries(s.tabStates || {}).find(([, v]) => v && v.url === ${JSON.stringify(roomUrl)})?.[0] || '')`,
      20_000,
    );
    await fx.bidi.send('browsingContext.close', { context: probe }).catch(() => undefined);
    const times: number[] = [];
    const scriptTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const popup = await fx.open(page(`popup.html?tab=${tabId}`));
      await waitFor(fx, popup, `document.querySelector('li') && performance.getEntriesByName('vigie:popup-rendered').length > 0`);
      const [rendered, script] = await fx.evaluate<[number, number]>(popup, `[performance.getEntriesByName('vigie:popup-rendered')[0].startTime, performance.getEntriesByName('vigie:popup-script')[0]?.startTime ?? 0]`);
      times.push(rendered);
      scriptTimes.push(rendered - script);
      await fx.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
    }
    return { rows, popupMs: median(times), popupScriptMs: median(scriptTimes), version };
  } finally {
    await fx.close();
  }
}
