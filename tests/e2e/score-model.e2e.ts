import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { currentWorker, declaredUrl, inPageBadge, launch, toolbarBadge, waitForTabState, type Harness, type TabStateOut } from '../../scripts/lib/harness';
import { openPopup } from './lib/pages';
import { axeWcag21 } from './lib/a11y';

/**
 * Issue 17 in real Chromium: every demo room's toolbar badge, in-page badge and popup show the honest score — the
 * number for what is known (or "?" while not checked yet), the kind of room in words, and the coverage mark — in
 * English and French; the popup (with its "Check the rest" walk) is axe-clean; a Zoom account confirmation made
 * in one room fills another room of the same account. Writes docs/screenshots/scoring/*.png for docs/scoring.md.
 *
 * The expected band and number are worked out here from the item states the background reports, by a separate
 * reading of the rules in docs/scoring.md (weights from shared/reference/checklist.md), not with utils/checklist.
 */

const SHOTS = 'docs/screenshots/scoring';
mkdirSync(SHOTS, { recursive: true });

const WEIGHT: Record<string, number> = {
  'waiting-room': 3, 'restricted-access': 3, 'no-stay-after-host': 3, 'recording-control': 3, 'private-chat-off': 3, 'screen-share-host-only': 3,
  'end-for-all': 2, passcode: 2, 'authenticated-only': 2, 'join-before-host-off': 2, 'chat-control': 2, 'school-account': 2,
  'mute-control': 1, 'camera-control': 1, 'personal-info-limited': 1,
};

/** The rules of docs/scoring.md, written again from the words: what the three surfaces must show. */
function oracle(items: { id: string; state: string }[]) {
  const applicable = items.filter((i) => i.state !== 'n/a');
  const known = applicable.filter((i) => i.state === 'pass' || i.state === 'fail');
  const w = (list: typeof items) => list.reduce((a, i) => a + WEIGHT[i.id], 0);
  const key = applicable.filter((i) => WEIGHT[i.id] === 3);
  const band = key.some((i) => i.state === 'fail') ? 'red' : known.some((i) => i.state === 'fail') ? 'orange' : known.length && key.every((i) => i.state === 'pass') ? 'green' : 'grey';
  const number = band === 'grey' ? null : Math.round((100 * w(known.filter((i) => i.state === 'pass'))) / w(known));
  return { band, number, text: number === null ? '?' : String(number), checked: known.length, total: applicable.length };
}

const RGB: Record<string, number[]> = { green: [0x1e, 0x6b, 0x34, 255], orange: [0x9a, 0x4a, 0x00, 255], red: [0xb3, 0x26, 0x1e, 255], grey: [0x50, 0x5a, 0x63, 255] };
const WORDS = {
  en: {
    insight: { red: 'Unsafe: a key setting is wrong', orange: 'Some settings to fix', grey: 'Not checked yet: nothing wrong found so far', green: 'Good: every key setting is checked and right' },
    coverage: (c: number, t: number) => `${c} of ${t} checked`,
    title: (insight: string, coverage: string) => `Vigie: ${insight} (${coverage})`,
    label: (n: number | null, known: boolean) => (!known ? 'Vigie: items still to confirm, no score yet' : n === null ? 'Vigie: not checked yet, nothing wrong found so far' : `Vigie safety score: ${n} out of 100`),
    check: (n: number) => `Check the rest (${n})`,
    done: 'You went through every item still to confirm.',
  },
  fr: {
    insight: { red: 'À risque : un réglage essentiel est à corriger', orange: 'Des réglages à corriger', grey: 'Pas encore vérifié : rien d’anormal pour l’instant', green: 'Bon : tous les réglages essentiels sont vérifiés et corrects' },
    coverage: (c: number, t: number) => `${c} sur ${t} vérifiés`,
    title: (insight: string, coverage: string) => `Vigie : ${insight} (${coverage})`,
    label: (n: number | null, known: boolean) => (!known ? 'Vigie : des points restent à vérifier, pas encore de score' : n === null ? 'Vigie : pas encore vérifié, rien d’anormal pour l’instant' : `Score de sécurité Vigie : ${n} sur 100`),
    check: (n: number) => `Vérifier le reste (${n})`,
    done: 'Vous avez passé en revue tous les points à confirmer.',
  },
} as const;

function demoRooms(): { slug: string; label: string; url: string; html: string }[] {
  const rooms = [];
  for (const dir of readdirSync('tests/fixtures', { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join('tests/fixtures', dir.name)).filter((f) => f.endsWith('.html')).sort()) {
      const html = readFileSync(join('tests/fixtures', dir.name, f), 'utf8');
      const label = /<meta\s+name="vigie:demo"\s+content="([^"]+)"/i.exec(html)?.[1];
      const url = declaredUrl(html);
      if (label && url) rooms.push({ slug: `${dir.name}-${f.replace(/\.html$/, '')}`, label, url, html });
    }
  }
  return rooms;
}

