import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentWorker, declaredUrl, launch, waitForTabState, type Harness } from '../../scripts/lib/harness';
import { fixture } from './lib/pages';
import { probeContentScript, type ContentScriptProbe } from '../../scripts/lib/probe';
import { clickShadowButton, setExtensionClock, shadowPanel } from '../../scripts/lib/shadow';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { setUserSettings } from '../../scripts/lib/user-settings';

/**
 * Professional boundaries in real Chromium with the built extension, pages served at the tools' real URLs.
 * The clock is frozen both in the page (page.clock) and in the content scripts' isolated world (setExtensionClock).
 * School hours: Mon–Fri 08:00–16:30 (the defaults) in the browser's own time zone (issue 15): these browsers run in
 * America/Toronto (harness timezoneId). tests/e2e/first-hour.e2e.ts runs a Paris browser.
 */

const SATURDAY_2240 = '2026-11-29T03:40:00Z'; // Saturday 22:40 in Toronto (EST)
const TUESDAY_1000 = '2026-11-24T15:00:00Z'; // Tuesday 10:00 in Toronto
const BANNER = 'vigie-social-banner';
const NUDGE = 'vigie-composer-nudge';

/** Each opened page's proof that the boundaries content script ran on it (scripts/lib/probe.ts). */
const probes = new WeakMap<Page, ContentScriptProbe>();

async function open(h: Harness, name: string, iso?: string): Promise<Page> {
  const { html, url } = fixture(`boundaries/${name}`);
  h.serve(url, html);
  const page = await h.context.newPage();
  probes.set(page, await probeContentScript(h, page));
  if (iso) await page.clock.setFixedTime(new Date(iso));
  await page.goto(url);
  if (iso) await setExtensionClock(page, h.extensionId, iso);
  return page;
}

async function type(page: Page, text: string): Promise<void> {
  await page.locator('[data-expect="composer"]').click();
  await page.keyboard.type(text);
}

const panelText = async (page: Page, tag: string) => {
  const p = await shadowPanel(page, tag);
  return p?.visible ? p.text : '';
};

/**
 * The content script ran on this page (its isolated world exists and it asked the background for its context: on
 * a composer, that happens on typing), then nothing is shown, and stays so past the check throttle.
 */
async function expectNothingShown(page: Page, tag: string): Promise<void> {
  const probe = probes.get(page);
  if (!probe) throw new Error('page not opened with open(): no content-script probe');
  await probe.ran({ first: 'cs.getBoundaryContext', settle: 1_200 });
  expect(await panelText(page, tag)).toBe('');
}

