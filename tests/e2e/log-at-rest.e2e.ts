import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { currentWorker, launch, type Harness } from '../../scripts/lib/harness';
import { axeWcag2 } from './lib/a11y';

/**
 * The incident log protected at rest (issue 23), in real Chromium with the built extension: an existing plain log
 * is sealed when a passphrase is set; afterwards IndexedDB (read raw from the extension's own origin, every store,
 * every row) holds no plaintext of a planted child name or fact; lock, unlock, a reopened page starts locked, a
 * sealed draft asks for the passphrase; a passphrase change with the service worker stopped mid-way, and one cut
 * by closing the page; five wrong tries slow down the next ones (persisted across a reload) and wipe nothing.
 */

const profile = mkdtempSync(join(tmpdir(), 'vigie-logatrest-'));
const CHILD = 'Zoé Planted-Childname';
const FACT = 'PLANTEDFACT asked her to send a photo';
const PASS = 'maple lantern orbit seven';
const PASS2 = 'harbour quiet violet ninety';
let h: Harness;
/** Which passphrase opens the log now (the cut change may or may not have happened). */
let current = PASS2;

afterAll(async () => {
  await h?.close({ keepProfile: true }).catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
});

/** Every row of every store of the log's database, as raw JSON, read by the extension's own origin. */
async function rawDb(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('vigie-incidents');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown> = {};
          for (const n of names) {
            const get = tx.objectStore(n).getAll();
            get.onsuccess = () => void (out[n] = get.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function logPage(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/report.html#log`);
  // While a sealed draft is saved, the page first asks for the passphrase (the same unlock form), then shows the log.
  await page.locator('#log-h, [data-testid="draft-gate"]').first().waitFor();
  return page;
}

async function finishReport(page: Page, tag: string) {
  await page.goto('about:blank');
  await page.goto(`chrome-extension://${h.extensionId}/report.html`);
  await page.getByRole('button', { name: /No one is in immediate danger/ }).click();
  await page.getByLabel('Threats', { exact: true }).check();
  await page.locator('#child').fill(`${CHILD} ${tag}`);
  await page.locator('#facts').fill(`${FACT} ${tag}`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Where to send' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('[data-testid="finish"]').click();
  await page.getByRole('heading', { name: /kept in your incident log/ }).waitFor();
}

async function unlock(page: Page, pass: string) {
  await page.locator('#unlock-pass').fill(pass);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

const incidents = (page: Page) => page.locator('[data-testid="incident"]');

describe('the incident log protected at rest (real Chromium)', () => {
  it('a plain log from before is sealed when a passphrase is set; IndexedDB then holds no planted name or fact', async () => {
    h = await launch({ userDataDir: profile });
    await (await currentWorker(h)).evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ userSettings: { region: 'uk', lead: { name: 'Ms Lead (DSL)', email: 'dsl@school.example', phone: '', formUrl: '' } } });
    });
    const page = await logPage();
    await page.getByLabel('Keep finished reports on this device').check();
    await expect.poll(() => page.locator('#log-h ~ p.status').first().textContent()).toContain('Log settings saved');
    await finishReport(page, 'one');
    // Before: the plain log holds the words (the test can fail: it sees them).
    expect(await rawDb(page)).toContain('Planted-Childname');

    await page.goto('about:blank'); // a hash-only goto would not reload the page
    await page.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await page.getByRole('heading', { name: 'Protect the log with a passphrase' }).waitFor();
    await page.getByText(/nobody can recover the log/).waitFor();
    await page.getByRole('button', { name: /Export the log first/ }).waitFor();
    expect(await axeWcag2(page)).toEqual([]);
    await page.locator('#new-pass').fill(PASS);
    await page.locator('#new-pass-2').fill(PASS);
    await page.getByRole('button', { name: 'Protect the log' }).click();
    await expect.poll(() => page.getByTestId('protect-error').textContent()).toContain('Tick the box');
    await page.getByLabel('I understand that a forgotten passphrase cannot be recovered').check();
    await page.getByRole('button', { name: 'Protect the log' }).click();
    await page.getByTestId('lock-panel').waitFor({ timeout: 30_000 });
    await expect.poll(() => incidents(page).count()).toBe(1);

    // A new report while protected (no passphrase asked), and a draft being typed.
    await finishReport(page, 'two');
    await page.getByRole('button', { name: 'Start a new report' }).click();
    await page.getByRole('button', { name: /No one is in immediate danger/ }).click();
    await page.locator('#child').fill(`${CHILD} draft`);
    await page.locator('#facts').fill(`${FACT} draft`);
    await expect.poll(async () => JSON.parse(await rawDb(page)).drafts.length, { timeout: 5_000 }).toBe(1);
    await page.waitForTimeout(800); // the debounced autosave of the last keystroke

    const raw = await rawDb(page);
    const parsed = JSON.parse(raw) as { incidents: unknown[]; drafts: unknown[]; vault: { lock: { kdf: { iterations: number } } }[] };
    expect(parsed.incidents).toHaveLength(2);
    expect(parsed.drafts).toHaveLength(1);
    expect(parsed.vault[0].lock.kdf.iterations).toBe(600_000);
    for (const word of ['Zoé', 'Planted-Childname', 'PLANTEDFACT', 'photo']) expect(raw).not.toContain(word);
    expect(h.refused).toEqual([]);
  });

  it('lock now; a reopened page starts locked; a wrong passphrase is refused; the right one shows the log', async () => {
    const page = await logPage();
    // A new page: the key was in the other page's memory only.
    await page.getByTestId('unlock-form').waitFor();
    expect(await incidents(page).count()).toBe(0);
    expect(await axeWcag2(page)).toEqual([]);
    // The passphrase field is labelled and reachable with the keyboard.
    await page.getByLabel('Passphrase', { exact: true }).focus();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('unlock-pass');
    await unlock(page, 'not the passphrase');
    await expect.poll(() => page.getByTestId('unlock-error').textContent()).toContain('not right');
    await unlock(page, PASS);
    await page.getByTestId('lock-panel').waitFor({ timeout: 30_000 });
    await expect.poll(() => incidents(page).count()).toBe(2);
    await page.getByText('Change the passphrase', { exact: true }).first().click();
    expect(await axeWcag2(page)).toEqual([]);
    await page.getByTestId('lock-now').click();
    await page.getByTestId('unlock-form').waitFor();
    expect(await incidents(page).count()).toBe(0);
    await page.close();
  });

  it('a sealed draft asks for the passphrase before the report page opens it', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.getByTestId('draft-gate').waitFor();
    await unlock(page, PASS);
    await page.locator('#facts').waitFor({ timeout: 30_000 });
    expect(await page.locator('#facts').inputValue()).toBe(`${FACT} draft`);
    expect(await page.locator('#child').inputValue()).toBe(`${CHILD} draft`);
    await page.close();
  });

  it('passphrase change with the service worker stopped mid-way: the new one opens everything, the old one no longer', async () => {
    const page = await logPage();
    await unlock(page, PASS);
    await page.getByTestId('lock-panel').waitFor({ timeout: 30_000 });
    await page.getByText('Change the passphrase', { exact: true }).first().click();
    await page.locator('#cur-pass').fill(PASS);
    await page.locator('#chg-pass').fill(PASS2);
    await page.locator('#chg-pass-2').fill(PASS2);
    const before = await rawDb(page);
    await page.getByTestId('change-form').getByRole('button', { name: 'Change the passphrase' }).click();
    // Stop the background's service worker while the page derives keys and re-encrypts.
    await currentWorker(h);
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => page.getByTestId('change-done').textContent(), { timeout: 30_000 }).toContain('Passphrase changed');
    await cdp.detach().catch(() => undefined);
    const after = await rawDb(page);
    expect(after).not.toBe(before);
    for (const word of ['Planted-Childname', 'PLANTEDFACT']) expect(after).not.toContain(word);
    await page.close();

    const again = await logPage();
    await unlock(again, PASS);
    await expect.poll(() => again.getByTestId('unlock-error').textContent(), { timeout: 30_000 }).toContain('not right');
    await unlock(again, PASS2);
    await again.getByTestId('lock-panel').waitFor({ timeout: 30_000 });
    await expect.poll(() => incidents(again).count()).toBe(2);
    await again.close();
  });

  it('a passphrase change cut by closing the page loses nothing: one of the two passphrases opens every report', async () => {
    const page = await logPage();
    await unlock(page, PASS2);
    await page.getByTestId('lock-panel').waitFor({ timeout: 30_000 });
    await page.getByText('Change the passphrase', { exact: true }).first().click();
    await page.locator('#cur-pass').fill(PASS2);
    await page.locator('#chg-pass').fill(PASS);
    await page.locator('#chg-pass-2').fill(PASS);
    await page.getByTestId('change-form').getByRole('button', { name: 'Change the passphrase' }).click();
    await page.waitForTimeout(300); // mid-way: deriving the new key
    await page.close();

    const check = await logPage();
    await unlock(check, PASS2);
    const outcome = () => check.evaluate(() => (document.querySelector('[data-testid="lock-panel"]') ? 'opened' : document.querySelector('[data-testid="unlock-error"]')?.textContent?.includes('not right') ? 'wrong' : ''));
    await expect.poll(outcome, { timeout: 30_000 }).not.toBe('');
    if (!(await check.getByTestId('lock-panel').count())) {
      await unlock(check, PASS);
      await check.getByTestId('lock-panel').waitFor({ timeout: 30_000 });
      current = PASS;
    }
    await expect.poll(() => incidents(check).count()).toBe(2);
    await check.close();
  });

  it('encrypted export: no plaintext in the file; after delete all, importing it asks for the passphrase and restores both reports', async () => {
    const page = await logPage();
    await unlock(page, current);
    await page.getByTestId('lock-panel').waitFor({ timeout: 30_000 });
    await expect.poll(() => incidents(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Export all, encrypted (JSON)' }).click();
    await page.locator('#export-pass').fill(current);
    const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Export encrypted' }).click()])) as [Download, void];
    const path = (await download.path())!;
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'vigie-incidents', version: 1, encrypted: { kdf: { name: 'PBKDF2-SHA-256', iterations: 600_000 } } });
    for (const word of ['Planted-Childname', 'PLANTEDFACT']) expect(text).not.toContain(word);

    await page.getByRole('button', { name: 'Delete all' }).click();
    await page.getByRole('button', { name: 'Click again to delete every kept report.' }).click();
    await page.getByText('No report is kept on this device.').waitFor();
    await page.getByLabel('Import a log file (JSON)').setInputFiles(path);
    await page.getByTestId('import-passphrase').waitFor();
    await page.locator('#import-pass').fill('not the one');
    await page.getByRole('button', { name: 'Open and import' }).click();
    await expect.poll(() => page.getByTestId('import-pass-error').textContent(), { timeout: 30_000 }).toContain('does not open this file');
    await page.locator('#import-pass').fill(current);
    await page.getByRole('button', { name: 'Open and import' }).click();
    await expect.poll(() => page.locator('#log-h ~ p.status').first().textContent(), { timeout: 30_000 }).toBe('Import: 2 imported, 0 already there, 0 rejected.');
    await expect.poll(() => incidents(page).count()).toBe(2);
    // Imported into a protected log: sealed at rest too.
    const raw = await rawDb(page);
    for (const word of ['Planted-Childname', 'PLANTEDFACT']) expect(raw).not.toContain(word);
    await page.close();
  });

  it('five wrong tries slow the next ones down (also after a reload) and delete nothing', async () => {
    const page = await logPage();
    for (let i = 1; i <= 4; i++) {
      await unlock(page, `wrong ${i}`);
      // The count is persisted with the lock (read raw from IndexedDB).
      await expect.poll(async () => (JSON.parse(await rawDb(page)) as { vault: { failures: number }[] }).vault[0].failures, { timeout: 30_000 }).toBe(i);
      expect(await page.getByTestId('unlock-error').textContent()).toContain('not right');
    }
    await unlock(page, 'wrong 5');
    await expect.poll(() => page.getByTestId('unlock-error').textContent(), { timeout: 30_000 }).toMatch(/5 wrong tries in a row.*try again in 30 seconds/);
    // Even a right passphrase waits now, and a reload does not reset the wait.
    await unlock(page, PASS);
    await expect.poll(() => page.getByTestId('unlock-error').textContent()).toContain('Too many wrong tries');
    await page.reload();
    await unlock(page, PASS2);
    await expect.poll(() => page.getByTestId('unlock-error').textContent()).toContain('Too many wrong tries');
    const raw = JSON.parse(await rawDb(page)) as { incidents: unknown[]; drafts: unknown[] };
    expect(raw.incidents).toHaveLength(2);
    expect(raw.drafts).toHaveLength(1);
    expect(h.refused).toEqual([]);
  });
});

