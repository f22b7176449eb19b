import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredUrl, launch, type Harness } from '../../scripts/lib/harness';
import { setExtensionClock, shadowPanel } from '../../scripts/lib/shadow';
import type { Page } from 'playwright-core';
import { setUserSettings } from '../../scripts/lib/user-settings';

/**
 * Contact details a teacher must be warned about, in real Chromium with the built extension, on the Gmail and
 * Outlook composers served at their real URLs: UK, Belgian and Swiss numbers and the disguised forms (bracketed
 * "at"/"dot", full-width digits, zero-width characters, spelled-out digits). Tuesday 10:00 in school hours, so only
 * the contact warning can show. Each "then nothing" step follows a warning on the same page, so the content script
 * is proven to be running when the warning goes away.
 */
const TUESDAY_1000 = '2026-11-24T15:00:00Z'; // Tuesday 10:00 in Toronto (the default school hours' zone)
const NUDGE = 'vigie-composer-nudge';
const WARNING_EN = 'Personal contact details in this message?';

const settings = setUserSettings;

async function open(h: Harness, name: string): Promise<Page> {
  const html = readFileSync(`tests/fixtures/boundaries/${name}.html`, 'utf8');
  const url = declaredUrl(html)!;
  h.serve(url, html);
  const page = await h.context.newPage();
  await page.clock.setFixedTime(new Date(TUESDAY_1000));
  await page.goto(url);
  await setExtensionClock(page, h.extensionId, TUESDAY_1000);
  return page;
}

/** Replace the composer's text, as a paste would (one input event). */
async function write(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-expect="composer"]');
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const warning = async (page: Page) => {
  const p = await shadowPanel(page, NUDGE);
  return p?.visible ? { label: p.label, text: p.text } : null;
};

const CASES: Array<{ text: string; line: string }> = [
  { text: 'Call me on 07700 900123 tonight', line: 'This looks like a phone number' },
  { text: 'WhatsApp me on +447700900123', line: 'This looks like a phone number' },
  { text: 'Office line 020 7946 0958', line: 'This looks like a phone number' },
  { text: 'Mon GSM : +32 470 12 34 56', line: 'This looks like a phone number' },
  { text: 'Natel : +41 79 123 45 67', line: 'This looks like a phone number' },
  { text: 'Mon portable : ０６ １２ ３４ ５６ ７８', line: 'This looks like a phone number' },
  { text: 'tél 06\u200B12\u200B34\u200B56\u200B78', line: 'This looks like a phone number' },
  { text: 'call zero seven seven zero zero nine zero zero one two three', line: 'This looks like a phone number' },
  { text: 'write to jane.doe [at] gmail [dot] com', line: 'personal e-mail address' },
  { text: 'jane＠hotmail.fr', line: 'personal e-mail address' },
];

describe('contact details on Gmail and Outlook composers (real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await settings(h, { studentDomains: ['eleves.ecole-exemple.ca'] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(['gmail-compose-en', 'outlook-compose-fr'])('%s: every UK/BE/CH number and disguised form warns, and a class message after it does not', async (name) => {
    const page = await open(h, name);
    for (const c of CASES) {
      await write(page, c.text);
      await expect.poll(() => warning(page).then((w) => w?.text ?? ''), { timeout: 10_000, message: c.text }).toContain(c.line);
      expect((await warning(page))!.label).toBe(WARNING_EN);
      // The warning goes away for an ordinary class message: the check ran again and found nothing.
      await write(page, 'Devoir p. 45–67 pour le 12/11, Room 2045, Exam 09:00–11:30, Score 45/50, ISBN 978-2-07-036822-8');
      await expect.poll(() => warning(page), { timeout: 10_000, message: `after ${c.text}` }).toBeNull();
    }
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(h.refused).toEqual([]);
  });
});