describe('professional boundaries in real Chromium (EN UI)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ timezoneId: 'America/Toronto' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Messenger: a calm banner; not on the school’s approved page; dismissing a conversation keeps it away there only', async () => {
    await setUserSettings(h, { approvedChannels: ['https://www.facebook.com/ecole.exemple'] });
    const page = await open(h, 'messenger-thread-en');
    await expect.poll(() => panelText(page, BANNER), { timeout: 10_000 }).toContain('Messenger is a personal app');
    const banner = (await shadowPanel(page, BANNER))!;
    expect(banner.text).toContain('facebook.com/ecole.exemple');
    expect(banner.label).toBe('Vigie: a personal channel');
    expect(banner.live).toContain('Messenger is a personal app');
    expect(banner.buttons).toEqual(['Not in this conversation (30 days)', 'Hide on messenger.com for 7 days']);
    // Typing in the app is never blocked: Vigie only informs.
    await page.locator('[role="textbox"]').click();
    await page.keyboard.type('hello');
    expect(await page.locator('[role="textbox"]').textContent()).toBe('hello');

    await clickShadowButton(page, BANNER, 'Not in this conversation');
    await expect.poll(() => panelText(page, BANNER)).toBe('');
    await probes.get(page)!.reset();
    await page.reload();
    await expectNothingShown(page, BANNER);
    // The app moves to another conversation without a page load (SPA): the reminder comes back there…
    await page.evaluate(() => history.pushState({}, '', '/t/100099999999999'));
    await expect.poll(() => panelText(page, BANNER), { timeout: 10_000 }).toContain('Messenger is a personal app');
    // …and leaves again when the teacher returns to the dismissed one.
    await page.evaluate(() => history.pushState({}, '', '/t/100012345678901'));
    await expect.poll(() => panelText(page, BANNER), { timeout: 10_000 }).toBe('');
    await page.close();

    // Another conversation on the same site still gets the reminder.
    const other = await open(h, 'messenger-thread-fr');
    await expect.poll(() => panelText(other, BANNER), { timeout: 10_000 }).toContain('Messenger');
    await other.close();

    // The school's official page (approved channel by policy/settings): nothing.
    const school = await open(h, 'facebook-school-page-en');
    await expectNothingShown(school, BANNER);
    await school.close();
  });

  it('social banner turned off by the user: nothing on Instagram Direct', async () => {
    await setUserSettings(h, { disabledFeatures: ['socialBanner'] });
    const page = await open(h, 'instagram-direct-fr');
    await expectNothingShown(page, BANNER);
    await page.close();
    await setUserSettings(h, {});
    const again = await open(h, 'instagram-direct-fr');
    await expect.poll(() => panelText(again, BANNER), { timeout: 10_000 }).toContain('Instagram is a personal app');
    await again.close();
  });

  it('Google Classroom, Saturday 22:40: a nudge near the composer pointing to Classroom’s own scheduling', async () => {
    await setUserSettings(h, {});
    const page = await open(h, 'classroom-stream-en', SATURDAY_2240);
    await type(page, 'Reminder: quiz on fractions');
    await expect.poll(() => panelText(page, NUDGE), { timeout: 10_000 }).toContain('It is 22:40 on Saturday; schedule this for Monday 08:00?');
    const nudge = (await shadowPanel(page, NUDGE))!;
    expect(nudge.text).toContain('the arrow next to Post, then Schedule');
    expect(nudge.label).toBe('Outside school hours');
    expect(nudge.live).toContain('22:40');
    // Nothing of what was typed is stored.
    const stored = await (await currentWorker(h)).evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<object> } } } }).chrome.storage.local.get()));
    expect(stored).not.toContain('fractions');
    // Hide: stays hidden while typing on.
    await clickShadowButton(page, NUDGE, 'Hide');
    await page.locator('[data-expect="composer"]').click();
    await page.keyboard.type(' and decimals');
    await expectNothingShown(page, NUDGE);
    await page.close();
  });

  it('Google Classroom, Tuesday 10:00: no nudge in school hours; contact details still warn (and arithmetic does not)', async () => {
    const page = await open(h, 'classroom-stream-en', TUESDAY_1000);
    await type(page, 'Answer to question 3: 514-2=512');
    await expectNothingShown(page, NUDGE);
    await page.keyboard.type('. Questions? text me at 514-555-1234 or add me on snap');
    await expect.poll(() => panelText(page, NUDGE), { timeout: 10_000 }).toContain('invitation to a personal app');
    const warn = (await shadowPanel(page, NUDGE))!;
    expect(warn.label).toBe('Personal contact details in this message?');
    expect(warn.text).toContain('This looks like a phone number');
    expect(warn.text).not.toContain('school hours');
    expect(warn.text).toContain('Vigie keeps nothing you type');
    await page.close();
  });

  it('Teams chat, Saturday night, confirm mode: Enter is held for confirmation, the text stays, then the second Enter sends', async () => {
    await setUserSettings(h, { outOfHoursMode: 'confirm' });
    const page = await open(h, 'teams-chat-en', SATURDAY_2240);
    await type(page, 'See you Monday');
    await expect.poll(() => panelText(page, NUDGE), { timeout: 10_000 }).toContain('schedule this for Monday 08:00?');
    expect(await panelText(page, NUDGE)).toContain('Schedule message');
    await page.keyboard.press('Enter');
    await expect.poll(() => shadowPanel(page, NUDGE).then((p) => p?.label)).toBe('Send outside school hours?');
    expect(await page.locator('#sent li').count()).toBe(0);
    expect(await page.locator('[data-expect="composer"]').textContent()).toBe('See you Monday');
    await clickShadowButton(page, NUDGE, 'Send anyway');
    await expect.poll(() => panelText(page, NUDGE)).toContain('press Send again');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sent li').count()).toBe(1);
    expect(await page.locator('#sent li').first().textContent()).toBe('See you Monday');
    expect(await panelText(page, NUDGE)).toBe('');
    await page.close();
  });

  it('Teams chat, nudge mode (default): Enter sends at once, nothing is held', async () => {
    await setUserSettings(h, {});
    const page = await open(h, 'teams-chat-en', SATURDAY_2240);
    await type(page, 'Bonne fin de semaine');
    await expect.poll(() => panelText(page, NUDGE), { timeout: 10_000 }).toContain('22:40');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sent li').count()).toBe(1);
    await page.close();
  });

  it('Teams chat in school hours with out-of-hours turned off: nothing', async () => {
    await setUserSettings(h, { disabledFeatures: ['outOfHours'] });
    const page = await open(h, 'teams-chat-en', SATURDAY_2240);
    await type(page, 'See you Monday');
    await expectNothingShown(page, NUDGE);
    await page.close();
    await setUserSettings(h, {});
    const inHours = await open(h, 'teams-chat-en', TUESDAY_1000);
    await type(inHours, 'See you at recess');
    await expectNothingShown(inHours, NUDGE);
    await inHours.close();
  });

  it('Gmail: nudges only when writing to the student domain', async () => {
    await setUserSettings(h, { studentDomains: ['eleves.ecole-exemple.ca'] });
    const toStudent = await open(h, 'gmail-compose-en', SATURDAY_2240);
    await type(toStudent, 'Your essay feedback');
    await expect.poll(() => panelText(toStudent, NUDGE), { timeout: 10_000 }).toContain('Gmail can schedule it');
    await toStudent.close();
    const toColleague = await open(h, 'gmail-compose-fr', SATURDAY_2240);
    await type(toColleague, 'Mon courriel perso: prof@gmail.com');
    await expectNothingShown(toColleague, NUDGE);
    await toColleague.close();
  });

  it('consumer Teams (teams.live.com) fails the school-account item (read by the Teams adapter), beside the composer script', async () => {
    await setUserSettings(h, {});
    const html = readFileSync('tests/fixtures/teams/host-unsafe-fr.html', 'utf8');
    const url = declaredUrl(html)!;
    expect(new URL(url).hostname).toBe('teams.live.com');
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const state = await waitForTabState(h, url);
    const item = state.result.items.find((i) => i.id === 'school-account');
    expect(item?.state).toBe('fail');
    expect(item?.evidence).toContain('personal Microsoft accounts');
    await page.close();
  });

  it('the teacher turns the out-of-hours reminder off in the options page (accessible form): Teams stays quiet, contact warnings remain', async () => {
    await setUserSettings(h, {});
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const form = options.locator('[data-testid="boundaries"]');
    await form.waitFor();
    const axe = await new AxeBuilder({ page: options }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).include('[data-testid="boundaries"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await options.getByLabel('Out-of-hours reminder when writing to students').uncheck();
    await form.getByRole('button', { name: 'Save reminders' }).click();
    await expect.poll(() => form.locator('[data-testid="boundary-status"]').textContent()).toBe('Saved.');
    await options.close();

    const page = await open(h, 'teams-chat-en', SATURDAY_2240);
    await type(page, 'See you Monday');
    await expectNothingShown(page, NUDGE);
    await page.keyboard.type(', my cell is 514-555-1234');
    await expect.poll(() => panelText(page, NUDGE), { timeout: 10_000 }).toContain('This looks like a phone number');
    expect(await panelText(page, NUDGE)).not.toContain('22:40');
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(h.refused).toEqual([]);
  });
});