/** The words the badge button is described by (its coverage mark), read through the DevTools protocol. */
async function badgeDescription(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { nodeName: string; nodeType: number; nodeValue?: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (n: Node): Node | undefined => (n.nodeName === 'VIGIE-BADGE' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean));
    const shadow = find(root)?.shadowRoots?.[0];
    const button = shadow?.children?.find((c) => c.nodeName === 'BUTTON');
    const attrs = button?.attributes ?? [];
    const id = attrs[attrs.indexOf('aria-describedby') + 1];
    const target = shadow?.children?.find((c) => (c.attributes ?? []).includes('id') && c.attributes![c.attributes!.indexOf('id') + 1] === id);
    return target?.children?.map((c) => c.nodeValue ?? '').join('') ?? null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function clearConfirmations(h: Harness) {
  await (await currentWorker(h)).evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('confirmations'));
}

const open: Harness[] = [];
const dirs: string[] = [];
async function start(locale: 'en-US' | 'fr-FR'): Promise<Harness> {
  const saved = process.env.LANGUAGE;
  process.env.LANGUAGE = locale.replace('-', '_');
  const dir = mkdtempSync(join(tmpdir(), 'vigie-score-'));
  dirs.push(dir);
  const h = await launch({ userDataDir: dir, locale }).finally(() => {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  });
  open.push(h);
  for (const room of demoRooms()) h.serve(room.url, room.html);
  return h;
}
afterAll(async () => {
  for (const h of open) await h.close().catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** What every surface shows for one room, checked against the oracle. Returns the state. */
async function checkSurfaces(h: Harness, page: Page, state: TabStateOut, lang: 'en' | 'fr') {
  const words = WORDS[lang];
  const o = oracle(state.result.items);
  expect(state.result.band, 'band').toBe(o.band);
  expect(state.result.coverage).toMatchObject({ checked: o.checked, total: o.total });
  if (o.number !== null) expect(state.result.score).toBe(o.number);
  const coverage = words.coverage(o.checked, o.total);
  await expect.poll(async () => toolbarBadge(h, state.tabId)).toEqual({ text: o.text, color: RGB[o.band], title: words.title(words.insight[o.band as 'red'], coverage) });
  await expect.poll(async () => (await inPageBadge(page))?.text).toBe(`Vigie ${state.result.known ? o.text : '?'} ${o.checked}/${o.total}`);
  expect((await inPageBadge(page))!.ariaLabel).toBe(words.label(o.number, state.result.known));
  expect(await badgeDescription(page)).toBe(coverage);
  const popup = await openPopup(h, state.tabId);
  expect(await popup.getByTestId('score').textContent()).toBe(o.text);
  // The circle carries the band's colour (white text on it at 4.5:1 or more).
  expect(await popup.getByTestId('score').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(`rgb(${RGB[o.band].slice(0, 3).join(', ')})`);
  expect(await popup.getByTestId('insight').textContent()).toBe(words.insight[o.band as 'red']);
  expect(await popup.getByTestId('coverage').textContent()).toBe(coverage);
  return popup;
}

describe('issue 17: the honest score on every demo room, in real Chromium', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang.toUpperCase()}: toolbar, in-page badge and popup show the number for what is known, the kind of room and the coverage; "Check the rest" walks what is left; axe-clean`, async () => {
      const h = await start(lang === 'en' ? 'en-US' : 'fr-FR');
      const kinds = new Set<string>();
      const kindsAfter = new Set<string>();
      let rooms = 0;
      for (const room of demoRooms()) {
        await clearConfirmations(h);
        const page = await h.context.newPage();
        await page.goto(room.url);
        const state = await waitForTabState(h, room.url).catch(() => null);
        if (!state || !state.isMeeting) {
          // Settings pages (ClassDojo, Seesaw) are read and remembered, not scored as rooms: no badge, no toolbar number.
          if (state) expect((await toolbarBadge(h, state.tabId)).text).toBe('');
          await page.close();
          continue;
        }
        rooms++;
        kinds.add(state.result.band);
        const popup = await checkSurfaces(h, page, state, lang);
        expect(await axeWcag21(popup), `axe on the ${lang} popup of ${room.label}`).toEqual([]);
        await popup.screenshot({ path: `${SHOTS}/${room.slug}-${lang}-before.png`, fullPage: true });
        const toConfirm = state.result.items.filter((i) => i.state === 'unknown').length;
        if (toConfirm > 0) {
          // "Check the rest": one screen per item, the heading focused, one click each (keyboard only).
          await popup.getByTestId('check-rest').click();
          expect(await popup.getByTestId('check-rest').count()).toBe(0);
          await popup.getByTestId('walk').waitFor();
          expect(await axeWcag21(popup), `axe on the ${lang} walk of ${room.label}`).toEqual([]);
          for (let i = 1; i <= toConfirm; i++) {
            await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('walk-title');
            expect(await popup.getByTestId('walk-progress').textContent()).toBe(lang === 'en' ? `${i} of ${toConfirm} to confirm` : `${i} sur ${toConfirm} à confirmer`);
            expect(await popup.getByTestId('scope').count()).toBe(1);
            await popup.getByTestId('walk-confirm').focus();
            await popup.keyboard.press('Enter');
            await popup.locator(i < toConfirm ? `[data-testid="walk-progress"]:text-is("${lang === 'en' ? `${i + 1} of ${toConfirm} to confirm` : `${i + 1} sur ${toConfirm} à confirmer`}")` : '[data-testid="walk-done"]').waitFor();
          }
          expect(await popup.locator('#walk-title').textContent()).toBe(WORDS[lang].done);
          await popup.getByTestId('walk-close').click();
          const after = await waitForTabState(h, room.url);
          expect(after.result.items.filter((i) => i.state === 'unknown')).toEqual([]);
          await popup.close();
          const popup2 = await checkSurfaces(h, page, after, lang);
          // Confirming never lowers the band: grey becomes green; red and orange stay (a known failure stays a failure).
          expect(after.result.band).toBe(state.result.band === 'grey' ? 'green' : state.result.band);
          kindsAfter.add(after.result.band);
          await popup2.screenshot({ path: `${SHOTS}/${room.slug}-${lang}-after.png`, fullPage: true });
          await popup2.close();
        } else {
          await popup.close();
        }
        await page.close();
      }
      expect(rooms).toBeGreaterThanOrEqual(12);
      // The demo rooms show three kinds as opened: unsafe, to fix, not checked yet. Since issue 14 none is green as
      // opened: the only one that was (Meet's restricted room) got its key passes from English labels no Google
      // help page shows, now "to confirm". Good (green) is what a grey room becomes once its items are confirmed.
      expect([...kinds].sort()).toEqual(['grey', 'orange', 'red']);
      expect(kindsAfter.has('green')).toBe(true);
    }, 600_000);
  }

  it('a Zoom account confirmation made in one room fills another room of the same account (and a room setting does not)', async () => {
    const h = open[0] ?? (await start('en-US'));
    await clearConfirmations(h);
    const html = readFileSync('tests/fixtures/zoom/host-safe-en.html', 'utf8');
    const roomA = declaredUrl(html)!;
    const roomB = 'https://app.zoom.us/wc/85550001111/start';
    expect(roomA).toBe('https://app.zoom.us/wc/81234567890/start');
    h.serve(roomB, html);
    const pageA = await h.context.newPage();
    await pageA.goto(roomA);
    const a = await waitForTabState(h, roomA);
    // Hand-read from the fixture: nine items good (six of them without a key item for recording and private chat), nothing wrong.
    expect([a.result.band, a.result.coverage.checked, a.result.coverage.total]).toEqual(['grey', 9, 15]);
    expect((await toolbarBadge(h, a.tabId)).text).toBe('?');
    const popupA = await openPopup(h, a.tabId);
    const chat = popupA.locator('li.item[data-item="private-chat-off"]');
    await chat.locator('summary').click();
    expect(await chat.getByTestId('scope').textContent()).toBe('This setting belongs to your Zoom account: one check covers every Zoom room of that account.');
    await chat.getByRole('button', { name: /I checked this/ }).click();
    await popupA.locator('[data-group="good"] li.item[data-item="private-chat-off"][data-by="teacher"]').waitFor();
    const passcode = popupA.locator('li.item[data-item="passcode"]');
    await passcode.locator('summary').click();
    expect(await passcode.getByTestId('scope').textContent()).toBe('This setting belongs to this room: your check covers this room only.');
    await passcode.getByRole('button', { name: /I checked this/ }).click();
    await popupA.locator('[data-group="good"] li.item[data-item="passcode"][data-by="teacher"]').waitFor();
    await popupA.close();

    const pageB = await h.context.newPage();
    await pageB.goto(roomB);
    const b = await waitForTabState(h, roomB);
    expect(b.roomKey).not.toBe(a.roomKey);
    const bChat = b.result.items.find((i) => i.id === 'private-chat-off')!;
    expect(bChat).toMatchObject({ state: 'pass', by: 'teacher', confirmedScope: 'account' });
    expect(b.result.items.find((i) => i.id === 'passcode')).toMatchObject({ state: 'unknown', by: 'vigie' });
    expect(b.result.coverage.checked).toBe(10);
    const popupB = await openPopup(h, b.tabId);
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(bChat.confirmedAt!));
    expect(await popupB.locator('li.item[data-item="private-chat-off"] [data-testid="confirmed-on"]').textContent()).toBe(` (confirmed by you on ${day}, for your Zoom account)`);
    expect(await popupB.getByTestId('coverage').textContent()).toBe('10 of 15 checked');
    // Recording is the other key item still to confirm here; confirming it in room B makes both rooms green.
    await popupB.locator('li.item[data-item="recording-control"]').getByRole('button', { name: /I checked this/ }).click();
    await popupB.locator('[data-group="good"] li.item[data-item="recording-control"]').waitFor();
    expect(await popupB.getByTestId('score').textContent()).toBe('100');
    await popupB.close();
    await expect.poll(async () => (await toolbarBadge(h, a.tabId)).text).toBe('100'); // room A followed, without a reload
    await expect.poll(async () => (await inPageBadge(pageA))?.text).toBe('Vigie 100 12/15'); // nine read + private chat and passcode confirmed here + recording confirmed in room B
    await pageA.close();
    await pageB.close();
  }, 240_000);
});
