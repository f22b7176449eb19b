import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, declaredUrl, launch, waitForTabState, type Harness } from '../../scripts/lib/harness';
import { writeUserSettings } from '../../scripts/lib/user-settings';

/**
 * Issue 14, "a page sample a teacher can give", in real Chromium with the built extension: a Jitsi room at its real
 * URL, with a participant list, a chat and an e-mail planted in it; the popup's link opens the sample page, whose
 * preview holds the controls' words and none of the planted words; Save downloads exactly the previewed file.
 *
 * The sample page reads the tab with scripting.executeScript, which needs access to the tab: in use, the click on
 * Vigie's toolbar button grants it (activeTab) for that tab. Automation cannot click the toolbar, so this test runs
 * a copy of the build whose manifest holds the room's origin, the access that click would have given.
 */

const FIXTURE = readFileSync('tests/fixtures/jitsi/host-safe-en.html', 'utf8');
const URL_ = `${declaredUrl(FIXTURE)!}?jwt=SecretTokenValue`;
const PLANTED = ['Zéphyrine', 'Quesnel', 'zq.famille@quesnel-famille.fr', 'quesnel-famille', 'parc Lafontaine', 'avatars/zq', 'SecretTokenValue', 'MathsGroup5B', 'Ms Tremblay'];
const PEOPLE = `
  <div id="participants-pane"><div class="participant-item-container" data-testid="participant-item-b7">
    <img class="avatar" src="https://cdn.example/avatars/zq.png" alt="Zéphyrine Quesnel"><span class="participant-name">Zéphyrine Quesnel</span>
    <button aria-label="Mute Zéphyrine Quesnel">Mute</button></div></div>
  <div id="chat-conversation-container"><div class="chatmessage"><div class="display-name">Zéphyrine Quesnel</div>
    <div class="messagecontent">see you at parc Lafontaine, write to zq.famille@quesnel-famille.fr</div></div></div>`;
const HTML = FIXTURE.replace('</body>', `${PEOPLE}</body>`);
const AVATAR = 'https://cdn.example/avatars/zq.png';

describe('page sample (real Chromium)', () => {
  let h: Harness;
  let room: Page;
  let tabId: number;
  let dir: string;
  let roomVerdicts: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-sample-'));
    cpSync(CHROME_BUILD, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
    manifest.host_permissions = ['https://meet.jit.si/*'];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    h = await launch({ extensionDir: dir });
    h.serve(URL_, HTML);
    h.serve(AVATAR, { body: '', contentType: 'image/png' });
    room = await h.context.newPage();
    await room.goto(URL_);
    const state = await waitForTabState(h, URL_);
    tabId = state.tabId;
    roomVerdicts = Object.fromEntries(state.result.items.map((i) => [i.id, i.state]));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let sample: Page;
  let preview = '';
  let savedPath = '';

  it('the popup links to the sample page for this tab, which reads the page at once and shows the file as text', async () => {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    const link = popup.getByRole('button', { name: "Save a sample of this page for Vigie's maintainers" });
    const opened = h.context.waitForEvent('page');
    await link.click();
    sample = await opened;
    expect(sample.url()).toBe(`chrome-extension://${h.extensionId}/sample.html?tab=${tabId}`);
    await expect.poll(() => sample.getByTestId('sample-status').textContent(), { timeout: 15_000 }).toContain('The sample is ready');
    preview = await sample.getByLabel('The sample, exactly as it will be saved').inputValue();
    expect(await sample.getByTestId('sample-platform').textContent()).toBe('Jitsi Meet');
    expect(await sample.getByTestId('sample-url').textContent()).toBe('https://meet.jit.si/XxxxxXxxxx0X-Xxxxxx?jwt=x');
  });

  it('the preview holds the page structure and the controls’ words, and no planted name, e-mail, chat line, avatar or token', () => {
    for (const word of PLANTED) expect(preview, word).not.toContain(word);
    for (const label of ['aria-label="Mute microphone"', 'aria-label="Security options"', 'aria-label="Leave the meeting"', 'id="participants-pane"', 'data-testid="participant-item-b7"']) expect(preview, label).toContain(label);
    // The page state travels as settings only (Jitsi's store): the lobby is on, the local name is not there.
    expect(preview).toContain('"store:features/lobby.lobbyEnabled":true');
    expect(preview).toContain('<meta name="vigie:url" content="https://meet.jit.si/XxxxxXxxxx0X-Xxxxxx?jwt=x">');
  });

  it('is accessible: axe WCAG 2.1 AA clean, and Save is reached and used from the keyboard; the file is the preview', async () => {
    const { violations } = await new AxeBuilder({ page: sample }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const save = sample.getByRole('link', { name: 'Save the sample' });
    await save.focus();
    const download = sample.waitForEvent('download');
    await sample.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^vigie-sample-jitsi-\d{4}-\d{2}-\d{2}\.html$/);
    savedPath = join(dir, 'saved-sample.html');
    await file.saveAs(savedPath);
    const saved = readFileSync(savedPath, 'utf8');
    expect(saved).toBe(preview);
    for (const word of PLANTED) expect(saved, word).not.toContain(word);
    await expect.poll(() => sample.getByTestId('sample-status').textContent()).toContain('Your browser is saving vigie-sample-jitsi-');
  });

  it('npm run audit reads the saved sample at its URL shape and gives the room’s verdicts', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/audit.ts', savedPath], { env: { ...process.env }, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const audit = JSON.parse(out.slice(out.indexOf('{'))) as { platform: string; url: string; items: { id: string; state: string }[] };
    expect(audit.platform).toBe('jitsi');
    expect(audit.url).toBe('https://meet.jit.si/XxxxxXxxxx0X-Xxxxxx?jwt=x');
    expect(Object.fromEntries(audit.items.map((i) => [i.id, i.state]))).toEqual(roomVerdicts);
    expect(roomVerdicts['waiting-room']).toBe('pass'); // the room is the secured fixture: the comparison is not vacuous
  }, 150_000);

  it('speaks French when Vigie is set to French (axe clean there too), and says so in the sample', async () => {
    await writeUserSettings(h, { language: 'fr' });
    await sample.reload();
    await expect.poll(() => sample.getByTestId('sample-status').textContent(), { timeout: 15_000 }).toContain("L'échantillon est prêt");
    expect(await sample.locator('h1').textContent()).toBe("Un échantillon de cette page pour l'équipe de Vigie");
    expect(await sample.getByRole('link', { name: "Enregistrer l'échantillon" }).count()).toBe(1);
    const fr = await sample.getByLabel("L'échantillon, tel qu'il sera enregistré").inputValue();
    expect(fr).toContain('&quot;uiLang&quot;:&quot;fr&quot;');
    for (const word of PLANTED) expect(fr, word).not.toContain(word);
    const { violations } = await new AxeBuilder({ page: sample }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  it('sent nothing: no request left the browser', () => {
    expect(h.refused).toEqual([]);
  });
});
