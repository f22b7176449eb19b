import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/lib/harness';
import { GECKO_ID, launchFirefox, type FirefoxHarness } from '../../scripts/lib/firefox';
import { allowExtensionPages, openExtensionPage, waitFor } from '../../scripts/lib/firefox-pages';

const CHILD = 'Zoé Planted-Childname';
const FACT = 'PLANTEDFACT asked her to send a photo';
const PASS = 'maple lantern orbit seven';

/**
 * The protected incident log in Firefox (issue 23): a report kept after a passphrase is set leaves no plaintext of a
 * planted child name or fact in the add-on's IndexedDB (read raw from its own origin); lock and unlock work.
 * The page is driven through its DOM (WebDriver BiDi has no locator API here).
 */

/** Page-side helpers, evaluated in the add-on's page. */
const HELPERS = `(
  window.__t = {
    byText: (sel, text) => [...document.querySelectorAll(sel)].find((e) => e.textContent.includes(text)),
    fill: (sel, value) => { const e = document.querySelector(sel); e.value = value; e.dispatchEvent(new Event('input', { bubbles: true })); return true; },
    raw: () => new Promise((resolve, reject) => {
      const req = indexedDB.open('vigie-incidents');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result; const names = [...db.objectStoreNames]; const tx = db.transaction(names); const out = {};
        for (const n of names) { const g = tx.objectStore(n).getAll(); g.onsuccess = () => { out[n] = g.result; }; }
        tx.oncomplete = () => { db.close(); resolve(JSON.stringify(out)); };
      };
    }),
  }, true)`;

describe('the incident log protected at rest (Firefox)', () => {
  let fx: FirefoxHarness;
  let page = '';
  const run = <T>(expr: string) => fx.evaluate<T>(page, expr);
  const click = (sel: string, text: string) => run<boolean>(`(window.__t.byText(${JSON.stringify(sel)}, ${JSON.stringify(text)})?.click(), true)`);
  const until = <T>(expr: string, timeout = 30_000) => waitFor<T>(fx, page, expr, timeout);

  beforeAll(async () => {
    allowExtensionPages();
    fx = await launchFirefox(FIREFOX_BUILD);
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  });

  const goto = async (path: string) => {
    await run(`(location.href = ${JSON.stringify(path)}, true)`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    await run(`location.reload(), true`).catch(() => undefined); // a hash-only change would not reload
    await new Promise((r) => setTimeout(r, 800));
    await until(`document.readyState === 'complete' && !!document.querySelector('#app > *')`);
    await run(HELPERS);
  };

  it('protect, keep a report: no planted name or fact at rest; a new page is locked; the passphrase opens it', async () => {
    page = await openExtensionPage(fx, GECKO_ID, 'report.html#log');
    await until(`document.querySelector('#log-h') && document.querySelector('input[name="keepLog"]')`);
    await run(HELPERS);
    await run(`browser.storage.local.set({ userSettings: { region: 'uk', lead: { name: 'Ms Lead (DSL)', email: 'dsl@school.example', phone: '', formUrl: '' } } }).then(() => true)`);
    await run(`(document.querySelector('input[name="keepLog"]').click(), true)`);
    await until(`document.querySelector('#log-h ~ p.status').textContent.includes('Log settings saved')`);
    await until(`document.querySelector('[data-testid="protect-form"]')`);
    await run(`window.__t.fill('#new-pass', ${JSON.stringify(PASS)}) && window.__t.fill('#new-pass-2', ${JSON.stringify(PASS)})`);
    await run(`(document.querySelector('input[name="understood"]').click(), true)`);
    await click('button', 'Protect the log');
    await until(`document.querySelector('[data-testid="lock-panel"]')`, 60_000);

    // Keep a report with the planted words (the log is protected: no passphrase is asked to keep it).
    await goto('report.html');
    await until(`window.__t.byText('button', 'No one is in immediate danger')`);
    await click('button', 'No one is in immediate danger');
    await until(`document.querySelector('#facts')`);
    await run(`([...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Threats').querySelector('input').click(), true)`);
    await run(`window.__t.fill('#child', ${JSON.stringify(CHILD)}) && window.__t.fill('#facts', ${JSON.stringify(FACT)})`);
    await click('button', 'Next');
    await until(`window.__t.byText('h2, h1', 'Where to send')`);
    await click('button', 'Next');
    await until(`document.querySelector('[data-testid="finish"]')`);
    await run(`(document.querySelector('[data-testid="finish"]').click(), true)`);
    await until(`window.__t.byText('h2', 'kept in your incident log')`);

    const raw = await run<string>(`window.__t.raw()`);
    const parsed = JSON.parse(raw) as { incidents: unknown[]; vault: unknown[] };
    expect(parsed.incidents).toHaveLength(1);
    expect(parsed.vault).toHaveLength(1);
    for (const word of ['Zoé', 'Planted-Childname', 'PLANTEDFACT', 'photo']) expect(raw).not.toContain(word);

    // A reloaded page starts locked (the key was in memory only); a wrong passphrase is refused; the right one opens.
    await goto('report.html#log');
    await until(`document.querySelector('[data-testid="unlock-form"]')`);
    expect(await run<number>(`document.querySelectorAll('[data-testid="incident"]').length`)).toBe(0);
    await run(`window.__t.fill('#unlock-pass', 'not the passphrase')`);
    await click('button', 'Unlock');
    await until(`document.querySelector('[data-testid="unlock-error"]').textContent.includes('not right')`, 60_000);
    await run(`window.__t.fill('#unlock-pass', ${JSON.stringify(PASS)})`);
    await click('button', 'Unlock');
    await until(`document.querySelector('[data-testid="lock-panel"]')`, 60_000);
    await until(`document.querySelectorAll('[data-testid="incident"]').length === 1`);
    await click('button', 'Lock now');
    await until(`document.querySelector('[data-testid="unlock-form"]') && document.querySelectorAll('[data-testid="incident"]').length === 0`);
  }, 150_000);
});
