/**
 * `npm run demo`: build, open Chromium with Vigie on the bundled demo rooms (fixtures that carry
 * <meta name="vigie:demo">), each served at its platform's real URL. With a display it opens a window you can
 * use (close it to finish); without one it runs headless, prints each room's score table and saves screenshots
 * of each room (with the in-page badge) and its popup under the folder it names. On a machine without Chromium it
 * installs it as `npm test` does (scripts/lib/browsers.ts), or prints what to install and exits non-zero.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_BROWSER, ensureBrowsers } from './lib/browsers';
import { declaredUrl, launch, toolbarBadge, waitForTabState } from './lib/harness';

const OUT = resolve('.vigie-artifacts/demo');
const STATE_LABEL: Record<string, string> = { pass: 'good', fail: 'FIX', unknown: 'to confirm', 'n/a': 'n/a' };

function demoRooms(): { file: string; label: string; url: string; html: string }[] {
  const rooms = [];
  for (const dir of readdirSync('tests/fixtures', { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join('tests/fixtures', dir.name)).filter((f) => f.endsWith('.html')).sort()) {
      const file = join('tests/fixtures', dir.name, f);
      const html = readFileSync(file, 'utf8');
      const label = /<meta\s+name="vigie:demo"\s+content="([^"]+)"/i.exec(html)?.[1];
      const url = declaredUrl(html);
      if (label && url) rooms.push({ file, label, url, html });
    }
  }
  return rooms;
}

async function main() {
  // A fresh machine: install Chromium the way `npm test` does (same code), or say exactly what to install.
  if (!ensureBrowsers([CHROMIUM_BROWSER])) {
    process.exitCode = 1;
    return;
  }
  if (!process.argv.includes('--no-build')) {
    process.stdout.write('Building the extension…\n');
    try {
      execSync('npx wxt build', { stdio: 'pipe' });
    } catch (error) {
      process.stderr.write(String((error as { stderr?: Buffer }).stderr ?? error));
      throw new Error('the build failed (output above)');
    }
  }
  const rooms = demoRooms();
  const table: { room: string; score: string; band: string; coverage: string; toolbar: string }[] = [];
  const headless = !process.env.DISPLAY || process.argv.includes('--headless');
  mkdirSync(OUT, { recursive: true });
  const h = await launch({ headless });
  for (const room of rooms) h.serve(room.url, room.html);
  process.stdout.write(`\nVigie demo: ${rooms.length} rooms${headless ? ' (headless: no display)' : ''}\n`);
  for (const [i, room] of rooms.entries()) {
    const page = await h.context.newPage();
    await page.goto(room.url);
    const state = await waitForTabState(h, room.url).catch(() => null);
    process.stdout.write(`\n${room.label}\n  ${room.url}  (${room.file})\n`);
    if (!state) {
      process.stdout.write('  Vigie did not score this page.\n');
      continue;
    }
    const toolbar = await toolbarBadge(h, state.tabId);
    const r = state.result;
    const coverage = r.coverage ? `${r.coverage.checked} of ${r.coverage.total} checked` : '?';
    process.stdout.write(`  score ${r.known ? r.score : '?'} / 100 (${r.band}), ${coverage}, potential ${r.potential}, toolbar badge "${toolbar.text}"\n`);
    table.push({ room: room.label, score: r.known ? String(r.score) : '–', band: r.band, coverage, toolbar: toolbar.text });
    if (r.nextStep) process.stdout.write(`  next step: ${r.nextStep.action} ${r.nextStep.id}\n`);
    for (const item of r.items) process.stdout.write(`    ${STATE_LABEL[item.state].padEnd(10)} ${item.id.padEnd(24)} ${item.evidence}\n`);
    const slug = `${String(i + 1).padStart(2, '0')}-${room.file.split('/').slice(-2).join('-').replace(/\.html$/, '')}`;
    await page.screenshot({ path: join(OUT, `${slug}-page.png`) });
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${state.tabId}`);
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: join(OUT, `${slug}-popup.png`), fullPage: true });
    if (headless) await popup.close();
  }
  // The summary docs/scoring.md explains: the number is over what is known, the band says what is known, the
  // coverage says how much is known.
  process.stdout.write('\n| room | score (known items) | band | coverage | toolbar |\n|---|---|---|---|---|\n');
  for (const row of table) process.stdout.write(`| ${row.room} | ${row.score} | ${row.band} | ${row.coverage} | ${row.toolbar} |\n`);
  process.stdout.write(`\nScreenshots: ${OUT}\n`);
  if (h.refused.length) process.stdout.write(`Requests refused (nothing leaves the machine): ${h.refused.length}\n`);
  if (headless) await h.close();
  else {
    process.stdout.write('The browser stays open: try the toolbar popup. Close the window to finish.\n');
    await new Promise<void>((done) => h.context.on('close', () => done()));
  }
}

main().catch((error) => {
  process.stderr.write(`vigie demo: ${(error as Error).message}\n`);
  process.exit(1);
});
