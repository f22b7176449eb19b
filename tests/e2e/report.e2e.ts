import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentWorker, declaredUrl, launch, waitForTabState, type Harness } from '../../scripts/lib/harness';
import { axeWcag2 } from './lib/a11y';
import { writeUserSettings } from '../../scripts/lib/user-settings';

/**
 * "Report a concern" end to end in real Chromium with the built extension: from the popup's button, through the
 * four steps, to a generated mailto: URL and an opened destination form with the clipboard filled; no request of
 * the extension's own; a draft that survives closing the page and restarting the browser.
 */

const html = readFileSync('tests/fixtures/jitsi/host-unsafe-fr.html', 'utf8');
// The meeting link carries a join token and a name in its hash: neither may reach the report.
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJyb29tIjoiZnJhbmNhaXMzYSJ9.c2lnbmF0dXJlLWV4YW1wbGU';
const meetingUrl = `${declaredUrl(html)!}?jwt=${JWT}`;
const CEOP = 'https://www.ceop.police.uk/ceop-reporting/';

describe('Report a concern in real Chromium', () => {
  let h: Harness;
  const requests: string[] = [];
  beforeAll(async () => {
    h = await launch();
    h.context.on('request', (r) => {
      if (/^https?:/.test(r.url())) requests.push(r.url());
    });
    // Chromium refuses permission grants for chrome-extension:// ("opaque") origins, so the clipboard is read back
    // where the teacher pastes it: on the opened form's page.
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(CEOP).origin });
    await writeUserSettings(h, { region: 'uk', organisationName: 'Example School', lead: { name: 'Ms Lead (DSL)', email: 'dsl@school.example', phone: '', formUrl: '' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('goes from the popup button through every step to a mailto: draft and an opened form with the clipboard filled', async () => {
    h.serve(meetingUrl, html);
    h.serve(CEOP, '<!doctype html><title>CEOP</title><h1>Stand-in for the official form (test)</h1>');
    const meeting = await h.context.newPage();
    await meeting.goto(`${meetingUrl}#userInfo.displayName="Jane Pupil"`);
    const state = await waitForTabState(h, meetingUrl);

    // The popup's "Report a concern" button opens the report page for that tab.
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${state.tabId}`);
    const opened = h.context.waitForEvent('page');
    await popup.locator('button.report').click();
    const page = await opened;
    await page.waitForLoadState();
    expect(page.url()).toBe(`chrome-extension://${h.extensionId}/report.html?tab=${state.tabId}`);

    // Step 1, always: immediate danger, with the region's numbers as tel: links before anything else.
    await page.getByRole('heading', { name: 'Is someone in immediate danger?' }).waitFor();
    const emergency = await page.locator('[data-testid="emergency"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(emergency).toEqual(['tel:999', 'tel:112']);
    const firstLink = await page.locator('a').first().getAttribute('href');
    expect(firstLink).toBe('tel:999');
    expect(await axeWcag2(page)).toEqual([]);
    await page.getByRole('button', { name: /No one is in immediate danger/ }).click();

    // Step 2: the tab's URL and platform are pre-filled, token and name stripped; people are typed, never scraped.
    await page.getByRole('heading', { name: 'What happened' }).waitFor();
    expect(await page.locator('#url').inputValue()).toBe('https://meet.jit.si/francais3a');
    expect(await page.locator('#platform').inputValue()).toBe('Jitsi Meet');
    expect(await page.locator('#child').inputValue()).toBe('');
    expect(await page.locator('#otherPerson').inputValue()).toBe('');
    // Keyboard: trying to go on without a category says why and moves focus to the choices.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Choose what happened');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('category');
    await page.getByLabel('Sexual exploitation or luring of a minor').check();
    await page.getByLabel('Serious').check();
    await page.locator('#otherPerson').fill('guest "sk8r_boi"');
    await page.locator('#otherKind').selectOption('adult');
    await page.locator('#facts').fill('An unknown guest asked a pupil in the chat to add him on another app.');
    await page.locator('#actionsTaken').fill('Removed the guest; locked the room.');
    await page.locator('#reporter').fill('J. Martin, teacher');
    expect(await axeWcag2(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: destinations by category and region, each with its scope; the school's lead always offered.
    await page.getByRole('heading', { name: 'Where to send' }).waitFor();
    const suggested = await page.locator('.dest[data-dest]').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-dest')));
    expect(suggested.slice(0, 4)).toEqual(['lead', 'ceop', 'iwf', 'nspcc']);
    await expect.poll(() => page.locator('.dest[data-dest="ceop"]').textContent()).toContain('Not bullying');
    await page.locator('.dest[data-dest="ceop"] input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: the preview shows exactly what will be shared.
    await page.getByRole('heading', { name: 'Exactly what will be shared' }).waitFor();
    const preview = (await page.locator('[data-testid="preview"]').textContent()) ?? '';
    expect(preview).toContain('What happened: An unknown guest asked a pupil');
    expect(preview).toContain('Page or meeting link: https://meet.jit.si/francais3a');
    expect(preview).not.toContain('jwt');
    expect(preview).not.toContain('Jane');
    expect(await axeWcag2(page)).toEqual([]);

    // E-mail destination: a mailto: with subject and body, the user's click.
    const href = (await page.locator('[data-testid="mailto-lead"]').getAttribute('href'))!;
    expect(href.startsWith('mailto:dsl@school.example?subject=')).toBe(true);
    const mail = new URL(href);
    expect([...mail.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(mail.searchParams.get('subject')).toMatch(/^\[Safeguarding\] Sexual exploitation or luring of a minor – \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const body = mail.searchParams.get('body')!;
    expect(body).toContain('Other person involved: guest "sk8r_boi" (adult)');
    expect(body).toContain('Page or meeting link: https://meet.jit.si/francais3a\r\n');
    expect(body).not.toContain(JWT);
    expect(body.length).toBeLessThanOrEqual(1500);

    // Web-form destination: the official form opens in a new tab and the prepared text is on the clipboard.
    const side = await page.locator('.dest[data-dest="ceop"] table.side tbody tr').allTextContents();
    expect(side[1]).toContain('What happened');
    const formTab = h.context.waitForEvent('page');
    await page.locator('[data-testid="form-ceop"]').click();
    const form = await formTab;
    await form.waitForURL(CEOP);
    expect(form.url()).toBe(CEOP);
    await form.bringToFront();
    const clip = await form.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('Category: Sexual exploitation or luring of a minor');
    expect(clip).toContain('What happened: An unknown guest asked a pupil in the chat to add him on another app.');
    expect(clip).toContain('Actions already taken: Removed the guest; locked the room.');
    expect(clip).not.toContain('jwt');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Text copied');

    // "Copy full report" puts the whole record on the clipboard.
    await page.bringToFront();
    await page.locator('[data-testid="copy-full"]').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Copied.');
    await form.bringToFront();
    await expect.poll(() => form.evaluate(() => navigator.clipboard.readText())).toContain('Written by (name and role): J. Martin, teacher');
    await page.bringToFront();

    // Finish with the log off (the default): nothing is kept.
    await page.locator('[data-testid="finish"]').click();
    await page.getByRole('heading', { name: /Nothing about this report is kept/ }).waitFor();
    await page.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await page.getByText('No report is kept on this device.').waitFor();
    await Promise.all([form.close(), popup.close(), meeting.close(), page.close()]);
  });

  it('made no network request of its own: only the meeting page and the form the user opened loaded', () => {
    expect(h.refused).toEqual([]);
    expect([...new Set(requests.map((u) => u.split('#')[0]))].sort()).toEqual([CEOP, meetingUrl].sort());
  });
});

describe('a report draft survives closing the page and restarting the browser', () => {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-report-profile-'));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('restores what was typed, at the step it was on', async () => {
    const first = await launch({ userDataDir: profile });
    const page = await first.context.newPage();
    await page.goto(`chrome-extension://${first.extensionId}/report.html`);
    await page.getByRole('button', { name: /No one is in immediate danger/ }).click();
    await page.getByLabel('Harassment or bullying between students').check();
    await page.locator('#facts').fill('Typed before the browser closed.');
    await page.locator('#verbatim').fill('"nobody likes you"');
    await page.waitForTimeout(800); // past the ~300 ms autosave debounce
    await page.close();
    await first.close({ keepProfile: true });

    const second = await launch({ userDataDir: profile });
    try {
      const again = await second.context.newPage();
      await again.goto(`chrome-extension://${second.extensionId}/report.html`);
      await again.getByRole('heading', { name: 'What happened' }).waitFor();
      expect(await again.locator('#facts').inputValue()).toBe('Typed before the browser closed.');
      expect(await again.locator('#verbatim').inputValue()).toBe('"nobody likes you"');
      expect(await again.getByLabel('Harassment or bullying between students').isChecked()).toBe(true);
      await expect.poll(() => again.getByRole('status').textContent()).toContain('was restored');
      expect(second.refused).toEqual([]);
    } finally {
      await second.close({ keepProfile: true });
    }
  });
});

describe('right-click context, French UI and the incident log', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ locale: 'fr-FR' });
    // The browser's own language cannot be switched reliably in headless Chromium; the teacher's language setting can.
    await writeUserSettings(h, { region: 'fr', language: 'fr' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('declares the keyboard command', async () => {
    const worker = await currentWorker(h);
    const commands = await worker.evaluate(async () => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name: string; shortcut: string; description: string }[]> } } }).chrome.commands.getAll());
    // The suggested key is in the manifest (Alt+Shift+R); whether Chromium binds it in a headless profile is its
    // own business, so only the declared command and its translated description are asserted here.
    const open = commands.find((c) => c.name === 'open-report');
    expect(['Report a concern about the current page', 'Signaler une inquiétude au sujet de la page']).toContain(open?.description);
  });

  it('pre-fills the selection and the link address a right-click left, cleaned, in French with French numbers', async () => {
    const url = 'https://forum.example.org/thread/42?sessionToken=abc123&page=2';
    h.serve(url, '<!doctype html><title>Forum</title><p>un message</p>');
    const source = await h.context.newPage();
    await source.goto(url);
    await source.bringToFront();
    const worker = await currentWorker(h);
    // Playwright cannot click the browser's own context menu: write what its onClicked listener stores
    // (utils/background/report-entry.ts), for the source tab, then open the page the listener opens.
    const tabId = await worker.evaluate(async (entry) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; storage: { session: { set(o: object): Promise<void> } } } }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      await c.storage.session.set({ reportEntries: { [String(tab.id)]: entry } });
      return tab.id;
    }, { pageUrl: url, selectionText: 'tu vas voir demain', linkUrl: 'https://social.example/u/jane.doe@ecole.example?token=zz', srcUrl: '', at: new Date().toISOString() });
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/report.html?tab=${tabId}`);
    await page.getByRole('heading', { name: 'Quelqu’un est-il en danger immédiat ?'.replace('’', "'") }).waitFor();
    expect(await page.locator('[data-testid="emergency"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:17', 'tel:15', 'tel:112', 'sms:114']);
    await page.getByRole('button', { name: /Personne n'est en danger immédiat/ }).click();
    expect(await page.locator('#url').inputValue()).toBe('https://forum.example.org/thread/42?page=2');
    expect(await page.locator('#platform').inputValue()).toBe('');
    expect(await page.locator('#selectedText').inputValue()).toBe('tu vas voir demain');
    expect(await page.locator('#evidenceNotes').inputValue()).toBe('https://social.example/u/[removed]');
    expect(await axeWcag2(page)).toEqual([]);

    // Keep the log on, finish a report, find it in the log, delete it.
    await page.getByLabel('Menaces').check();
    await page.locator('#facts').fill('Message de menace publié dans le fil.');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Destinataires' }).waitFor();
    // No lead contact is set: the page says so, and never blocks (issue 15: it used to refuse to go on with
    // "Choisissez au moins un destinataire"); with nothing ticked it says the text can still be copied.
    await expect.poll(() => page.locator('.dest[data-dest="lead"]').textContent()).toContain('Aucune coordonnée');
    expect(await page.locator('[data-testid="where-none-chosen"]').textContent()).toContain('vous pouvez tout de même continuer');
    expect(await page.locator('.dest[data-dest="pharos"]').textContent()).toContain('Traite les contenus publics, ou un inconnu');
    await page.locator('.dest[data-dest="fr3018"] input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Exactement ce qui sera transmis' }).waitFor();
    expect(await page.locator('.dest[data-dest="fr3018"] a[href="tel:3018"]').count()).toBe(1);

    await page.locator('footer a').click();
    await page.getByRole('heading', { name: 'Journal d’incidents sur cet appareil'.replace('’', "'") }).waitFor();
    expect(await page.getByLabel('Conserver les signalements terminés sur cet appareil').isChecked()).toBe(false);
    await page.getByLabel('Conserver les signalements terminés sur cet appareil').check();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('enregistrés');
    await page.getByRole('link', { name: 'Retour au signalement' }).click();
    await page.getByRole('heading', { name: 'Exactement ce qui sera transmis' }).waitFor();
    await page.locator('[data-testid="finish"]').click();
    await page.getByRole('heading', { name: /conservé dans votre journal/ }).waitFor();
    await page.goto(`chrome-extension://${h.extensionId}/report.html#log`);
    await page.locator('[data-testid="incident"]').first().waitFor();
    expect(await page.locator('[data-testid="incident"]').count()).toBe(1);
    expect(await page.locator('[data-testid="incident"]').textContent()).toContain('Menaces');
    await page.locator('[data-testid="incident"] button').click();
    await page.getByText('Aucun signalement n’est conservé sur cet appareil.'.replace('’', "'")).waitFor();
    expect(h.refused).toEqual([]);
  });
});
