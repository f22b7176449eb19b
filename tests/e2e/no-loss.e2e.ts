import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { currentWorker, declaredUrl, launch, waitForTabState, type Harness } from '../../scripts/lib/harness';

/**
 * Nothing is lost (issue #9), in real Chromium with the built extension and ONE profile across two launches:
 * the background service worker is stopped through the DevTools protocol while the teacher types a report and just
 * after a confirmation, then the browser is closed and started again on the same profile. The draft (including what
 * was typed after the stop), the confirmation and the incident log are all there. Then the log is exported,
 * deleted, imported from the exported file, and exporting again gives the same file.
 */

const profile = mkdtempSync(join(tmpdir(), 'vigie-noloss-'));
const files = mkdtempSync(join(tmpdir(), 'vigie-noloss-files-'));
const html = readFileSync('tests/fixtures/jitsi/host-dom-only-en.html', 'utf8');
const meetingUrl = declaredUrl(html)!;
const open: Harness[] = [];

async function start(): Promise<Harness> {
  const h = await launch({ userDataDir: profile });
  open.push(h);
  h.serve(meetingUrl, html);
  return h;
}
async function quit(h: Harness): Promise<void> {
  open.splice(open.indexOf(h), 1);
  await h.close({ keepProfile: true });
}
afterAll(async () => {
  for (const h of open) await h.close({ keepProfile: true }).catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

/**
 * Stop every service worker of the profile through CDP (`ServiceWorker.stopAllWorkers`) and wait until Chromium
 * reports the background's worker `stopped`. A mark left in the worker's global scope beforehand tells a woken-up
 * worker (a new instance, mark gone) from one that never stopped. Playwright keeps the same Worker handle for the
 * restarted instance and fires no 'close' event for a stopped extension worker, so CDP is the witness here.
 */
async function stopServiceWorker(h: Harness, from: Page): Promise<{ restartedFresh(): Promise<void> }> {
  const worker = await currentWorker(h);
  await worker.evaluate(() => void ((globalThis as { __vigieNoLossMark?: string }).__vigieNoLossMark = 'before the stop'));
  const cdp = await h.context.newCDPSession(from);
  const ours = (v: { scriptURL: string }) => v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`);
  const statuses: string[] = [];
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of versions.filter(ours)) {
        statuses.push(v.runningStatus);
        if (v.runningStatus === 'stopped') resolve();
      }
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`service worker not stopped; CDP said: ${statuses.join(', ')}`)), 10_000))]);
  expect(statuses).toContain('stopped');
  return {
    async restartedFresh() {
      await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('running');
      expect(await worker.evaluate(() => (globalThis as { __vigieNoLossMark?: string }).__vigieNoLossMark ?? 'a new instance')).toBe('a new instance');
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** The draft as the report page stored it in IndexedDB (read from the page itself, the extension's origin). */
async function storedDraft(page: Page): Promise<Record<string, string> | null> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string> | null>((resolve, reject) => {
        const req = indexedDB.open('vigie-incidents');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('drafts').objectStore('drafts').get('current');
          get.onsuccess = () => {
            resolve((get.result?.report as Record<string, string>) ?? null);
            req.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function openPopup(h: Harness, tabId: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('score').waitFor();
  return popup;
}

async function exportJson(page: Page, name: string): Promise<{ path: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (JSON)' }).click()])) as [Download, void];
  expect(download.suggestedFilename()).toBe('vigie-incidents.json');
  const path = join(files, name);
  copyFileSync((await download.path())!, path);
  return { path, text: readFileSync(path, 'utf8') };
}

const entries = (page: Page) => page.locator('[data-testid="incident"] strong').allTextContents();

describe('nothing is lost: stopped service worker, browser restart, export and import (real Chromium, same profile)', () => {
  let confirmedScore = 0;
  let logBefore: string[] = [];

  it('session 1: two kept reports, a confirmation and a draft, with the service worker stopped mid-way', async () => {
    const h = await start();
    await (await currentWorker(h)).evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ userSettings: { region: 'uk', lead: { name: 'Ms Lead (DSL)', email: 'dsl@school.example', phone: '', formUrl: '' } } });
    });

    // Keep the log on, then finish two reports.
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await page.getByLabel('Keep finished reports on this device').check();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Log settings saved');
    await page.getByRole('link', { name: 'Back to the report' }).click();
    for (const [category, facts] of [
      ['Threats', 'First kept report: a threat in the chat.'],
      ['Hate', 'Second kept report: a hateful name.'],
    ]) {
      await page.getByRole('button', { name: /No one is in immediate danger/ }).click();
      await page.getByLabel(category, { exact: true }).check();
      await page.locator('#facts').fill(facts);
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Where to send' }).waitFor();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('[data-testid="finish"]').click();
      await page.getByRole('heading', { name: /kept in your incident log/ }).waitFor();
      await page.getByRole('button', { name: 'Start a new report' }).click();
    }
    // The footer link opens the log view (a hash-only goto would not reload the page).
    await page.getByRole('link', { name: 'Incident log' }).click();
    await expect.poll(() => page.locator('[data-testid="incident"]').count()).toBe(2);
    logBefore = await entries(page);
    expect(logBefore.join(' | ')).toMatch(/^Hate – written .+ \| Threats – written .+$/);

    // A new draft is being typed (the autosave not run yet) when the teacher confirms an item in the popup; the
    // worker is stopped right after the confirmation; typing goes on.
    const meeting = await h.context.newPage();
    await meeting.goto(meetingUrl);
    const state = await waitForTabState(h, meetingUrl);
    expect(state.result.items.find((i) => i.id === 'passcode')?.state).toBe('unknown');
    const popup = await openPopup(h, state.tabId);
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.getByRole('button', { name: /No one is in immediate danger/ }).click();
    await page.getByLabel('Harassment or bullying between students').check();
    await page.locator('#facts').fill('Typed before the stop.');
    await popup.bringToFront();
    await popup.locator('li.item[data-item="passcode"]').getByRole('button', { name: /I checked this/ }).click();
    await popup.locator('[data-group="good"] li.item[data-item="passcode"][data-by="teacher"]').waitFor();
    const stop = await stopServiceWorker(h, page);
    confirmedScore = Number(await popup.getByTestId('score').textContent());
    expect(confirmedScore).toBeGreaterThan(state.result.score);
    await popup.close();
    await page.bringToFront();
    await page.locator('#facts').press('End');
    await page.locator('#facts').pressSequentially(' Typed after the stop.');
    await page.locator('#witnesses').fill('Two pupils saw it (typed after the stop).');

    // The page writes the draft itself (the worker plays no part; switching tabs may already have woken a new one):
    // IndexedDB holds the last keystroke.
    await expect.poll(async () => (await storedDraft(page))?.witnesses, { timeout: 5_000 }).toBe('Two pupils saw it (typed after the stop).');
    expect((await storedDraft(page))?.facts).toBe('Typed before the stop. Typed after the stop.');

    // The confirmation outlived the stop: reloading the meeting wakes a new worker instance, which scores the room
    // again from what is stored, confirmation included.
    await meeting.reload();
    await stop.restartedFresh();
    const rescored = await waitForTabState(h, meetingUrl);
    expect(rescored.result.items.find((i) => i.id === 'passcode')).toMatchObject({ state: 'pass', by: 'teacher' });
    expect(rescored.result.score).toBe(confirmedScore);
    const popupAfter = await openPopup(h, rescored.tabId);
    expect(await popupAfter.locator('li.item[data-item="passcode"]').getAttribute('data-by')).toBe('teacher');
    expect(Number(await popupAfter.getByTestId('score').textContent())).toBe(confirmedScore);
    await popupAfter.close();
    expect(h.refused).toEqual([]);
    await quit(h);
  });

  it('session 2, same profile: the draft, the confirmation and the log are all there', async () => {
    for (const left of [...open]) await quit(left); // only if session 1 failed before quitting
    const h = await start();
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.getByRole('heading', { name: 'What happened' }).waitFor();
    expect(await page.locator('#facts').inputValue()).toBe('Typed before the stop. Typed after the stop.');
    expect(await page.locator('#witnesses').inputValue()).toBe('Two pupils saw it (typed after the stop).');
    expect(await page.getByLabel('Harassment or bullying between students').isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('was restored');

    const meeting = await h.context.newPage();
    await meeting.goto(meetingUrl);
    const state = await waitForTabState(h, meetingUrl);
    expect(state.result.items.find((i) => i.id === 'passcode')).toMatchObject({ state: 'pass', by: 'teacher' });
    expect(state.result.score).toBe(confirmedScore);
    const popup = await openPopup(h, state.tabId);
    expect(await popup.locator('li.item[data-item="passcode"]').getAttribute('data-by')).toBe('teacher');
    expect(Number(await popup.getByTestId('score').textContent())).toBe(confirmedScore);
    await popup.close();

    await page.bringToFront();
    await page.getByRole('link', { name: 'Incident log' }).click();
    await expect.poll(() => page.locator('[data-testid="incident"]').count()).toBe(2);
    expect(await entries(page)).toEqual(logBefore);
    expect(h.refused).toEqual([]);
  });

  it('export, delete all, import the file: the same log, and exporting again gives the same file', async () => {
    const h = open.at(-1)!;
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await expect.poll(() => page.locator('[data-testid="incident"]').count()).toBe(2);
    const first = await exportJson(page, 'first.json');
    const exported = JSON.parse(first.text) as { format: string; version: number; exportedAt: string; incidents: { report: { facts: string } }[] };
    expect(exported).toMatchObject({ format: 'vigie-incidents', version: 1 });
    expect(exported.incidents.map((i) => i.report.facts)).toEqual(['Second kept report: a hateful name.', 'First kept report: a threat in the chat.']);

    await page.getByRole('button', { name: 'Delete all' }).click();
    await page.getByRole('button', { name: 'Click again to delete every kept report.' }).click();
    await page.getByText('No report is kept on this device.').waitFor();

    // The import control is there with an empty log, labelled, and reachable with the keyboard.
    const input = page.getByLabel('Import a log file (JSON)');
    await input.focus();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-file');
    expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
    await input.setInputFiles(first.path);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Import: 2 imported, 0 already there, 0 rejected.');
    await expect.poll(() => page.locator('[data-testid="incident"]').count()).toBe(2);
    expect(await entries(page)).toEqual(logBefore);

    const second = await exportJson(page, 'second.json');
    const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": ""');
    expect(withoutTime(second.text)).toBe(withoutTime(first.text));
    expect(JSON.parse(second.text).incidents).toEqual(exported.incidents);

    // The same file again adds nothing; a damaged file is refused with a message and changes nothing.
    await input.setInputFiles(first.path);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Import: 0 imported, 2 already there, 0 rejected.');
    await input.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(first.text.slice(0, first.text.length / 2)) });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('it is not valid JSON');
    expect(await page.locator('[data-testid="incident"]').count()).toBe(2);
    expect(h.refused).toEqual([]);
  });
});

describe('a full quota in real Chromium (DevTools quota override on the extension origin)', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  it('says the storage is full, keeps the typed text on the page, keeps the report at finish, refuses an import; all works again once there is room', async () => {
    h = await launch();
    await (await currentWorker(h)).evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ userSettings: { region: 'uk', lead: { name: 'Ms Lead (DSL)', email: 'dsl@school.example', phone: '', formUrl: '' } } });
    });
    const first = await h.context.newPage();
    await first.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await first.getByLabel('Keep finished reports on this device').check();
    await expect.poll(() => first.getByRole('status').textContent()).toContain('Log settings saved');
    await first.getByRole('link', { name: 'Back to the report' }).click();
    await first.getByRole('button', { name: /No one is in immediate danger/ }).click();
    await first.getByLabel('Threats', { exact: true }).check();
    await first.locator('#facts').fill('Saved while there was room.');
    await expect.poll(async () => (await storedDraft(first))?.facts).toBe('Saved while there was room.');

    // The extension's origin gets a 1-byte quota: IndexedDB writes now fail with QuotaExceededError. Chromium keeps
    // an open database's space allowance for a while, so the override is set once no page holds the database open
    // (after its 2-second grace period), then the report page is opened again.
    await first.close();
    const origin = `chrome-extension://${h.extensionId}`;
    const blank = await h.context.newPage();
    const cdp = await h.context.newCDPSession(blank);
    await new Promise((r) => setTimeout(r, 3_000));
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.getByRole('heading', { name: 'What happened' }).waitFor();
    expect(await page.locator('#facts').inputValue()).toBe('Saved while there was room.');
    const chat = Array.from({ length: 50 }, (_, i) => `09:${String(i).padStart(2, '0')} pupil${i % 7}: message ${i}`).join('\n');
    await page.locator('#verbatim').fill(chat);
    await page.locator('#facts').fill('Saved while there was room. Typed when the disk was full.');
    await expect.poll(() => page.getByTestId('status').textContent()).toContain("Your browser's storage is full: this draft is not saved. Copy your text or free some space; Vigie tries again each time you type.");
    expect(await page.locator('#facts').inputValue()).toBe('Saved while there was room. Typed when the disk was full.');
    expect(await page.locator('#verbatim').inputValue()).toBe(chat);
    expect((await storedDraft(page))?.facts).toBe('Saved while there was room.');

    // Finishing cannot keep the report in the log: it says so and stays on the report, text intact.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Where to send' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Exactly what will be shared' }).waitFor();
    await page.locator('[data-testid="finish"]').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain("Your browser's storage is full: this report could not be kept in the log. Your text is still here: copy it, or free some space and click again.");
    expect(await page.locator('[data-testid="preview"]').textContent()).toContain('Typed when the disk was full.');

    // An import in the log view is refused with its own message; nothing is written.
    const log = await h.context.newPage();
    await log.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await log.getByText('No report is kept on this device.').waitFor();
    const file = JSON.stringify({ format: 'vigie-incidents', version: 1, exportedAt: new Date().toISOString(), incidents: [{ id: 'imported-1', createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z', report: { category: 'hate', urgency: '', incidentAt: '', platform: '', url: '', child: '', otherPerson: '', otherKind: 'unknown', facts: 'From a file.', verbatim: '', actionsTaken: '', witnesses: '', selectedText: '', evidenceNotes: '', publicContent: false, platformReported: false, reporter: '' }, handOffs: [], status: 'saved' }] });
    await log.getByLabel('Import a log file (JSON)').setInputFiles({ name: 'log.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => log.getByTestId('import-error').textContent()).toBe("Your browser's storage is full: nothing was imported. Free some space (clear other sites' data), then import again.");
    expect(await log.locator('[data-testid="incident"]').count()).toBe(0);

    // Room again: the import works, the next change saves the draft, finishing keeps the report.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await blank.close();
    await log.getByLabel('Import a log file (JSON)').setInputFiles({ name: 'log.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => log.getByRole('status').textContent()).toBe('Import: 1 imported, 0 already there, 0 rejected.');
    await log.close();
    await page.bringToFront();
    await page.locator('[data-testid="finish"]').click();
    await page.getByRole('heading', { name: /kept in your incident log/ }).waitFor();
    await page.getByRole('link', { name: 'Incident log' }).click();
    await expect.poll(() => page.locator('[data-testid="incident"]').count()).toBe(2);
    expect(h.refused).toEqual([]);
  });
});