describe('shared computer mode (real Chromium)', () => {
  let shared: Harness | undefined;
  afterAll(async () => {
    await shared?.close();
  });

  it('no log at all, a visible note, no report text in storage after a finish; an old draft is deleted, not restored', async () => {
    await h?.close({ keepProfile: true }).catch(() => undefined); // the first describe's browser
    shared = await launch();
    h = shared; // the helpers use `h`
    await (await currentWorker(h)).evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ userSettings: { region: 'uk', sharedComputer: true, lead: { name: 'Ms Lead (DSL)', email: 'dsl@school.example', phone: '', formUrl: '' } } });
    });
    const page = await h.context.newPage();
    // Even with the log preference left on from before, nothing is kept.
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.getByTestId('shared-note').waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('vigie-incidents');
          req.onsuccess = () => {
            const tx = req.result.transaction('prefs', 'readwrite');
            tx.objectStore('prefs').put({ id: 'prefs', keepLog: true, retentionDays: 30 });
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await page.getByTestId('shared-note').waitFor();
    expect(await page.getByLabel('This is a shared computer (no incident log)').isChecked()).toBe(true);
    expect(await page.getByLabel('Keep finished reports on this device').count()).toBe(0);

    await page.goto('about:blank');
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.getByRole('button', { name: /No one is in immediate danger/ }).click();
    await page.getByLabel('Threats', { exact: true }).check();
    await page.locator('#child').fill(`${CHILD} shared`);
    await page.locator('#facts').fill(`${FACT} shared`);
    // The draft is saved while writing (the witness that the check below can see text)...
    await expect.poll(async () => await rawDb(page), { timeout: 5_000 }).toContain('PLANTEDFACT');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Where to send' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-testid="finish"]').click();
    await page.getByRole('heading', { name: /Nothing about this report is kept/ }).waitFor();
    // ...and after the finish nothing of it is left.
    const raw = JSON.parse(await rawDb(page)) as { incidents: unknown[]; drafts: unknown[] };
    expect(raw.incidents).toEqual([]);
    expect(raw.drafts).toEqual([]);
    expect(JSON.stringify(raw)).not.toMatch(/Planted-Childname|PLANTEDFACT/);

    // A draft left for more than 4 hours is deleted when the page opens.
    await page.getByRole('button', { name: 'Start a new report' }).click();
    await page.getByRole('button', { name: /No one is in immediate danger/ }).click();
    await page.locator('#facts').fill(`${FACT} left behind`);
    await expect.poll(async () => await rawDb(page), { timeout: 5_000 }).toContain('left behind');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('vigie-incidents');
          req.onsuccess = () => {
            const tx = req.result.transaction('drafts', 'readwrite');
            const store = tx.objectStore('drafts');
            const get = store.get('current');
            get.onsuccess = () => store.put({ ...get.result, savedAt: new Date(Date.now() - 5 * 3_600_000).toISOString() });
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.getByRole('button', { name: /No one is in immediate danger/ }).waitFor();
    expect(JSON.parse(await rawDb(page)).drafts).toEqual([]);
    expect(h.refused).toEqual([]);
  });
});