describe('FR pages (the extension UI stays English here: this Chromium ships only the en-US locale)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ timezoneId: 'America/Toronto' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Teams with a French UI: the French composer gets the nudge and the French phone number is caught', async () => {
    await setUserSettings(h, {});
    const page = await open(h, 'teams-chat-fr', SATURDAY_2240);
    await type(page, 'Mon portable : 06 12 34 56 78');
    // Both lines, each polled: the panel may first show the hours line and add the contact line on the next check.
    await expect.poll(() => panelText(page, NUDGE), { timeout: 10_000 }).toContain('This looks like a phone number');
    await expect.poll(() => panelText(page, NUDGE), { timeout: 10_000 }).toContain('It is 22:40 on Saturday; schedule this for Monday 08:00?');
    await page.close();
  });

  it('Outlook (FR UI) to a student: nudge; Classroom (FR UI) in school hours: nothing', async () => {
    await setUserSettings(h, { studentDomains: ['eleves.ecole-exemple.ca'] });
    const outlook = await open(h, 'outlook-compose-fr', SATURDAY_2240);
    await type(outlook, 'Bonjour Léa');
    await expect.poll(() => panelText(outlook, NUDGE), { timeout: 10_000 }).toContain('Outlook can schedule it');
    await outlook.close();
    const classroom = await open(h, 'classroom-stream-fr', TUESDAY_1000);
    await type(classroom, 'Rappel : évaluation mardi');
    await expectNothingShown(classroom, NUDGE);
    await classroom.close();
  });
});
