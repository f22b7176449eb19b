import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPageBadge, launch, toolbarBadge, type Harness } from '../../scripts/lib/harness';
import { itemOf, openFixture, stateAt, statesOf } from './lib/pages';

/**
 * ClassDojo in real Chromium with the built extension, each fixture served at the app's real URL.
 * ClassDojo routes in the hash, so several fixtures share one served document (https://teach.classdojo.com/): states are matched on the FULL URL, hash included, and each page is closed after use.
 */

const CID = '697d7ed028ab93052f78c907';

describe('ClassDojo in real Chromium', () => {
  let h: Harness;
  let page: Page | undefined;

  /** Each saved page opens in place of the one before (the app's pages share one served document). */
  async function open(platform: string, name: string) {
    await page?.close();
    const f = await openFixture(h, `${platform}/${name}`);
    page = f.page;
    return f;
  }

  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await page?.close();
    await h?.close();
  });

  describe('ClassDojo', () => {
    it('school settings, unsafe: comments and chat on fail chat-control; the in-page badge shows the score (no toolbar score on a settings page)', async () => {
      const { url, page } = await open('classdojo', 'teacher-school-settings-unsafe-en');
      const s = await stateAt(h, url);
      expect(s.platform).toBe('classdojo');
      expect(s.isMeeting).toBe(false);
      expect(s.role).toBe('host');
      expect(statesOf(s)).toMatchObject({ 'chat-control': 'fail', 'private-chat-off': 'unknown', 'personal-info-limited': 'unknown', 'school-account': 'unknown', 'restricted-access': 'unknown', 'waiting-room': 'n/a', passcode: 'n/a' });
      expect(itemOf(s, 'chat-control').evidence).toContain('"School Story commenting" aria-checked="true"');
      // Issue 17: only chat-control (weight 2) is known, and it fails: 0/2 = 0, orange (no key item is known to fail).
      expect(s.result.score).toBe(0);
      expect(s.result.band).toBe('orange');
      expect(await toolbarBadge(h, s.tabId)).toMatchObject({ text: '' });
      await expect.poll(async () => (await inPageBadge(page))?.text ?? '').toContain('0');
    });

    // Issue 17: chat 2 + private chat 3 + personal info 1 known and good = 6/6 = 100; restricted-access (3) still to confirm: grey.
    it('school settings, safe: comments and chat off, monster avatars on → 100 over the 6 known weight, grey', async () => {
      const { url } = await open('classdojo', 'teacher-school-settings-safe-en');
      const s = await stateAt(h, url);
      expect(statesOf(s)).toMatchObject({ 'chat-control': 'pass', 'private-chat-off': 'pass', 'personal-info-limited': 'pass', 'restricted-access': 'unknown', 'school-account': 'unknown' });
      expect(s.result.score).toBe(100);
      expect(s.result.band).toBe('grey');
    });

    it('a class page is filled from the class settings, the school settings and the account tab read earlier (most specific first)', async () => {
      await stateAt(h, (await open('classdojo', 'teacher-class-settings-safe-en')).url);
      const account = await stateAt(h, (await open('classdojo', 'teacher-account-en')).url);
      expect(statesOf(account)['school-account']).toBe('fail');
      expect(itemOf(account, 'school-account').evidence).not.toContain('ana.rivera');

      const { url } = await open('classdojo', 'teacher-class-en');
      const s = await stateAt(h, url);
      expect(s.isMeeting).toBe(true);
      expect(statesOf(s)).toMatchObject({ 'chat-control': 'pass', 'private-chat-off': 'pass', 'personal-info-limited': 'pass', 'school-account': 'fail', 'restricted-access': 'unknown' });
      expect(itemOf(s, 'chat-control').evidence).toMatch(/^settings page read \d{4}-\d{2}-\d{2}: .*Class Story comments/);
      expect(itemOf(s, 'private-chat-off').evidence).toMatch(/^settings page read .*Class or Family Chat/);
      expect(itemOf(s, 'school-account').evidence).toContain('"gmail.com"');
      // Issue 17: chat 2 + private 3 + personal 1 pass, school-account 2 fails: 6 of 8 known weight = 75, orange
      // (restricted-access, weight 3, is still to confirm and left out of the number).
      expect(s.result.score).toBe(75);
      expect(s.result.band).toBe('orange');
      expect(await toolbarBadge(h, s.tabId)).toMatchObject({ text: '75' });

      // The popup lists the account under "fix", with ClassDojo's own steps (locales/en/platform-classdojo.json).
      const popup = await h.context.newPage();
      await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${s.tabId}`);
      await popup.locator('[data-testid="next-step"], [data-testid="no-meeting"]').first().waitFor();
      expect(await popup.getByTestId('score').textContent()).toBe('75');
      const fixAccount = popup.locator('[data-group="fix"] li.item[data-item="school-account"]');
      await fixAccount.locator('summary').click();
      expect(await fixAccount.locator('ol.steps li').count()).toBe(3);
      expect(await fixAccount.locator('ol.steps li').first().textContent()).toContain('Account settings');
      expect(await popup.locator('[data-group="confirm"] li.item[data-item="restricted-access"]').count()).toBe(1);
      await popup.close();
    });

    it('follows the app\'s hash navigation: opening class settings over the class page makes it a settings page', async () => {
      const { page } = await open('classdojo', 'teacher-class-fr');
      const settingsUrl = `https://teach.classdojo.com/#/classes/${CID}/points?settings=true`;
      // The app opens its settings dialog (simulated in the fixture page: Vigie itself never touches the page).
      await page.evaluate((u) => {
        history.pushState(null, '', u);
        const d = document.createElement('div');
        d.setAttribute('role', 'dialog');
        d.innerHTML = '<span id="c">Class Story comments</span><button role="switch" aria-checked="true" aria-labelledby="c"></button>';
        document.body.append(d);
      }, settingsUrl);
      const s = await stateAt(h, settingsUrl);
      expect(s.isMeeting).toBe(false);
      expect(statesOf(s)['chat-control']).toBe('fail');
    });

    it('French class settings (labels unverified): nothing is guessed', async () => {
      const { url } = await open('classdojo', 'teacher-class-settings-unsafe-fr');
      const s = await stateAt(h, url);
      for (const id of ['chat-control', 'private-chat-off', 'personal-info-limited', 'restricted-access', 'school-account']) expect(statesOf(s)[id], id).toBe('unknown');
      expect(s.result.known).toBe(false);
    });

    it('student and parent views: participant, school-account n/a, nothing known so the toolbar shows "?"', async () => {
      for (const name of ['student-story-en', 'participant-parent-messages-fr']) {
        const { url } = await open('classdojo', name);
        const s = await stateAt(h, url);
        expect(s.role, name).toBe('participant');
        expect(s.isMeeting, name).toBe(true);
        expect(statesOf(s)['school-account'], name).toBe('n/a');
        expect(statesOf(s)['chat-control'], name).toBe('unknown');
        expect((await toolbarBadge(h, s.tabId)).text, name).toBe('?');
      }
    });
  });

  it('npm run audit prints the audit JSON for a saved ClassDojo page', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/audit.ts', 'tests/fixtures/classdojo/teacher-school-settings-unsafe-en.html'], { env: { ...process.env }, encoding: 'utf8', timeout: 120_000 });
    const audit = JSON.parse(out) as { platform: string; url: string; score: number; band: string; items: { id: string; state: string; evidence: string }[] };
    expect(audit.platform).toBe('classdojo');
    expect(audit.url).toBe('https://teach.classdojo.com/#/schools/story?schoolSettings=true');
    expect(audit.score).toBe(0);
    expect(audit.band).toBe('orange'); // issue 17: chat-control (weight 2) fails, nothing else known
    expect(audit.items).toHaveLength(15);
    expect(audit.items.find((i) => i.id === 'chat-control')).toMatchObject({ state: 'fail', evidence: expect.stringContaining('School Story commenting') });
    expect(audit.items.filter((i) => i.state === 'n/a')).toHaveLength(10);
  });

  it('made no network request of its own', () => {
    expect(h.refused).toEqual([]);
  });
});
