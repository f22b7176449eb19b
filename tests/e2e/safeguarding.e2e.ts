import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentWorker, launch, type Harness } from '../../scripts/lib/harness';
import { axeWcag2 } from './lib/a11y';
import { writeUserSettings } from '../../scripts/lib/user-settings';

/**
 * Issue 16 in real Chromium with the built extension:
 * - a Teams link with its passcode (?p=) pasted into the selected text, the evidence notes and the facts never
 *   appears in the preview, the e-mail draft, the clipboard or the downloaded JSON;
 * - the staff-allegation route shows the steps of each region, in English and in French, with the region's
 *   services and the second contact.
 */

const PASS = 'Xy7PqL9kT2zz';
const TEAMS = `https://teams.microsoft.com/meet/2345678901234?p=${PASS}`;
const CLEAN = 'https://teams.microsoft.com/meet/2345678901234';
const FORM = 'https://www.ceop.police.uk/ceop-reporting/';

const words = (lang: 'en' | 'fr') =>
  ({ ...JSON.parse(readFileSync(`locales/${lang}/report.json`, 'utf8')), ...JSON.parse(readFileSync(`locales/${lang}/safeguarding.json`, 'utf8')) }) as Record<string, { message: string }>;

async function openReport(h: Harness): Promise<Page> {
  // A fresh report each time: the previous test's draft is deleted from the extension's origin (no page open).
  const worker = await currentWorker(h);
  await worker.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('vigie-incidents');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/report.html`);
  await page.locator('section button').first().waitFor();
  await page.locator('section button').first().click(); // step 1: no one in immediate danger
  await page.locator('#facts').waitFor();
  return page;
}

const next = (page: Page) => page.locator('section .actions button:not(.secondary)').last().click();

describe('safeguarding routes and redaction in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(FORM).origin });
    h.serve(FORM, '<!doctype html><title>CEOP</title><h1>Stand-in for the official form (test)</h1>');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a Teams passcode pasted into the selected text, the evidence notes and the facts leaves in no output', async () => {
    await writeUserSettings(h, { region: 'uk', language: 'en', organisationName: 'Example School', lead: { name: 'Ms Lead (DSL)', email: 'dsl@school.example', phone: '', formUrl: '' } });
    const page = await openReport(h);
    await page.getByLabel('Sexual exploitation or luring of a minor').check();
    // The incident time is not pre-filled with "now"; the time zone is.
    expect(await page.locator('#incidentAt').inputValue()).toBe('');
    expect(await page.locator('#incidentTz').inputValue()).not.toBe('');
    expect(await page.locator('#organisation').inputValue()).toBe('Example School');
    await page.locator('#facts').fill(`An adult sent the pupil ${TEAMS} in chat.`);
    // Typed, not blurred: redaction must not depend on leaving the field.
    await page.locator('#selectedText').fill(`join me here ${TEAMS}`);
    await page.locator('#evidenceNotes').fill(`Link kept by the teacher: teams.microsoft.com/meet/2345678901234?p=${PASS}`);
    await page.locator('#reporter').fill('J. Martin, teacher');
    await next(page);
    await page.locator('.dest[data-dest="ceop"] input[type="checkbox"]').check();
    await next(page);

    const preview = (await page.locator('[data-testid="preview"]').textContent()) ?? '';
    expect(preview).toContain(CLEAN);
    expect(preview).toContain('join me here');
    expect(preview).not.toContain(PASS);
    expect(await page.content()).not.toContain(PASS); // nowhere on the send page either

    const href = (await page.locator('[data-testid="mailto-lead"]').getAttribute('href'))!;
    expect(href).not.toContain(PASS);
    expect(new URL(href).searchParams.get('body')).not.toContain(PASS);
    expect(new URL(href).searchParams.get('body')).toContain(CLEAN);

    const download = page.waitForEvent('download');
    await page.locator('[data-testid="download-json"]').click();
    const file = await (await download).path();
    const json = readFileSync(file, 'utf8');
    expect(JSON.parse(json).report.selectedText).toBe(`join me here ${CLEAN}`);
    expect(json).not.toContain(PASS);

    // The form's clipboard text, read where the teacher pastes it, and then the full report.
    const formTab = h.context.waitForEvent('page');
    await page.locator('[data-testid="form-ceop"]').click();
    const form = await formTab;
    await form.waitForURL(FORM);
    await form.bringToFront();
    const clip = await form.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain(CLEAN);
    expect(clip).not.toContain(PASS);
    await page.bringToFront();
    await page.locator('[data-testid="copy-full"]').click();
    await form.bringToFront();
    await expect.poll(() => form.evaluate(() => navigator.clipboard.readText())).toContain('join me here');
    const full = await form.evaluate(() => navigator.clipboard.readText());
    expect(full).not.toContain(PASS);
    expect(full).toContain(`Where the evidence is: Link kept by the teacher: teams.microsoft.com/meet/2345678901234`);
    await form.close();
    await page.close();
  });

  const STAFF: Record<string, { services: string[] }> = {
    uk: { services: ['lado', 'nspcc'] },
    qc: { services: ['dpj', 'qcprotecteur'] },
    fr: { services: ['fracademie', 'allo119'] },
    ca: { services: ['cachildwelfare'] },
  };
  const cases = (['en', 'fr'] as const).flatMap((lang) => Object.keys(STAFF).map((region) => ({ lang, region })));

  it.each(cases)('staff route: $region in $lang', async ({ lang, region }) => {
    await writeUserSettings(h, { region, language: lang, lead: { name: 'Lead', email: 'lead@school.example', phone: '', formUrl: '' } });
    const page = await openReport(h);
    const W = words(lang);
    await page.locator('input[name="category"][value="adult-misconduct"]').check();
    await page.locator('input[name="urgency"][value="immediate"]').check();
    await page.locator('#otherKind').selectOption('staff');
    await page.locator('[data-testid="staff-block"]').waitFor();
    expect(await page.locator('[data-testid="staff-block"] legend').textContent()).toBe(W.report_staff_legend.message);
    await page.locator('input[name="leadConcerned"]').check();
    await page.locator('#altName').fill('Chair of governors');
    await page.locator('#altEmail').fill('chair@school.example');
    await page.locator('#facts').fill('A member of staff messaged a pupil privately at night.');
    if (region === 'uk') expect(await axeWcag2(page)).toEqual([]);
    await next(page);

    // Immediate risk: emergency numbers back at the top of "Where to send".
    await page.locator('[data-testid="emergency-first"]').waitFor();
    const steps = await page.locator('[data-testid="staff-route"] li').allTextContents();
    expect(steps).toEqual([W[`report_staff_${region}_1`].message, W[`report_staff_${region}_2`].message]);
    const cards = await page.locator('.dest[data-dest]').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-dest')));
    expect(cards.slice(0, 2)).toEqual(['lead', 'alternate']);
    for (const id of STAFF[region].services) expect(cards, id).toContain(id);
    expect(await page.locator('.dest[data-dest="lead"] .warn').first().textContent()).toBe(W.report_lead_concerned_note.message);
    // Hours are shown on every service card.
    for (const id of STAFF[region].services) expect(await page.locator(`.dest[data-dest="${id}"] [data-testid="hours"]`).count(), id).toBe(1);
    if (region === 'qc') expect(await axeWcag2(page)).toEqual([]);

    // The lead is no longer chosen by default; the second contact is, and gets the e-mail draft.
    expect(await page.locator('.dest[data-dest="lead"] input[type="checkbox"]').isChecked()).toBe(false);
    expect(await page.locator('.dest[data-dest="alternate"] input[type="checkbox"]').isChecked()).toBe(true);
    await next(page);
    const href = (await page.locator('[data-testid="mailto-alternate"]').getAttribute('href'))!;
    expect(href.startsWith('mailto:chair@school.example?subject=')).toBe(true);
    expect(await page.locator('[data-testid="mailto-lead"]').count()).toBe(0);
    await page.close();
  });
});
