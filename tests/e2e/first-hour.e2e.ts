import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, declaredUrl, launch, type Harness } from '../../scripts/lib/harness';
import { axeWcag21 } from './lib/a11y';
import { setExtensionClock, shadowPanel } from '../../scripts/lib/shadow';

/**
 * Issue 15: a teacher's first hour, on a fresh profile, with no school policy and without opening the options.
 * Five browsers as a new teacher has them: Playwright's locale (navigator.language in pages, Accept-Language),
 * Chromium's --lang and LANGUAGE (its UI language, hence browser.i18n.getUILanguage() and the extension's words)
 * and the time zone (Playwright's timezoneId in pages, TZ for the service worker): all set by the harness, so each
 * browser is what a fresh fr-CA, en-CA, fr-FR, en-GB or en-US machine gives.
 *
 * For each and every report category: the report opened from the toolbar reaches "Where to send" and offers a
 * real outside service, named literally below from the services' own names, or, where Vigie's list has none for
 * that concern in that region, the "call instead" line. The welcome page opens on install, in the browser's
 * language, with the guessed region selected, and axe finds nothing.
 */

const CATEGORIES = ['sexual-exploitation', 'intimate-images', 'peer-bullying', 'threats', 'hate', 'self-harm', 'adult-misconduct', 'other'] as const;
type Category = (typeof CATEGORIES)[number];

/** A service's name as the page shows it, or the region's "call instead" line (its opening words). */
type Want = { service: string } | { callInstead: string };

const QC_CALL = 'Appelez plutôt : si la sécurité ou le développement d’un enfant peut être compromis, la DPJ de votre région, 24 h/24';
const CA_CALL = "Call instead: if a child may need protection, your province's or territory's child-welfare service";

interface Profile {
  locale: string;
  timezoneId: string;
  lang: 'en' | 'fr';
  region: 'qc' | 'ca' | 'fr' | 'uk' | 'other';
  welcomeTitle: string;
  want: Record<Category, Want>;
}

const PROFILES: Profile[] = [
  {
    locale: 'fr-CA',
    timezoneId: 'America/Montreal',
    lang: 'fr',
    region: 'qc',
    welcomeTitle: 'Bienvenue dans Vigie',
    want: {
      'sexual-exploitation': { service: 'Cyberaide.ca' },
      'intimate-images': { service: 'Cyberaide.ca' },
      'peer-bullying': { service: 'DPJ (protection de la jeunesse, Québec)' },
      threats: { service: 'DPJ (protection de la jeunesse, Québec)' },
      hate: { callInstead: QC_CALL },
      // Crisis lines for self-harm in Québec (issue 16): 988 and 1 866 APPELLE.
      'self-harm': { service: 'Prévention du suicide (1 866 APPELLE, suicide.ca)' },
      'adult-misconduct': { service: 'Cyberaide.ca' },
      other: { service: 'Jeunesse, J’écoute' },
    },
  },
  {
    locale: 'en-CA',
    timezoneId: 'America/Vancouver',
    lang: 'en',
    region: 'ca',
    welcomeTitle: 'Welcome to Vigie',
    want: {
      'sexual-exploitation': { service: 'Cybertip.ca' },
      'intimate-images': { service: 'Cybertip.ca' },
      'peer-bullying': { service: 'Kids Help Phone' },
      threats: { callInstead: CA_CALL },
      hate: { callInstead: CA_CALL },
      // Crisis lines for self-harm in Canada (issue 16).
      'self-harm': { service: '988 Suicide Crisis Helpline' },
      'adult-misconduct': { service: 'Cybertip.ca' },
      other: { service: 'Kids Help Phone' },
    },
  },
  {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    lang: 'fr',
    region: 'fr',
    welcomeTitle: 'Bienvenue dans Vigie',
    want: {
      'sexual-exploitation': { service: '3018 (e-Enfance)' },
      'intimate-images': { service: '3018 (e-Enfance)' },
      'peer-bullying': { service: '3018 (e-Enfance)' },
      threats: { service: '3018 (e-Enfance)' },
      hate: { service: '3018 (e-Enfance)' },
      'self-harm': { service: '119 – Allô Enfance en Danger' },
      'adult-misconduct': { service: '119 – Allô Enfance en Danger' },
      other: { service: '3018 (e-Enfance)' },
    },
  },
  {
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    lang: 'en',
    region: 'uk',
    welcomeTitle: 'Welcome to Vigie',
    want: {
      'sexual-exploitation': { service: 'CEOP Safety Centre' },
      'intimate-images': { service: 'CEOP Safety Centre' },
      'peer-bullying': { service: 'NSPCC Helpline' },
      threats: { service: 'NSPCC Helpline' },
      hate: { service: 'Professionals Online Safety Helpline' },
      'self-harm': { service: 'NSPCC Helpline' },
      'adult-misconduct': { service: 'CEOP Safety Centre' },
      other: { service: 'NSPCC Helpline' },
    },
  },
  {
    // No region known: every region's services, grouped by country.
    locale: 'en-US',
    timezoneId: 'America/New_York',
    lang: 'en',
    region: 'other',
    welcomeTitle: 'Welcome to Vigie',
    want: {
      'sexual-exploitation': { service: 'Cybertip.ca' },
      'intimate-images': { service: 'Cybertip.ca' },
      'peer-bullying': { service: '3018 (e-Enfance)' },
      threats: { service: '3018 (e-Enfance)' },
      hate: { service: '3018 (e-Enfance)' },
      'self-harm': { service: '119 – Allô Enfance en Danger' },
      'adult-misconduct': { service: 'Cybertip.ca' },
      other: { service: '3018 (e-Enfance)' },
    },
  },
];

