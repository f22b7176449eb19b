/**
 * `npm run bench -- --soak [--check] [--platforms a,b] [--soak-minutes N]` (issue 22): a two-hour class per platform.
 *
 * Each platform's host fixture gets a churning 50-participant class (SOAK_SCRIPT): join/leave waves every 5 minutes,
 * chat bursts every 3, a full tile re-layout every 10, SPA navigations between rooms every 30, a settings change
 * every 20 and a service-worker restart every 30. The page's own timers run on Playwright's clock
 * (page.clock.install: time flows in real time and each simulated minute is fast-forwarded with runFor(60 s)), so
 * two hours of the page's churn take about a minute. Vigie's content script runs in an isolated world, which the
 * clock does not reach: its throttle and observer run in real time, and every settings change and navigation is
 * made on its own with real time after it, so Vigie sees each one as it would in a class.
 *
 * The same page runs twice, side by side, with the same actions on the same clock: A at the platform's real URL
 * (Vigie runs) and B at a control host (no content script). Figures that the browser only gives per renderer (JS
 * heap, DOM nodes, listeners) are read as A minus B after a forced GC in both: what Vigie adds.
 */
import type { CDPSession, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { PLATFORMS } from '../../utils/platforms';
import { declaredUrl, inPageBadge, launch, launchWithSchoolServer, tabStates, toolbarBadge, type Harness } from '../lib/harness';
import { jsObjectBytes, type HeapSnapshotJson } from './heap-snapshot';
import { soakMisses, type SoakSample, type SoakWake } from './soak-budgets';

/** The churning class, appended to the fixture's body. Deterministic: A and B build the same DOM. */
export const SOAK_SCRIPT = `
<script>
(function () {
  // Playwright's clock replaces window.performance with a stub (no marks, no entries) in the page's world; Vigie's
  // isolated world keeps the real one, and its entries reach this observer. Real times come from PerformanceMark.
  var scans = 0, scanMs = 0, badges = [], flipAt = -1;
  var realNow = function () { return new PerformanceMark('soak').startTime; };
  try { new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { if (e.name === 'vigie:scan') { scans++; scanMs += e.duration; } else if (e.name === 'vigie:badge') badges.push(e.startTime); }); }).observe({ entryTypes: ['measure', 'mark'] }); } catch (e) {}
  var grid, captions, chat, tiles = [], next = 0, tick = 0, speaker = 0, msg = 0;
  function tile() {
    var k = next++;
    var t = document.createElement('div'); t.className = 'tile'; t.setAttribute('aria-label', 'Participant ' + k);
    var name = document.createElement('span'); name.textContent = 'Student ' + k; t.appendChild(name);
    var level = document.createElement('div'); level.className = 'level'; t.appendChild(level);
    return t;
  }
  function post(n) {
    for (var i = 0; i < n; i++) { var li = document.createElement('li'); li.textContent = 'Student ' + (msg % 50) + ': question ' + msg++; chat.appendChild(li); }
    while (chat.children.length > 100) chat.removeChild(chat.firstChild);
  }
  function start() {
    grid = document.createElement('div'); grid.id = 'soak-tiles';
    for (var i = 0; i < 50; i++) { var t = tile(); tiles.push(t); grid.appendChild(t); }
    captions = document.createElement('p'); captions.id = 'soak-captions';
    chat = document.createElement('ul'); chat.id = 'soak-chat';
    document.body.appendChild(grid); document.body.appendChild(captions); document.body.appendChild(chat);
    var words = 'the quick brown fox jumps over the lazy dog while the class reads chapter five aloud'.split(' ');
    setInterval(function () {
      tick++;
      for (var i = 0; i < tiles.length; i++) tiles[i].lastChild.style.width = ((tick * 13 + i * 7) % 100) + '%';
      if (tick % 2 === 0) { tiles[speaker % tiles.length].classList.remove('speaking'); speaker = (speaker + 1) % tiles.length; tiles[speaker].classList.add('speaking'); tiles[speaker].setAttribute('aria-label', tiles[speaker].firstChild.textContent + (tick % 4 ? ' (speaking)' : ' (muted)')); }
      if (tick % 3 === 0) captions.textContent = words.slice(tick % 8, tick % 8 + 8).join(' ');
      if (tick % 40 === 0) post(1);
    }, 250);
  }
  window.__soak = {
    /** The churn of one simulated minute that is not a settings change: waves, bursts, re-layouts. */
    minute: function (m) {
      if (m % 5 === 0) { for (var i = 0; i < 10; i++) tiles.shift().remove(); for (var j = 0; j < 10; j++) { var t = tile(); tiles.push(t); grid.appendChild(t); } }
      if (m % 3 === 0) post(30);
      if (m % 10 === 0) { tiles = tiles.slice(25).concat(tiles.slice(0, 25)).map(function (old) { var t = tile(); t.firstChild.textContent = old.firstChild.textContent; return t; }); grid.replaceChildren.apply(grid, tiles); grid.className = m % 20 ? 'grid' : 'spotlight'; }
    },
    /** A settings change, made the way the platform would (Jitsi: its store; DOM platforms: the settings markup). */
    flip: function (toSafe, safeBody, unsafeBody) {
      var w = window;
      flipAt = realNow();
      if (w.APP && w.APP.store && w.APP.store.dispatch) { w.APP.store.dispatch('features/lobby', { lobbyEnabled: toSafe }); return; }
      var keep = { 'soak-tiles': 1, 'soak-captions': 1, 'soak-chat': 1 };
      Array.prototype.slice.call(document.body.children).forEach(function (el) { if (!keep[el.id] && el.tagName !== 'SCRIPT' && el.tagName !== 'VIGIE-BADGE') el.remove(); });
      document.body.insertAdjacentHTML('afterbegin', toSafe ? safeBody : unsafeBody);
    },
    /** An SPA navigation between rooms: same page, new URL (history.pushState fires the Navigation API's navigate). */
    nav: function (room) { var u = new URL(location.href); if (room) u.searchParams.set('soak-room', String(room)); else u.searchParams.delete('soak-room'); history.pushState({}, '', u.href); },
    scans: function () { return { count: scans, ms: scanMs }; },
    badges: function () { return badges.length; },
    /** Real milliseconds from the last flip to the first badge paint after it; null if none yet. */
    sinceFlip: function () { for (var i = 0; i < badges.length; i++) if (badges[i] > flipAt) return badges[i] - flipAt; return null; },
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
</script>`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Side {
  page: Page;
  cdp: CDPSession;
}

interface Reading {
  heap: number;
  /** JS objects in the renderer's heap snapshot, without compiled code and engine caches (heap-snapshot.ts). */
  objects: number;
  nodes: number;
  listeners: number;
  script: number;
}

async function snapshotJson(cdp: CDPSession): Promise<HeapSnapshotJson> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join('')) as HeapSnapshotJson;
}

