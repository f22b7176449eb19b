/**
 * The two-hour class in Firefox (issue 22): firefox-esr headless with the built extension (web-ext run), driven over
 * WebDriver BiDi (scripts/lib/firefox.ts). Firefox gives no DevTools heap, DOM-counter or service-worker control to
 * a BiDi client, so this soak measures what the page itself can see: Vigie's scans (its `vigie:scan` User Timing
 * measures, which a content script writes into the page's own performance timeline through Firefox's Xray wrapper
 * and the page's PerformanceObserver reads), the time from each settings change to Vigie's next `vigie:badge` mark,
 * and the in-page badge (BiDi node serialisation reaches its closed shadow root). There is no clock to compress
 * time: the page's churn runs in real time and each simulated minute's waves, bursts and re-layouts are played
 * one after the other, ~250 ms apart.
 */
import { readFileSync } from 'node:fs';
import { PLATFORMS } from '../../utils/platforms';
import { FIREFOX_BUILD, declaredUrl } from '../lib/harness';
import { firefoxBadge, launchFirefox } from '../lib/firefox';
import { SOAK_SCRIPT } from './soak';
import { scansWithinChangeRate } from './soak-budgets';

export interface FirefoxSoakRow {
  platform: string;
  windows: { minute: number; scans: number; changes: number; scanMs: number }[];
  badgeMs: (number | null)[];
  badgeAtEnd: string;
  misses: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runFirefoxSoak(opts: { platforms: string[]; minutes: number; pickFixtures(id: string): { host: string; safe?: string } | null; bodyOf(html: string): string }): Promise<FirefoxSoakRow[]> {
  const rows: FirefoxSoakRow[] = [];
  const fx = await launchFirefox(FIREFOX_BUILD);
  try {
    for (const adapter of PLATFORMS.filter((p) => opts.platforms.includes(p.id))) {
      const fixtures = opts.pickFixtures(adapter.id);
      if (!fixtures) continue;
      const t0 = Date.now();
      const html = readFileSync(fixtures.host, 'utf8');
      const url = declaredUrl(html)!;
      fx.serve(url, html.replace(/<\/body>/i, `${SOAK_SCRIPT}</body>`));
      const safeBody = fixtures.safe ? opts.bodyOf(readFileSync(fixtures.safe, 'utf8')) : undefined;
      const unsafeBody = opts.bodyOf(html);
      const ctx = await fx.open(url);
      const misses: string[] = [];
      const ev = <T>(expr: string) => fx.evaluate<T>(ctx, expr);
      let badges = 0;
      for (const end = Date.now() + 15_000; !badges && Date.now() < end; await sleep(100)) badges = await ev<number>('window.__soak.badges()');
      if (!badges) misses.push(`${adapter.id} (Firefox): no badge at the start of the soak`);
      const windows: FirefoxSoakRow['windows'] = [];
      const badgeMs: (number | null)[] = [];
      const canFlip = !!safeBody || adapter.id === 'jitsi';
      let safe = false;
      let changes = 0;
      let last = await ev<{ count: number; ms: number }>('window.__soak.scans()');
      const sampleAt = new Set([Math.min(10, opts.minutes), Math.round(opts.minutes / 2), opts.minutes]);
      for (let m = 1; m <= opts.minutes; m++) {
        await ev(`window.__soak.minute(${m})`);
        await sleep(250);
        if (canFlip && m % 20 === 7) {
          safe = !safe;
          await ev(`window.__soak.flip(${safe}, ${JSON.stringify(safeBody ?? '')}, ${JSON.stringify(unsafeBody)})`);
          changes++;
          let ms: number | null = null;
          for (const end = Date.now() + 5000; ms === null && Date.now() < end; await sleep(20)) ms = await ev<number | null>('window.__soak.sinceFlip()');
          badgeMs.push(ms);
          if (ms === null) misses.push(`${adapter.id} (Firefox): badge did not follow the settings change at minute ${m}`);
          await sleep(300);
        }
        if (m % 30 === 15) {
          await ev(`window.__soak.nav(${(m / 15) % 4})`);
          changes++;
          await sleep(300);
        }
        if (sampleAt.has(m)) {
          const now = await ev<{ count: number; ms: number }>('window.__soak.scans()');
          windows.push({ minute: m, scans: now.count - last.count, changes, scanMs: now.count > last.count ? (now.ms - last.ms) / (now.count - last.count) : 0 });
          if (!scansWithinChangeRate(now.count - last.count, changes)) misses.push(`${adapter.id} (Firefox): ${now.count - last.count} scans in the window ending at minute ${m} for ${changes} page changes`);
          last = now;
          changes = 0;
        }
      }
      const total = windows.reduce((n, w) => n + w.scans, 0);
      if (total === 0 && canFlip) misses.push(`${adapter.id} (Firefox): no scan seen in the page's timeline during the soak`);
      const badge = await firefoxBadge(fx, ctx);
      rows.push({ platform: adapter.id, windows, badgeMs, badgeAtEnd: badge?.text ?? 'none', misses });
      await fx.bidi.send('browsingContext.close', { context: ctx }).catch(() => undefined);
      process.stdout.write(`${adapter.id} (Firefox): soak of ${opts.minutes} simulated minutes in ${((Date.now() - t0) / 1000).toFixed(0)} s${misses.length ? `, ${misses.length} budget(s) missed` : ''}\n`);
    }
  } finally {
    await fx.close();
  }
  return rows;
}

export function firefoxSoakTable(rows: FirefoxSoakRow[]): string {
  const f = (n: number | null) => (n === null ? 'none' : n.toFixed(0));
  const lines = ['| platform (Firefox) | window ending at minute | scans / changes | mean scan ms | settings change → badge ms | badge at the end |', '|---|---|---|---|---|---|'];
  for (const r of rows)
    for (const w of r.windows) lines.push(`| ${r.platform} | ${w.minute} | ${w.scans} / ${w.changes} | ${w.scanMs.toFixed(2)} | ${r.badgeMs.map(f).join(', ') || 'n/a'} | ${r.badgeAtEnd} |`);
  return `${lines.join('\n')}\n`;
}