/** The buttons' own words, from the built extension's messages (the thing under test shows them). */
function words(lang: 'en' | 'fr'): (key: string) => string {
  const messages = JSON.parse(readFileSync(join(CHROME_BUILD, '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  return (key) => {
    const m = messages[key]?.message;
    if (!m) throw new Error(`no message ${key}`);
    return m;
  };
}

/** Open "Report a concern" as a teacher does: the toolbar popup for the current tab, then its button. */
async function openReportFromToolbar(h: Harness): Promise<Page> {
  const url = 'https://www.example.org/classe';
  h.serve(url, '<!doctype html><html lang="en"><title>A page</title><p>A page</p></html>');
  const tab = await h.context.newPage();
  await tab.goto(url);
  const tabId = (await h.worker.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).chrome;
    return (await c.tabs.query({})).find((t) => t.url === u)?.id;
  }, url)) as number;
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  const [report] = await Promise.all([h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/report.html') }), popup.locator('button.report').click()]);
  await popup.close().catch(() => undefined);
  await report.waitForLoadState('domcontentloaded');
  return report;
}

async function whereToSend(page: Page, w: (k: string) => string, category: Category): Promise<{ services: string[]; callInstead: string }> {
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await page.getByRole('button', { name: w('report_next'), exact: true }).click();
  await page.locator('#s3').waitFor();
  // The school policy may restrict destinations: the step waits for it (seconds at most on a fresh profile).
  await page.locator('[data-testid="where-waiting"]').waitFor({ state: 'detached', timeout: 15_000 });
  const services = await page.locator('section[aria-labelledby="s3"] .dest[data-dest]:not([data-dest="lead"]) h4').allInnerTexts();
  const callInstead = (await page.locator('[data-testid="call-instead"]').count()) ? await page.locator('[data-testid="call-instead"]').innerText() : '';
  await page.getByRole('button', { name: w('report_back'), exact: true }).click();
  await page.locator('#s2').waitFor();
  return { services: services.map((s) => s.trim()), callInstead };
}

for (const profile of PROFILES) {
  describe(`a fresh ${profile.locale} / ${profile.timezoneId} profile, no policy, options never opened`, () => {
    let h: Harness;
    const w = words(profile.lang);
    beforeAll(async () => {
      h = await launch({ locale: profile.locale, timezoneId: profile.timezoneId, welcome: 'keep' });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('opens the welcome page on install, in the browser’s language, the guessed region selected; axe finds nothing', async () => {
      const welcome = h.context.pages().find((p) => p.url().endsWith('/welcome.html'));
      expect(welcome, 'the welcome page opened on install').toBeTruthy();
      await welcome!.locator('form').waitFor();
      expect(await welcome!.locator('h1').innerText()).toBe(profile.welcomeTitle);
      expect(await welcome!.evaluate(() => document.documentElement.lang)).toMatch(profile.lang === 'fr' ? /^fr/ : /^en/);
      expect(await welcome!.locator('input[name="region"]:checked').getAttribute('value')).toBe(profile.region);
      expect(await welcome!.locator('[data-testid="welcome-timezone"]').innerText()).toContain(profile.timezoneId === 'America/Montreal' ? 'America/' : profile.timezoneId);
      if (profile.region === 'ca') expect(await welcome!.locator('[data-testid="welcome-guess"]').innerText()).toContain('British Columbia');
      expect(await axeWcag21(welcome!)).toEqual([]);
      await welcome!.close();
    });

    it('every category reaches a real outside service in "Where to send", or the true "call instead" line', async () => {
      const report = await openReportFromToolbar(h);
      await report.getByRole('button', { name: w('report_danger_no') }).click();
      await report.locator('#s2').waitFor();
      const seen: string[] = [];
      for (const category of CATEGORIES) {
        const got = await whereToSend(report, w, category);
        const want = profile.want[category];
        if ('service' in want) {
          expect(got.services, `${profile.locale} ${category}`).toContain(want.service);
          // "No outside service matches" appears only when no region has one: never here.
          expect(got.callInstead, `${profile.locale} ${category}`).not.toMatch(/No outside service matches|Aucun service externe ne correspond/);
        } else {
          expect(got.callInstead, `${profile.locale} ${category}`).toContain(want.callInstead);
        }
        seen.push(`${category}: ${got.services.join(', ') || got.callInstead}`);
      }
      expect(seen).toHaveLength(CATEGORIES.length);
      await report.close();
    });

    it('the lead’s missing contact never blocks: with nothing ticked the teacher still reaches the text to copy', async () => {
      const report = await openReportFromToolbar(h);
      // The draft of the previous test is restored at its step ("What happened").
      await report.locator('#s2, #s1').first().waitFor();
      if (await report.locator('#s1').count()) await report.getByRole('button', { name: w('report_danger_no') }).click();
      await report.locator('input[name="category"][value="sexual-exploitation"]').check();
      await report.getByRole('button', { name: w('report_next'), exact: true }).click();
      await report.locator('[data-testid="where-waiting"]').waitFor({ state: 'detached', timeout: 15_000 });
      await report.locator('[data-testid="where-none-chosen"]').waitFor();
      await report.getByRole('button', { name: w('report_next'), exact: true }).click();
      await report.locator('#s4').waitFor();
      expect(await report.locator('[data-testid="copy-full"]').isVisible()).toBe(true);
      expect(await axeWcag21(report)).toEqual([]);
      await report.close();
    });
  });
}

describe('the emergency numbers are there at first paint', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ locale: 'en-GB', timezoneId: 'Europe/London' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are in report.html’s static HTML, outside any script', () => {
    const html = readFileSync(join(CHROME_BUILD, 'report.html'), 'utf8');
    const main = /<main id="app">([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
    for (const n of ['tel:911', 'tel:112', 'tel:999', 'tel:17', 'sms:114']) expect(main).toContain(`href="${n}"`);
    expect(main).not.toContain('<script');
  });

  it('are visible with scripts disabled (what the first paint shows before any script runs)', async () => {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    const block = page.locator('[data-testid="emergency-static"]');
    expect(await block.isVisible()).toBe(true);
    expect(await block.locator('a.call').allInnerTexts()).toEqual(['911', '112', '999', '17', '114']);
    // Nothing ran: the report itself is not there.
    expect(await page.locator('#s1').count()).toBe(0);
    await cdp.detach();
    await page.close();
  });

  it('then the report replaces them with the region’s numbers, and is usable (first-open figures in npm run bench)', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/report.html`);
    await page.locator('#s1').waitFor();
    expect(await page.locator('[data-testid="emergency"]').allInnerTexts()).toEqual(['Call 999', 'Call 112']);
    expect(await page.locator('[data-testid="emergency-static"]').count()).toBe(0);
    await page.close();
  });
});

describe('a Paris teacher’s out-of-hours reminder follows Paris time (no setting touched)', () => {
  let h: Harness;
  const NUDGE = 'vigie-composer-nudge';
  beforeAll(async () => {
    h = await launch({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function compose(iso: string): Promise<Page> {
    const html = readFileSync('tests/fixtures/boundaries/teams-chat-fr.html', 'utf8');
    const url = declaredUrl(html)!;
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.clock.setFixedTime(new Date(iso));
    await page.goto(url);
    await setExtensionClock(page, h.extensionId, iso);
    await page.locator('[data-expect="composer"]').click();
    await page.keyboard.type('Bonjour, voici le devoir');
    return page;
  }
  const nudge = async (page: Page) => {
    const p = await shadowPanel(page, NUDGE);
    return p?.visible ? p.text : '';
  };

  it('Tuesday 21:00 in Paris is out of hours', async () => {
    const page = await compose('2026-11-24T20:00:00Z'); // 21:00 Paris (UTC+1); 15:00 in Toronto
    await expect.poll(() => nudge(page), { timeout: 10_000 }).toContain('Il est 21:00');
    await page.close();
  });

  it('Tuesday 09:00 in Paris is school time: nothing shown', async () => {
    const page = await compose('2026-11-24T08:00:00Z'); // 09:00 Paris; 03:00 in Toronto
    await page.waitForTimeout(1_500);
    expect(await nudge(page)).toBe('');
    await page.close();
  });
});
