/**
 * `npm run bench [-- --check] [--seconds N] [--platforms a,b] [--write-doc]`
 * One Chromium run with the built extension. For each platform adapter, its host fixture plus a synthetic
 * 50-participant load (scripts/bench/churn.ts) is served twice: at the platform's real URL (A: Vigie's content
 * scripts run) and at a control host no content script matches (B: same page, no Vigie). A and B run side by
 * side and their script time is sampled in the same seconds (DevTools Performance domain); segments alternate
 * which opens first: the paired ratio, a sanity figure (±2 % noise between two renderers on a shared 2-core
 * machine). The budgeted overhead ratio is measured on A itself: the V8 profiler splits A's script time between
 * Vigie's frames and the page's, so ratio = (page + Vigie) / page in the same seconds.
 * Reports: overhead ratio (median A / median B script time), long tasks, scan cost, settings-change → badge
 * latency, content-script heap, service-worker wake-up → badge, popup render time, content-script size, and the
 * report page's first open on a fresh profile and later opens (issue 15; `--report-only` measures just those).
 * --check applies the budgets of docs/performance.md and exits 1 when one is missed.
 * --soak runs the two-hour class instead (scripts/bench/soak.ts, soak-firefox.ts; issue 22), with its own budgets.
 */
import { cpus, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { PLATFORMS } from '../utils/platforms';
import { CHURN_SCRIPT } from './bench/churn';
import { flipScript } from './bench/flip';
import { composerKeystrokeCost } from './bench/composer';
import { runSoak, soakTable } from './bench/soak';
import { spread, type Spread } from './bench/stats';
import { firefoxSoakTable, runFirefoxSoak } from './bench/soak-firefox';
import { runFirefoxLoad, type FirefoxLoad } from './bench/firefox-load';
import { CHROME_BUILD, declaredUrl, launch, launchWithSchoolServer, waitForTabState, type Harness } from './lib/harness';

/**
 * overheadRatio: Chromium's attributed ratio, median of 5 windows; 1.01 since issue 22 (medians 1.003–1.010 on a quiet
 * machine, 2026-12-02). firefoxOverheadRatio: Firefox's, from the Gecko profiler; Vigie's MutationObserver callback
 * costs two to three times more there (a content script's DOM access goes through its Xray wrapper, and the callback
 * runs mostly in the interpreter), medians 1.015–1.028 on the same run: the budget is 1.03 until that cost comes down.
 */
export const BUDGETS = { overheadRatio: 1.01, firefoxOverheadRatio: 1.03, badgeMs: 150, scanMaxMs: 50, contentScriptGzipKB: 15, popupMs: 100, reportMs: 300, composerKeystrokeMedianMs: 2 };

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
// 12 s of load per adapter keeps a full run (14 adapters) under 5 minutes on 2 cores; --seconds 30 for a long run.
const SECONDS = Number(option('seconds') ?? 12);
const SEGMENTS = 2; // A+B side by side, opened A-first then B-first
const only = option('platforms')?.split(',');
const RATIO_WINDOWS = 5;

interface Row {
  platform: string;
  fixture: string;
  ratio: number;
  /** Issue 22: the attributed ratio's spread over its profiling windows, and the paired ratio's over its seconds. */
  ratioSpread: Spread;
  pairedRatio: number;
  pairedSpread: Spread;
  vigieMsPerS: number;
  scriptA: number;
  scriptB: number;
  longTasksA: number;
  longTasksB: number;
  scans: number;
  scanMedianMs: number;
  scanMaxMs: number;
  badgeMs: number | null;
  /** false when the fixtures offer no safe/unsafe pair (nothing on the page to change): badge latency not measured. */
  changeable: boolean;
  heapKB: number;
  wakeMs: number | null;
  csGzipKB: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The page to load: an unsafe host/teacher page that has a safe twin (same name, "safe" for "unsafe"), so a settings
 * change can be simulated by swapping one for the other; for class apps that is their settings page.
 */
function pickFixtures(id: string): { host: string; safe?: string } | null {
  const dir = `tests/fixtures/${id}`;
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.html') && /host|teacher/.test(f) && !/dom-only/.test(f)).sort();
  // The safe twin: same name with "safe" for "unsafe", in the same UI language if there is one, else any.
  const twin = (f: string) => {
    const same = f.replace('unsafe', 'safe');
    if (files.includes(same)) return same;
    const stem = same.replace(/-(en|fr)\.html$/, '');
    return files.find((g) => g !== f && g.replace(/-(en|fr)\.html$/, '') === stem);
  };
  const paired = files.filter((f) => /unsafe/.test(f) && twin(f));
  const host = paired.find((f) => !/settings/.test(f)) ?? paired[0] ?? files.find((f) => /unsafe/.test(f)) ?? files[0];
  if (!host) return null;
  const safe = /unsafe/.test(host) ? twin(host) : undefined;
  return { host: join(dir, host), safe: safe ? join(dir, safe) : undefined };
}

const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
}

interface Loaded {
  page: Page;
  cdp: CDPSession;
}

async function open(h: Harness, url: string): Promise<Loaded> {
  const page = await h.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  return { page, cdp };
}

/**
 * A and B run side by side (separate renderer processes: different sites) under the same machine load, and their
 * script time is sampled in the same seconds: paired samples cancel the drift that separate runs suffer from.
 * Segments alternate which page opens first (A B, then B A).
 */
async function pairedSegment(h: Harness, urlA: string, urlB: string, seconds: number, aFirst: boolean) {
  const first = await open(h, aFirst ? urlA : urlB);
  const second = await open(h, aFirst ? urlB : urlA);
  const [A, B] = aFirst ? [first, second] : [second, first];
  await sleep(800);
  const ratios: number[] = [];
  const msA: number[] = [];
  const msB: number[] = [];
  let prevA = await scriptSeconds(A.cdp);
  let prevB = await scriptSeconds(B.cdp);
  for (let i = 0; i < seconds; i++) {
    await sleep(1000);
    const [nowA, nowB] = await Promise.all([scriptSeconds(A.cdp), scriptSeconds(B.cdp)]);
    msA.push((nowA - prevA) * 1000);
    msB.push((nowB - prevB) * 1000);
    ratios.push((nowA - prevA) / (nowB - prevB));
    prevA = nowA;
    prevB = nowB;
  }
  const long = async (l: Loaded) => (await l.page.evaluate(() => (window as unknown as { __bench: { longTasks(): number } }).__bench.longTasks())) as number;
  return { A, B, ratios, msA, msB, longA: await long(A), longB: await long(B) };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/**
 * Sample page A with the V8 profiler and split its script time between Vigie (frames whose nearest script URL is
 * the extension's) and the page. Native calls (closest, querySelector…) count for whoever called them.
 * Returns milliseconds per second for each.
 */
async function attributedScript(cdp: CDPSession, extensionId: string, seconds: number): Promise<{ vigie: number; page: number }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await sleep(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number } };
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const owner = new Map<number, 'vigie' | 'page' | 'none'>();
  const ownerOf = (id: number): 'vigie' | 'page' | 'none' => {
    const cached = owner.get(id);
    if (cached) return cached;
    const n = byId.get(id)!;
    let result: 'vigie' | 'page' | 'none';
    if (n.callFrame.url) result = n.callFrame.url.startsWith(`chrome-extension://${extensionId}/`) ? 'vigie' : 'page';
    else if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(n.callFrame.functionName)) result = 'none';
    else result = parent.has(id) ? ownerOf(parent.get(id)!) : 'none';
    owner.set(id, result);
    return result;
  };
  const us = { vigie: 0, page: 0, none: 0 };
  profile.samples.forEach((id, i) => {
    us[ownerOf(id)] += profile.timeDeltas[i + 1] ?? 0;
  });
  const elapsed = (profile.endTime - profile.startTime) / 1e6;
  return { vigie: us.vigie / 1000 / elapsed, page: us.page / 1000 / elapsed };
}

