import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { currentWorker, inPageBadge, launch, toolbarBadge, waitForTabState, type Harness } from '../../scripts/lib/harness';
import { axeWcag21 } from './lib/a11y';
import { fixture, openFixture, openPopup } from './lib/pages';

/**
 * The teacher's view in real Chromium with the built extension (issue #4): popup, options page and in-page badge,
 * in English and French, keyboard and screen-reader semantics, axe-core with 0 violations, 200% zoom, and
 * confirmations kept across a browser restart (same profile). It writes docs/screenshots/*.png, so the README's
 * pictures are what this run saw.
 */

const SHOTS = 'docs/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** The badge's closed shadow tree, as HTML, read through the DevTools protocol (the page itself cannot). */
async function badgeShadowHtml(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { nodeName: string; backendNodeId: number; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (n: Node): Node | undefined => (n.nodeName === 'VIGIE-BADGE' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean));
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const parts: string[] = [];
    for (const child of shadow.children ?? []) parts.push(((await cdp.send('DOM.getOuterHTML', { backendNodeId: child.backendNodeId })) as { outerHTML: string }).outerHTML);
    return parts.join('');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Tab through the meeting page until the badge (its host element, since the root is closed) has focus. */
async function tabToBadge(page: Page, max = 40): Promise<boolean> {
  await page.locator('body').click({ position: { x: 600, y: 5 } });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.tagName === 'VIGIE-BADGE')) return true;
  }
  return false;
}

async function storageLocal(h: Harness, key: string): Promise<unknown> {
  const worker = await currentWorker(h);
  return worker.evaluate(async (k) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await c.storage.local.get(k))[k];
  }, key);
}

/** Screenshot of the badge with some of the page around it. */
async function badgeShot(page: Page, path: string) {
  const box = await page.locator('vigie-badge').boundingBox();
  if (!box) throw new Error('no badge to photograph');
  const x = Math.max(0, box.x - 24);
  const y = Math.max(0, box.y - 24);
  await page.screenshot({ path, clip: { x, y, width: Math.max(320, box.width + 48), height: box.height + 48 } });
}

/** axe cannot enter a closed shadow root: check an exact copy of its tree (same markup, same style element) in an open one. */
async function axeOnBadgeCopy(h: Harness, page: Page, lang: string) {
  const html = await badgeShadowHtml(page);
  expect(html).toBeTruthy();
  const url = `https://vigie-a11y.test/badge-${lang}.html`;
  h.serve(url, `<!doctype html><html lang="${lang}"><head><title>badge</title></head><body><main><h1>badge</h1><div id="copy"></div></main></body></html>`);
  const copy = await h.context.newPage();
  await copy.goto(url);
  await copy.evaluate((markup) => {
    const host = document.getElementById('copy')!;
    host.attachShadow({ mode: 'open' }).innerHTML = markup;
    host.style.cssText = 'position: fixed; left: 12px; bottom: 88px;';
  }, html!);
  const violations = await axeWcag21(copy);
  await copy.close();
  return violations;
}

const profile = mkdtempSync(join(tmpdir(), 'vigie-teacherui-'));
const frProfile = mkdtempSync(join(tmpdir(), 'vigie-teacherui-fr-'));
const open: Harness[] = [];
async function start(locale = 'en-US'): Promise<Harness> {
  // On Linux, Chromium takes its UI language (hence browser.i18n's) from LANGUAGE, not from --lang.
  const saved = process.env.LANGUAGE;
  process.env.LANGUAGE = locale.replace('-', '_');
  const h = await launch({ userDataDir: locale.startsWith('fr') ? frProfile : profile, locale }).finally(() => {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  });
  open.push(h);
  return h;
}
afterAll(async () => {
  for (const h of open) await h.close({ keepProfile: true }).catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
  rmSync(frProfile, { recursive: true, force: true });
});