async function read(s: Side, withSnapshot = false): Promise<Reading> {
  // A snapshot forces a full GC itself; it comes first so the counters below see the same collected heap.
  const objects = withSnapshot ? jsObjectBytes(await snapshotJson(s.cdp)) : NaN;
  await s.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await s.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counters = (await s.cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const { metrics } = (await s.cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return { heap: usedSize, objects, nodes: counters.nodes, listeners: counters.jsEventListeners, script: metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0 };
}

/**
 * The service worker's JS heap: Playwright gives no CDP session for a worker, so the page's session attaches to the
 * worker target (Target.attachToTarget, non-flat) and sends Runtime.getHeapUsage through it. null if refused.
 */
async function workerHeap(cdp: CDPSession, extensionId: string): Promise<number | null> {
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!sw) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
    const answers = new Map<number, (v: unknown) => void>();
    const onMessage = ({ sessionId: sid, message }: { sessionId: string; message: string }) => {
      if (sid !== sessionId) return;
      const m = JSON.parse(message) as { id?: number; result?: unknown };
      if (m.id !== undefined) answers.get(m.id)?.(m.result);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    const call = (id: number, method: string) =>
      Promise.race([
        new Promise<unknown>((resolve) => {
          answers.set(id, resolve);
          void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
        }),
        sleep(3000).then(() => null),
      ]);
    await call(1, 'HeapProfiler.collectGarbage');
    const usage = (await call(2, 'Runtime.getHeapUsage')) as { usedSize: number } | null;
    cdp.off('Target.receivedMessageFromTarget', onMessage);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return usage?.usedSize ?? null;
  } catch {
    return null;
  }
}

type SoakApi = { __soak: { minute(n: number): void; flip(a: boolean, b?: string, c?: string): void; nav(r: number): void; scans(): { count: number; ms: number }; badges(): number; sinceFlip(): number | null } };

/** Real ms from the last settings change to Vigie's next badge paint (vigie:badge, User Timing on the real timeline). */
async function waitBadge(page: Page, control: Page, timeout = 5000): Promise<number | null> {
  for (const end = Date.now() + timeout; Date.now() < end; ) {
    // The control page gets the same calls: every evaluate leaves a little in a renderer's heap, and the heap
    // figures are A minus B.
    const [ms] = await Promise.all([page, control].map((p) => p.evaluate(() => (window as unknown as SoakApi).__soak.sinceFlip())));
    if (ms !== null) return ms;
    await sleep(20);
  }
  return null;
}

/** Stop the background's service worker through CDP and wait until Chromium reports it stopped (as tests/e2e/no-loss.e2e.ts). */
async function stopWorker(h: Harness, cdp: CDPSession): Promise<boolean> {
  const ours = (v: { scriptURL: string }) => v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`);
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  const listener = ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    if (versions.filter(ours).some((v) => v.runningStatus === 'stopped')) resolveStopped();
  };
  cdp.on('ServiceWorker.workerVersionUpdated', listener);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const ok = await Promise.race([stopped.then(() => true), sleep(10_000).then(() => false)]);
  cdp.off('ServiceWorker.workerVersionUpdated', listener);
  await cdp.send('ServiceWorker.disable').catch(() => undefined);
  return ok;
}

export interface SoakOptions {
  only?: string[];
  minutes: number;
  pickFixtures(id: string): { host: string; safe?: string } | null;
  bodyOf(html: string): string;
}

export interface SoakRow {
  platform: string;
  samples: (SoakSample & { usedHeapKB: number; scanMsPerS: number; scriptMsPerSA: number; scriptMsPerSB: number })[];
  wakes: SoakWake[];
  misses: string[];
}

export async function runSoak(opts: SoakOptions): Promise<SoakRow[]> {
  const rows: SoakRow[] = [];
  const MIN = opts.minutes;
  const sampleAt = new Set([1, Math.min(10, MIN), Math.round(MIN / 2), MIN]);
  const main = await launch();
  try {
    for (const adapter of PLATFORMS.filter((p) => !opts.only || opts.only.includes(p.id))) {
      const fx = opts.pickFixtures(adapter.id);
      if (!fx) continue;
      const t0 = Date.now();
      const html = readFileSync(fx.host, 'utf8');
      const urlA = declaredUrl(html)!;
      const school = adapter.matchPatterns.length ? undefined : await launchWithSchoolServer(new URL(urlA).origin, adapter.id);
      const h = school ?? main;
      const control = new URL(urlA);
      control.hostname = 'soak-control.invalid';
      const page = html.replace(/<\/body>/i, `${SOAK_SCRIPT}</body>`);
      h.serve(urlA, page);
      h.serve(control.href, page);
      const safeBody = fx.safe ? opts.bodyOf(readFileSync(fx.safe, 'utf8')) : undefined;
      const unsafeBody = opts.bodyOf(html);
      const open = async (url: string): Promise<Side> => {
        const p = await h.context.newPage();
        await p.clock.install();
        const cdp = await h.context.newCDPSession(p);
        await cdp.send('Performance.enable');
        await p.goto(url);
        return { page: p, cdp };
      };
      const A = await open(urlA);
      const B = await open(control.href);
      const both = <T>(f: (s: Side) => Promise<T>) => Promise.all([f(A), f(B)]);
      const samples: SoakRow['samples'] = [];
      const wakes: SoakWake[] = [];
      const misses: string[] = [];
      const canFlip = !!safeBody || adapter.id === 'jitsi';
      let safe = false;
      /** What the in-page and toolbar badges showed for each settings state, before any restart. */
      const seen = new Map<boolean, string>();
      let tabId: number | undefined;
      const badgeNow = async () => {
        const [inPage] = (await Promise.all([inPageBadge(A.page), inPageBadge(B.page)])).map((b) => b?.text ?? 'none');
        tabId ??= (await tabStates(h)).find((s) => s.url.startsWith(urlA.split('?')[0]))?.tabId;
        const bar = tabId === undefined ? 'no tab' : (await toolbarBadge(h, tabId)).text;
        return `${inPage} | toolbar ${bar}`;
      };
      let first = false;
      for (const end = Date.now() + 10_000; !first && Date.now() < end; await sleep(50)) first = await A.page.evaluate(() => (window as unknown as SoakApi).__soak.badges() > 0);
      if (!first) misses.push(`${adapter.id}: no badge at the start of the soak`);
      await sleep(300);
      /** The badges once they have not changed for 300 ms (the background answers, the toolbar follows). */
      const settledBadge = async () => {
        let prev = await badgeNow();
        for (const end = Date.now() + 3000; Date.now() < end; ) {
          await sleep(300);
          const now = await badgeNow();
          if (now === prev) return now;
          prev = now;
        }
        return prev;
      };
      seen.set(safe, await settledBadge());
      let changes = 0;
      let lastScans = 0;
      let lastScanMs = 0;
      let lastWall = Date.now();
      let last = await both(read);
      const flip = async () => {
        safe = !safe;
        await both((s) => s.page.evaluate(([to, sb, ub]) => (window as unknown as SoakApi).__soak.flip(to as boolean, sb as string, ub as string), [safe, safeBody, unsafeBody] as const));
        changes++;
        return waitBadge(A.page, B.page);
      };
      const start = (await A.page.evaluate(() => (window as unknown as SoakApi).__soak.scans())) as { count: number; ms: number };
      lastScans = start.count;
      lastScanMs = start.ms;
      for (let m = 1; m <= MIN; m++) {
        await both((s) => s.page.evaluate((min) => (window as unknown as { __soak: { minute(n: number): void } }).__soak.minute(min), m));
        await both((s) => s.page.clock.runFor(60_000));
        await sleep(150);
        if (canFlip && m % 20 === 7) {
          const ms = await flip();
          if (ms === null) misses.push(`${adapter.id}: badge did not follow the settings change at minute ${m}`);
          // The latest badge each settings state showed before a restart is the reference a restart must keep.
          seen.set(safe, await settledBadge());
        }
        if (m % 30 === 15) {
          await both((s) => s.page.evaluate((room) => (window as unknown as { __soak: { nav(r: number): void } }).__soak.nav(room), (m / 15) % 4));
          changes++;
          await sleep(300);
        }
        if (canFlip && m % 30 === 0 && seen.size === 2) {
          const stopped = await stopWorker(h, A.cdp);
          await sleep(200);
          const ms = stopped ? await flip() : null;
          const now = await settledBadge();
          const want = seen.get(safe)!;
          wakes.push({ minute: m, ms, right: stopped && now === want, detail: stopped ? `now "${now}", before the restart "${want}"` : 'the worker did not stop' });
        }
        if (sampleAt.has(m)) {
          const now = await both((side) => read(side, true));
          const wall = (Date.now() - lastWall) / 1000;
          const scans = (await A.page.evaluate(() => (window as unknown as { __soak: { scans(): { count: number; ms: number } } }).__soak.scans())) as { count: number; ms: number };
          const sw = await workerHeap(A.cdp, h.extensionId);
          samples.push({
            minute: m,
            heapKB: (now[0].objects - now[1].objects) / 1024,
            usedHeapKB: (now[0].heap - now[1].heap) / 1024,
            workerHeapKB: sw === null ? null : sw / 1024,
            heldNodes: now[0].nodes - now[1].nodes,
            listeners: now[0].listeners - now[1].listeners,
            scans: scans.count - lastScans,
            changes,
            scanMsPerS: (scans.ms - lastScanMs) / wall,
            scriptMsPerSA: ((now[0].script - last[0].script) * 1000) / wall,
            scriptMsPerSB: ((now[1].script - last[1].script) * 1000) / wall,
          });
          lastScanMs = scans.ms;
          lastScans = scans.count;
          changes = 0;
          last = await both(read);
          lastWall = Date.now();
        }
      }
      misses.push(...soakMisses(adapter.id, samples, wakes));
      rows.push({ platform: adapter.id, samples, wakes, misses });
      await A.page.close();
      await B.page.close();
      await school?.dispose();
      process.stdout.write(`${adapter.id}: soak of ${MIN} simulated minutes in ${((Date.now() - t0) / 1000).toFixed(0)} s${misses.length ? `, ${misses.length} budget(s) missed` : ''}\n`);
    }
  } finally {
    await main.close();
  }
  return rows;
}

const fmt = (n: number | null | undefined, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(d));

export function soakTable(rows: SoakRow[]): string {
  const lines = [
    '| platform | minute | Vigie JS objects KB | Vigie used heap KB | SW heap KB | held nodes | listeners | scans / changes in window | Vigie scan ms/s | script ms/s A / B |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows)
    for (const s of r.samples)
      lines.push(`| ${r.platform} | ${s.minute} | ${fmt(s.heapKB)} | ${fmt(s.usedHeapKB)} | ${fmt(s.workerHeapKB)} | ${s.heldNodes} | ${s.listeners} | ${s.scans} / ${s.changes} | ${fmt(s.scanMsPerS, 2)} | ${fmt(s.scriptMsPerSA)} / ${fmt(s.scriptMsPerSB)} |`);
  const wakes = rows.map((r) => `${r.platform}: ${r.wakes.map((w) => `min ${w.minute} ${fmt(w.ms)} ms ${w.right ? 'right' : 'WRONG'}`).join(', ') || 'none'}`);
  return `${lines.join('\n')}\n\nService-worker restarts (wake → badge, badge right after):\n${wakes.map((w) => `- ${w}`).join('\n')}\n`;
}