/** Milliseconds to the badge repaint after a settings flip (scripts/bench/flip.ts); null if it never repainted. */
async function badgeLatency(page: Page, flip: number, safeBody?: string, unsafeBody?: string): Promise<number | null | 'no-change'> {
  return (await page.evaluate(flipScript(flip, safeBody, unsafeBody ?? ''))) as number | null | 'no-change';
}

interface ReportOpen {
  /** Navigation start → the report drawn and usable (vigie:report-rendered). */
  usableMs: number;
  /** Navigation start → first paint: report.html's static emergency numbers. */
  paintMs: number;
}

/**
 * The report page on a fresh profile: its very first open (right after install, before anything else has woken
 * the browser's policy service: what a teacher sees when the first thing they do is report), then later opens.
 */
async function reportOpens(later = 7): Promise<{ first: ReportOpen; later: ReportOpen[] }> {
  const h = await launch({ welcome: 'ignore' });
  try {
    // Extension pages are not served by the harness: without interception they load as in a teacher's browser.
    await h.context.unrouteAll({ behavior: 'ignoreErrors' });
    const open = async (): Promise<ReportOpen> => {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/report.html`);
      await page.locator('#s1').waitFor({ timeout: 30_000 });
      const [usableMs, paintMs] = (await page.evaluate(
        `[performance.getEntriesByName('vigie:report-rendered')[0]?.startTime ?? NaN, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN]`,
      )) as [number, number];
      await page.close();
      return { usableMs, paintMs };
    };
    const first = await open();
    const rest: ReportOpen[] = [];
    for (let i = 0; i < later; i++) rest.push(await open());
    return { first, later: rest };
  } finally {
    await h.close();
  }
}

/** Chromium and Firefox, side by side: the figures both browsers give, for the same pages in the same run. */
function sideBySide(rows: Row[], firefox: FirefoxLoad): string {
  const fmt = (n: number | null | undefined, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(d));
  const ff = new Map(firefox.rows.map((r) => [r.platform, r]));
  const lines = [
    `Chromium and ${firefox.version} side by side (Firefox: Gecko profiler, 0.2 ms sampling; see Method):`,
    '',
    '| platform | overhead ratio Chromium (median; min–max) | overhead ratio Firefox (median; min–max) | Vigie ms/s Chromium / Firefox | scans Chromium / Firefox | scan max ms Chromium / Firefox | badge ms Chromium / Firefox |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const f = ff.get(r.platform);
    lines.push(
      `| ${r.platform} | ${fmt(r.ratio, 3)}; ${fmt(r.ratioSpread.min, 3)}–${fmt(r.ratioSpread.max, 3)} | ${f ? `${fmt(f.ratio, 3)}; ${fmt(f.ratioSpread.min, 3)}–${fmt(f.ratioSpread.max, 3)}` : 'not run (self-hosted only)'} | ${fmt(r.vigieMsPerS, 2)} / ${fmt(f?.vigieMsPerS, 2)} | ${r.scans} / ${f?.scans ?? 'n/a'} | ${fmt(r.scanMaxMs, 1)} / ${fmt(f?.scanMaxMs, 1)} | ${fmt(r.badgeMs, 0)} / ${fmt(f?.badgeMs, 0)} |`,
    );
  }
  lines.push('', `popup render Firefox: ${fmt(firefox.popupMs, 0)} ms (median of 9; Vigie's script ${fmt(firefox.popupScriptMs, 0)} ms of it)`, '');
  return `${lines.join('\n')}\n`;
}

async function main() {
  if (!flag('no-build')) execSync('npx wxt build', { stdio: 'pipe' });
  // Issue 22: the two-hour class (scripts/bench/soak.ts); its own budgets, its own table.
  if (flag('soak')) {
    const minutes = Number(option('soak-minutes') ?? 120);
    const rows = flag('firefox-only') ? [] : await runSoak({ only, minutes, pickFixtures, bodyOf });
    // Firefox: Jitsi and one class app by default (--firefox-platforms a,b; --no-firefox to skip).
    const firefoxPlatforms = (option('firefox-platforms') ?? 'jitsi,google-classroom').split(',');
    if (!flag('no-firefox') && !flag('no-build')) execSync('npx wxt build -b firefox', { stdio: 'pipe' });
    const ffRows = flag('no-firefox') ? [] : await runFirefoxSoak({ platforms: firefoxPlatforms, minutes, pickFixtures, bodyOf });
    const table = `${soakTable(rows)}\n${ffRows.length ? firefoxSoakTable(ffRows) : ''}`;
    process.stdout.write(`\n${table}`);
    mkdirSync('.vigie-artifacts', { recursive: true });
    writeFileSync('.vigie-artifacts/soak.json', JSON.stringify({ date: new Date().toISOString(), rows, firefox: ffRows }, null, 2));
    if (flag('check')) {
      const misses = [...rows, ...ffRows].flatMap((r) => r.misses);
      process.stdout.write(misses.length ? `\nBUDGETS MISSED:\n  ${misses.join('\n  ')}\n` : '\nAll budgets met.\n');
      process.exitCode = misses.length ? 1 : 0;
    }
    return;
  }
  const fmt0 = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(0));
  const report = await reportOpens();
  const reportLaterMs = median(report.later.map((r) => r.usableMs));
  const reportLine = `report page: first open on a fresh profile usable in ${fmt0(report.first.usableMs)} ms (emergency numbers painted at ${fmt0(report.first.paintMs)} ms); later opens ${fmt0(reportLaterMs)} ms (median of ${report.later.length}; painted at ${fmt0(median(report.later.map((r) => r.paintMs)))} ms)`;
  process.stdout.write(`${reportLine}\n`);
  if (flag('report-only')) {
    if (flag('check')) {
      const misses = [report.first.usableMs > BUDGETS.reportMs || Number.isNaN(report.first.usableMs) ? `report first open ${fmt0(report.first.usableMs)} ms > ${BUDGETS.reportMs}` : '', reportLaterMs > BUDGETS.reportMs ? `report later opens ${fmt0(reportLaterMs)} ms > ${BUDGETS.reportMs}` : ''].filter(Boolean);
      process.stdout.write(misses.length ? `\nBUDGETS MISSED:\n  ${misses.join('\n  ')}\n` : '\nAll budgets met.\n');
      process.exitCode = misses.length ? 1 : 0;
    }
    return;
  }
  const main = await launch();
  let h = main;
  const rows: Row[] = [];
  const started = Date.now();
  try {
    for (const adapter of PLATFORMS.filter((p) => !only || only.includes(p.id))) {
      const fx = pickFixtures(adapter.id);
      if (!fx) {
        process.stdout.write(`${adapter.id}: no host fixture, skipped\n`);
        continue;
      }
      const html = readFileSync(fx.host, 'utf8');
      const urlA = declaredUrl(html)!;
      // Self-hosted-only platforms (BigBlueButton) run in a browser where the school's server was added.
      const school = adapter.matchPatterns.length ? undefined : await launchWithSchoolServer(new URL(urlA).origin, adapter.id);
      const h = school ?? main;
      const control = new URL(urlA);
      control.hostname = 'bench-control.invalid';
      const page = html.replace(/<\/body>/i, `${CHURN_SCRIPT}</body>`);
      h.serve(urlA, page);
      h.serve(control.href, page);

      const ratios: number[] = [];
      const a: number[] = [];
      const b: number[] = [];
      let longA = 0;
      let longB = 0;
      const perSegment = Math.max(2, Math.round(SECONDS / 2 / SEGMENTS));
      let lastA: Loaded | undefined;
      for (let s = 0; s < SEGMENTS; s++) {
        const seg = await pairedSegment(h, urlA, control.href, perSegment, s % 2 === 0);
        ratios.push(...seg.ratios);
        a.push(...seg.msA);
        b.push(...seg.msB);
        longA += seg.longA;
        longB += seg.longB;
        await seg.B.page.close();
        await lastA?.page.close();
        lastA = seg.A;
      }
      const pageA = lastA!.page;
      // Five profiling windows; the budgeted ratio is their median (one window is ±1 % noisy at this cost).
      const windows: { vigie: number; page: number }[] = [];
      for (let w = 0; w < RATIO_WINDOWS; w++) windows.push(await attributedScript(lastA!.cdp, h.extensionId, Math.max(2, Math.round(SECONDS / 6))));
      const attributedRatios = windows.map((w) => (w.page + w.vigie) / w.page);
      const attributed = { vigie: median(windows.map((w) => w.vigie)), page: median(windows.map((w) => w.page)) };
      const scans = (await pageA.evaluate(() => performance.getEntriesByName('vigie:scan').map((e) => e.duration))) as number[];

      const safeBody = fx.safe ? bodyOf(readFileSync(fx.safe, 'utf8')) : undefined;
      const unsafeBody = bodyOf(html);
      const latencies: number[] = [];
      let changeable = true;
      for (let i = 0; i < 3; i++) {
        const ms = await badgeLatency(pageA, i, safeBody, unsafeBody);
        if (ms === 'no-change') changeable = false;
        else if (ms !== null) latencies.push(ms);
        await sleep(300);
      }

      // Content-script heap: the same page with and without Vigie, after a forced GC.
      await lastA!.cdp.send('HeapProfiler.collectGarbage');
      const heapA = ((await lastA!.cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
      const ctl = await h.context.newPage();
      const ctlCdp = await ctl.context().newCDPSession(ctl);
      await ctl.goto(control.href);
      await sleep(1500);
      await ctlCdp.send('HeapProfiler.collectGarbage');
      const heapB = ((await ctlCdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
      await ctl.close();

      // Service worker asleep → settings change → badge.
      let wakeMs: number | null = null;
      try {
        await lastA!.cdp.send('ServiceWorker.enable');
        await lastA!.cdp.send('ServiceWorker.stopAllWorkers');
        await sleep(500);
        const woke = await badgeLatency(pageA, 3, safeBody, unsafeBody);
        wakeMs = typeof woke === 'number' ? woke : null;
      } catch {
        wakeMs = null;
      }
      await pageA.close();

      const cs = join(CHROME_BUILD, 'content-scripts', `${adapter.id}.js`);
      rows.push({
        platform: adapter.id,
        fixture: fx.host,
        ratio: median(attributedRatios),
        ratioSpread: spread(attributedRatios),
        pairedRatio: median(ratios),
        pairedSpread: spread(ratios),
        vigieMsPerS: attributed.vigie,
        scriptA: median(a),
        scriptB: median(b),
        longTasksA: longA,
        longTasksB: longB,
        scans: scans.length,
        scanMedianMs: median(scans),
        scanMaxMs: scans.length ? Math.max(...scans) : 0,
        badgeMs: latencies.length ? median(latencies) : null,
        changeable,
        heapKB: (heapA - heapB) / 1024,
        wakeMs,
        csGzipKB: existsSync(cs) ? gzipSync(readFileSync(cs)).length / 1024 : NaN,
      });
      await school?.dispose();
      process.stdout.write(`${adapter.id}: done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }

    h = main;
    // Popup: open and render for the last scored tab.
    const anyFixture = pickFixtures(PLATFORMS[0].id)!;
    const html = readFileSync(anyFixture.host, 'utf8');
    const url = declaredUrl(html)!;
    h.serve(url, html);
    const room = await h.context.newPage();
    await room.goto(url);
    const state = await waitForTabState(h, url);
    // The harness intercepts every request to serve pages at their real URLs; with interception on, each of the
    // popup's own files makes a round trip through this Node process, which a teacher's browser never does. The
    // room is loaded and scored, so interception is turned off before timing the popup.
    await h.context.unrouteAll({ behavior: 'ignoreErrors' });
    const popupTimes: number[] = [];
    const popupScriptTimes: number[] = [];
    // Nine opens: single opens on 2 shared cores vary by ±30 ms, the median of nine is steadier than of five.
    for (let i = 0; i < 9; i++) {
      const popup = await h.context.newPage();
      await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${state.tabId}`);
      await popup.locator('li').first().waitFor();
      // The popup marks its first useful paint (vigie:popup-rendered), measured from navigation start.
      const [rendered, script] = (await popup.evaluate(
        `[performance.getEntriesByName('vigie:popup-rendered')[0]?.startTime ?? performance.now(), performance.getEntriesByName('vigie:popup-script')[0]?.startTime ?? 0]`,
      )) as [number, number];
      popupTimes.push(rendered);
      popupScriptTimes.push(rendered - script);
      await popup.close();
    }
    const popupMs = median(popupTimes);
    const composer = composerKeystrokeCost();
    const popupScriptMs = median(popupScriptTimes);

    // Issue 22: the same pages in Firefox, in the same run (--no-firefox to skip).
    let firefox: FirefoxLoad | undefined;
    if (!flag('no-firefox')) {
      if (!flag('no-build')) execSync('npx wxt build -b firefox', { stdio: 'pipe' });
      firefox = await runFirefoxLoad({ platforms: rows.map((r) => r.platform), seconds: SECONDS, pickFixtures, bodyOf });
    }

    const fmt = (n: number | null, d = 1) => (n === null || Number.isNaN(n) ? 'n/a' : n.toFixed(d));
    const header = '| platform | overhead ratio (median; min–max of 5 windows) | Vigie ms/s | paired A/B ratio (median; p25–p75 of per-second windows) | script ms/s A / B | long tasks A / B | scans | scan median / max ms | badge ms | SW wake → badge ms | heap KB | content script KB gz |';
    const table = [
      header,
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.platform} | ${fmt(r.ratio, 3)}; ${fmt(r.ratioSpread.min, 3)}–${fmt(r.ratioSpread.max, 3)} | ${fmt(r.vigieMsPerS, 2)} | ${fmt(r.pairedRatio, 3)}; ${fmt(r.pairedSpread.p25, 3)}–${fmt(r.pairedSpread.p75, 3)} (n=${r.pairedSpread.n}) | ${fmt(r.scriptA)} / ${fmt(r.scriptB)} | ${r.longTasksA} / ${r.longTasksB} | ${r.scans} | ${fmt(r.scanMedianMs, 2)} / ${fmt(r.scanMaxMs, 2)} | ${fmt(r.badgeMs, 0)} | ${fmt(r.wakeMs, 0)} | ${fmt(r.heapKB, 0)} | ${fmt(r.csGzipKB, 1)} |`),
    ].join('\n');
    const firefoxTable = firefox ? sideBySide(rows, firefox) : '';
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execSync('/usr/bin/chromium --version').toString().trim()}`;
    process.stdout.write(`\n${table}\n\n${firefoxTable}popup render: ${fmt(popupMs, 0)} ms (median of 9; Vigie's script ${fmt(popupScriptMs, 0)} ms of it)\n${reportLine}\ncomposer contact check per keystroke: median ${fmt(composer.medianMs, 3)} ms, p95 ${fmt(composer.p95Ms, 3)} ms over ${composer.keystrokes} keystrokes\nmachine: ${machine}\nrun time: ${((Date.now() - started) / 1000).toFixed(0)} s, ${SECONDS} s of load per platform\n`);
    mkdirSync('.vigie-artifacts', { recursive: true });
    writeFileSync('.vigie-artifacts/bench.json', JSON.stringify({ machine, date: new Date().toISOString(), seconds: SECONDS, rows, popupMs, report, firefox }, null, 2));

    if (flag('write-doc')) {
      const doc = readFileSync('docs/performance.md', 'utf8');
      const block = `<!-- bench:start -->\nLatest run: ${new Date().toISOString().slice(0, 10)} on ${machine}; ${SECONDS} s of load per platform; popup render ${fmt(popupMs, 0)} ms (Vigie's own script: ${fmt(popupScriptMs, 0)} ms); ${reportLine}.\n\n${table}\n\n${firefoxTable}<!-- bench:end -->`;
      writeFileSync('docs/performance.md', doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
    }

    if (flag('check')) {
      const misses: string[] = [];
      for (const r of rows) {
        if (!(r.ratio <= BUDGETS.overheadRatio)) misses.push(`${r.platform}: overhead ratio ${fmt(r.ratio, 3)} > ${BUDGETS.overheadRatio}`);
        if (r.badgeMs === null && r.changeable) misses.push(`${r.platform}: the badge did not update after a settings change`);
        else if (r.badgeMs !== null && r.badgeMs > BUDGETS.badgeMs) misses.push(`${r.platform}: badge update ${fmt(r.badgeMs, 0)} ms > ${BUDGETS.badgeMs}`);
        if (r.scans === 0) misses.push(`${r.platform}: Vigie never scanned the page (not recognised)`);
        if (r.scanMaxMs > BUDGETS.scanMaxMs) misses.push(`${r.platform}: a scan took ${fmt(r.scanMaxMs, 1)} ms (long task)`);
        if (!(r.csGzipKB <= BUDGETS.contentScriptGzipKB)) misses.push(`${r.platform}: content script ${fmt(r.csGzipKB)} KB gzip`);
      }
      for (const r of firefox?.rows ?? []) {
        if (!(r.ratio <= BUDGETS.firefoxOverheadRatio)) misses.push(`${r.platform} (Firefox): overhead ratio ${fmt(r.ratio, 3)} > ${BUDGETS.firefoxOverheadRatio}`);
        if (r.badgeMs === null && r.changeable) misses.push(`${r.platform} (Firefox): the badge did not update after a settings change`);
        else if (r.badgeMs !== null && r.badgeMs > BUDGETS.badgeMs) misses.push(`${r.platform} (Firefox): badge update ${fmt(r.badgeMs, 0)} ms > ${BUDGETS.badgeMs}`);
        if (r.scans === 0) misses.push(`${r.platform} (Firefox): Vigie never scanned the page (not recognised)`);
        if (r.scanMaxMs > BUDGETS.scanMaxMs) misses.push(`${r.platform} (Firefox): a scan took ${fmt(r.scanMaxMs, 1)} ms (long task)`);
      }
      if (firefox && !(firefox.popupMs <= BUDGETS.popupMs)) misses.push(`popup render (Firefox) ${fmt(firefox.popupMs, 0)} ms > ${BUDGETS.popupMs}`);
      if (!(composer.medianMs <= BUDGETS.composerKeystrokeMedianMs)) misses.push(`composer check ${fmt(composer.medianMs, 3)} ms per keystroke (median) > ${BUDGETS.composerKeystrokeMedianMs}`);
      if (!(popupMs <= BUDGETS.popupMs)) misses.push(`popup render ${fmt(popupMs, 0)} ms > ${BUDGETS.popupMs}`);
      if (!(report.first.usableMs <= BUDGETS.reportMs)) misses.push(`report first open ${fmt(report.first.usableMs, 0)} ms > ${BUDGETS.reportMs}`);
      if (!(reportLaterMs <= BUDGETS.reportMs)) misses.push(`report later opens ${fmt(reportLaterMs, 0)} ms > ${BUDGETS.reportMs}`);
      process.stdout.write(misses.length ? `\nBUDGETS MISSED:\n  ${misses.join('\n  ')}\n` : '\nAll budgets met.\n');
      process.exitCode = misses.length ? 1 : 0;
    }
  } finally {
    await main.close();
  }
}

main().catch((error) => {
  process.stderr.write(`vigie bench: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