describe('teacher UI in real Chromium', () => {
  let confirmedScore = 0;
  let movedStyle = '';

  it('EN popup: score, next step, groups with why and numbered steps, report button, confirm and undo', async () => {
    const h = await start();
    const { url, page } = await openFixture(h, 'jitsi/host-dom-only-en');
    const state = await waitForTabState(h, url);
    const count = (s: string) => state.result.items.filter((i) => i.state === s).length;
    expect(count('fail')).toBeGreaterThan(0);
    expect(count('unknown')).toBeGreaterThan(0);

    // Toolbar: the score as text, in the band's colour.
    const toolbar = await toolbarBadge(h, state.tabId);
    expect(toolbar.text).toBe(String(state.result.score));
    const bandRgb: Record<string, number[]> = { green: [0x1e, 0x6b, 0x34, 255], orange: [0x9a, 0x4a, 0x00, 255], red: [0xb3, 0x26, 0x1e, 255] };
    expect(toolbar.color).toEqual(bandRgb[state.result.band]);

    const popup = await openPopup(h, state.tabId);
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    expect(await popup.getByTestId('score').textContent()).toBe(String(state.result.score));
    expect(await popup.getByTestId('next-step').textContent()).toMatch(/^Do this now: \S/);
    expect(await popup.getByTestId('potential').textContent()).toBe(`After these fixes and checks: ${state.result.potential}`);
    expect(await popup.locator('[data-group="fix"] li.item').count()).toBe(count('fail'));
    expect(await popup.locator('[data-group="confirm"] li.item').count()).toBe(count('unknown'));
    expect(await popup.locator('[data-group="good"] li.item').count()).toBe(count('pass'));
    expect(await popup.locator('[data-group="fix"] h2').textContent()).toContain('Fix now');

    // Expand the private-chat item with the keyboard: why it matters and Jitsi's numbered steps.
    const chat = popup.locator('li.item[data-item="private-chat-off"]');
    await chat.locator('summary').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => chat.locator('details').getAttribute('open')).not.toBeNull();
    expect(await chat.locator('.detail').textContent()).toContain('Private messages between participants happen out of your sight.');
    expect(await chat.locator('ol.steps li').count()).toBe(2);
    expect(await chat.locator('ol.steps li').first().textContent()).toContain('Settings');

    // "Report a concern" opens the report page for this tab.
    const report = popup.getByRole('button', { name: 'Report a concern' });
    expect(await report.getAttribute('data-href')).toBe(`chrome-extension://${h.extensionId}/report.html?tab=${state.tabId}`);
    const [reportPage] = await Promise.all([h.context.waitForEvent('page'), report.click()]);
    expect(reportPage.url()).toBe(`chrome-extension://${h.extensionId}/report.html?tab=${state.tabId}`);
    await reportPage.close();

    const popup2 = popup.isClosed() ? await openPopup(h, state.tabId) : popup;
    await popup2.locator('li.item[data-item="private-chat-off"] summary').click();
    expect(await axeWcag21(popup2), 'axe on the EN popup').toEqual([]);
    await popup2.screenshot({ path: `${SHOTS}/popup-en.png`, fullPage: true });

    // "I checked this" on the passcode, announced, then undone, then confirmed again (kept for the restart test).
    const passcode = popup2.locator('li.item[data-item="passcode"]');
    await passcode.getByRole('button', { name: /I checked this/ }).click();
    await popup2.locator('[data-group="good"] li.item[data-item="passcode"][data-by="teacher"]').waitFor();
    expect(await popup2.getByTestId('announce').textContent()).toMatch(/^Unique passcode confirmed\. Score: \d+\.$/);
    const after = Number(await popup2.getByTestId('score').textContent());
    expect(after).toBeGreaterThan(state.result.score);
    await expect.poll(async () => (await toolbarBadge(h, state.tabId)).text).toBe(String(after));
    await expect.poll(async () => (await inPageBadge(page))?.text).toContain(String(after));
    await popup2.locator('li.item[data-item="passcode"]').getByRole('button', { name: /Undo/ }).click();
    await popup2.locator('[data-group="confirm"] li.item[data-item="passcode"]').waitFor();
    expect(Number(await popup2.getByTestId('score').textContent())).toBe(state.result.score);
    await popup2.locator('li.item[data-item="passcode"]').getByRole('button', { name: /I checked this/ }).click();
    await popup2.locator('[data-group="good"] li.item[data-item="passcode"]').waitFor();
    confirmedScore = Number(await popup2.getByTestId('score').textContent());
    await popup2.close();
    await page.close();
  });

  it('EN badge: keyboard reachable, polite, expands, moves with arrow keys, remembered per platform, hides per site and comes back live', async () => {
    const h = open.at(-1)!;
    const { url } = fixture('jitsi/host-dom-only-en');
    const page = await h.context.newPage();
    await page.goto(url);
    await expect.poll(async () => (await inPageBadge(page))?.text).toContain(String(confirmedScore));
    const state = await waitForTabState(h, url);
    const shadow = (await badgeShadowHtml(page))!;
    expect(shadow).toContain('role="status"');
    expect(shadow).toContain('aria-live="polite"');
    expect((await inPageBadge(page))!.ariaLabel).toBe(`Vigie safety score: ${confirmedScore} out of 100`);

    expect(await tabToBadge(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await badgeShadowHtml(page)) ?? '').toContain('aria-expanded="true"');
    expect(await badgeShadowHtml(page)).toMatch(/\d+ to fix · \d+ to confirm/);
    expect(await axeOnBadgeCopy(h, page, 'en'), 'axe on the badge').toEqual([]);
    await badgeShot(page, `${SHOTS}/badge-en.png`);

    // Move: Tab to the Move button, arrow keys; the place is stored for Jitsi and survives a reload.
    const before = await page.locator('vigie-badge').boundingBox();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    const moved = await page.locator('vigie-badge').boundingBox();
    expect(Math.round(moved!.x - before!.x)).toBe(64);
    expect(Math.round(moved!.y - before!.y)).toBe(-16);
    await expect.poll(async () => ((await storageLocal(h, 'badgePrefs')) as { positions?: Record<string, unknown> })?.positions?.jitsi).toEqual({ x: Math.round(moved!.x), y: Math.round(moved!.y) });
    await page.reload();
    await expect.poll(async () => (await page.locator('vigie-badge').boundingBox())?.x, { timeout: 10_000 }).toBe(Math.round(moved!.x));
    movedStyle = (await page.locator('vigie-badge').getAttribute('style')) ?? '';

    // Hide on this site (Move → Tab → Hide), then bring it back from the popup: it reappears without a reload.
    expect(await tabToBadge(page)).toBe(true);
    if (!(await badgeShadowHtml(page))!.includes('aria-expanded="true"')) await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('vigie-badge').count()).toBe(0);
    const popup = await openPopup(h, state.tabId);
    await popup.getByTestId('badge-hidden').waitFor();
    expect(await popup.getByTestId('badge-hidden').textContent()).toContain('meet.jit.si');
    await popup.getByRole('button', { name: 'Show the badge on this site' }).click();
    await expect.poll(() => page.locator('vigie-badge').count()).toBe(1);
    await expect.poll(() => popup.getByTestId('badge-hidden').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('EN options: language switch, region vocabulary, lead contact validation, platforms on/off, 200% zoom', async () => {
    const h = open.at(-1)!;
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('heading', { level: 1, name: 'Vigie settings' }).waitFor();
    await options.locator('.selfhosted').waitFor();
    expect(await axeWcag21(options), 'axe on the EN options page').toEqual([]);
    await options.screenshot({ path: `${SHOTS}/options-en.png`, fullPage: true });

    // Bad input: a clear message on the field, nothing saved, the typed value kept.
    await options.locator('#lead-email').fill('not-an-email');
    await options.locator('form[aria-labelledby="opt-title"] button[type="submit"]').click();
    expect(await options.locator('#err-lead-email').textContent()).toBe('Enter an email address such as name@school.ca.');
    expect(await options.locator('#lead-email').getAttribute('aria-invalid')).toBe('true');
    expect(await options.locator('#lead-email').inputValue()).toBe('not-an-email');
    expect(await storageLocal(h, 'userSettings')).toBeUndefined();
    expect(await axeWcag21(options), 'axe with an error shown').toEqual([]);

    // 200% zoom: half the CSS width; nothing scrolls sideways.
    await options.setViewportSize({ width: 640, height: 800 });
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await options.setViewportSize({ width: 1280, height: 800 });

    await options.locator('#lead-email').fill('lead@school.ca');
    await options.locator('#lead-name').fill('A. Tremblay');
    await options.locator('input[data-platform="zoom"]').uncheck();
    await options.locator('#region').selectOption('qc');
    expect(await options.getByTestId('region-hint').textContent()).toContain('Cybertip.ca');
    await options.locator('#language').selectOption('fr');
    await options.locator('form[aria-labelledby="opt-title"] button[type="submit"]').click();
    // The page redraws in French (browser.i18n cannot switch; our locale layer does) with Québec vocabulary.
    await options.getByRole('heading', { level: 1, name: 'Réglages de Vigie' }).waitFor();
    expect(await options.locator('html').getAttribute('lang')).toBe('fr-CA');
    expect(await options.locator('#lead-email').inputValue()).toBe('lead@school.ca');
    expect(await options.locator('label[for="lead-email"]').textContent()).toBe('Courriel');
    expect(await options.getByTestId('status').textContent()).toBe('Enregistré.');
    const saved = (await storageLocal(h, 'userSettings')) as { language: string; region: string; lead: { email: string; name: string }; disabledPlatforms: string[] };
    expect(saved).toMatchObject({ language: 'fr', region: 'qc', lead: { email: 'lead@school.ca', name: 'A. Tremblay' }, disabledPlatforms: ['zoom'] });
    expect(await axeWcag21(options), 'axe on the options page in French').toEqual([]);

    // The popup follows: French words in an English browser, and "clavardage" for Québec.
    const { url } = fixture('jitsi/host-dom-only-en');
    const meeting = await h.context.newPage();
    await meeting.goto(url);
    const state = await waitForTabState(h, url);
    // The in-page badge follows too (the background hands it its words in the chosen language).
    await expect.poll(async () => (await inPageBadge(meeting))?.ariaLabel).toBe(`Score de sécurité Vigie : ${state.result.score} sur 100`);
    const popup = await openPopup(h, state.tabId);
    expect(await popup.locator('html').getAttribute('lang')).toBe('fr-CA');
    expect(await popup.locator('[data-group="fix"] h2').textContent()).toContain('À corriger');
    expect(await popup.locator('li.item[data-item="private-chat-off"] .title').textContent()).toBe('Clavardage privé désactivé');
    await popup.close();
    await meeting.close();

    // Region France: same key, France's word.
    await options.locator('#region').selectOption('fr');
    await options.locator('form[aria-labelledby="opt-title"] button[type="submit"]').click();
    await expect.poll(() => options.locator('html').getAttribute('lang')).toBe('fr');
    expect(await options.locator('#lead-email').inputValue()).toBe('lead@school.ca');
    expect(await options.locator('label[for="lead-email"]').textContent()).toBe('Adresse e-mail');

    // Back to automatic language and no region, so the restart test starts from the browser's language.
    await options.locator('#language').selectOption('auto');
    await options.locator('#region').selectOption('other');
    await options.locator('input[data-platform="zoom"]').check();
    await options.locator('form[aria-labelledby="opt-title"] button[type="submit"]').click();
    await options.getByRole('heading', { level: 1, name: 'Vigie settings' }).waitFor();
    await options.close();
  });

  it('keeps the confirmation and the badge place after a browser restart (same profile)', async () => {
    await open.pop()!.close({ keepProfile: true });
    const h = await start();
    const { url, page } = await openFixture(h, 'jitsi/host-dom-only-en');
    const state = await waitForTabState(h, url);
    const passcode = state.result.items.find((i) => i.id === 'passcode')!;
    expect(passcode).toMatchObject({ state: 'pass', by: 'teacher' });
    expect(state.result.score).toBe(confirmedScore);
    await expect.poll(async () => (await page.locator('vigie-badge').getAttribute('style')) ?? '').toBe(movedStyle);
    const popup = await openPopup(h, state.tabId);
    expect(await popup.locator('li.item[data-item="passcode"]').getAttribute('data-by')).toBe('teacher');
    // 200% zoom of the popup: Chromium lets a popup grow to 800 device px, i.e. 400 CSS px; nothing scrolls sideways.
    await popup.setViewportSize({ width: 400, height: 600 });
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await popup.close();
    // A page that is not a meeting: neutral toolbar, the popup says so.
    h.serve('https://example.org/', '<!doctype html><html lang="en"><head><title>Example</title></head><body><main><h1>Hello</h1></main></body></html>');
    const other = await h.context.newPage();
    await other.goto('https://example.org/');
    const otherId = (await (await currentWorker(h)).evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }).chrome;
      return (await c.tabs.query({ url: 'https://example.org/*' }))[0]?.id;
    })) as number;
    expect((await toolbarBadge(h, otherId)).text).toBe('');
    const none = await openPopup(h, otherId);
    expect(await none.getByTestId('no-meeting').textContent()).toMatch(/not an online class/);
    expect(await axeWcag21(none), 'axe on the no-meeting popup').toEqual([]);
    await none.close();
    await other.close();
    await page.close();
    await open.pop()!.close({ keepProfile: true });
  });

  it('FR browser: popup, badge and options in French, axe clean', async () => {
    const h = await start('fr-FR');
    const uiLanguage = await h.worker.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
    expect(uiLanguage, 'Chromium runs in French (Debian: apt-get install chromium-l10n)').toMatch(/^fr/);
    const { url, page } = await openFixture(h, 'jitsi/host-unsafe-fr');
    const state = await waitForTabState(h, url);
    await expect.poll(async () => (await inPageBadge(page))?.ariaLabel).toBe(`Score de sécurité Vigie : ${state.result.score} sur 100`);
    expect(await tabToBadge(page)).toBe(true);
    if (!(await badgeShadowHtml(page))!.includes('aria-expanded="true"')) await page.keyboard.press('Enter');
    await expect.poll(async () => (await badgeShadowHtml(page)) ?? '').toContain('Masquer sur ce site');
    expect(await axeOnBadgeCopy(h, page, 'fr'), 'axe on the FR badge').toEqual([]);
    await badgeShot(page, `${SHOTS}/badge-fr.png`);

    const popup = await openPopup(h, state.tabId);
    expect(await popup.locator('html').getAttribute('lang')).toBe('fr');
    expect(await popup.getByTestId('next-step').textContent()).toMatch(/^À faire maintenant : \S/);
    expect(await popup.getByRole('button', { name: 'Signaler une inquiétude' }).count()).toBe(1);
    expect(await popup.locator('[data-group="fix"] h2').textContent()).toContain('À corriger');
    // Region not set: France's word.
    expect(await popup.locator('li.item[data-item="private-chat-off"] .title').textContent()).toBe('Chat privé désactivé');
    await popup.locator('li.item[data-item="waiting-room"] summary').click();
    expect(await popup.locator('li.item[data-item="waiting-room"] ol.steps li').count()).toBeGreaterThan(1);
    expect(await axeWcag21(popup), 'axe on the FR popup').toEqual([]);
    await popup.screenshot({ path: `${SHOTS}/popup-fr.png`, fullPage: true });
    await popup.close();

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('heading', { level: 1, name: 'Réglages de Vigie' }).waitFor();
    await options.locator('.selfhosted').waitFor();
    expect(await axeWcag21(options), 'axe on the FR options page').toEqual([]);
    await options.screenshot({ path: `${SHOTS}/options-fr.png`, fullPage: true });
    await options.close();
    await page.close();
  });
});
