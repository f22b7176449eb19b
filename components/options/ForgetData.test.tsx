import { render } from 'preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mergeLocale } from '../../wxt.config';
import { setMessages } from '../../utils/i18n';
import { badgePrefsItem, boundaryDismissalsItem, confirmationsItem, rememberedSettingsItem, userSettingsItem } from '../../utils/storage';
import { ForgetData, readRemembered } from './ForgetData';

const settle = () => new Promise((r) => setTimeout(r, 30));
async function draw() {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  render(<ForgetData />, root);
  await settle();
  return root;
}
const button = (root: HTMLElement, name: RegExp) => [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;
const future = new Date(Date.now() + 86_400_000).toISOString();
const past = new Date(Date.now() - 86_400_000).toISOString();

async function seed() {
  await confirmationsItem.setValue({ 'jitsi:meet.jit.si/room-a': { passcode: { at: '2026-11-20T10:00:00Z' } }, 'zoom:123': { 'recording-control': { at: '2026-11-21T10:00:00Z' } } });
  await rememberedSettingsItem.setValue({ 'zoom:account': { at: '2026-11-20T10:00:00Z' } } as never);
  await badgePrefsItem.setValue({ positions: { jitsi: { x: 10, y: 10 } }, expanded: true, hiddenSites: ['meet.jit.si'] });
  await boundaryDismissalsItem.setValue({ 'site:facebook.com': future, 'site:old.example': past });
  await userSettingsItem.setValue({ language: 'fr' });
}

describe('options: what Vigie remembers, and forgetting it', () => {
  beforeAll(() => setMessages('en', mergeLocale('en')));
  afterAll(() => setMessages(null));
  beforeEach(() => fakeBrowser.reset());

  it('counts each kind of remembered thing (expired reminders are not counted)', async () => {
    await seed();
    expect(await readRemembered()).toEqual({ confirmedRooms: 2, rememberedPages: 1, hiddenSites: 1, dismissals: 1 });
  });

  it('lists the counts, asks before forgetting, forgets all four and keeps the teacher’s settings', async () => {
    await seed();
    const root = await draw();
    const counts = root.querySelector('[data-testid="forget-counts"]')!.textContent!;
    expect(counts).toContain('Rooms where you marked items as checked: 2');
    expect(counts).toContain('Sites where you hid the badge: 1');

    button(root, /Forget all of this/).click();
    await settle();
    // Nothing removed until the teacher confirms.
    expect(Object.keys(await confirmationsItem.getValue())).toHaveLength(2);
    button(root, /Yes, forget it/).click();
    await settle();

    expect(root.querySelector('[data-testid="forget-status"]')!.textContent).toMatch(/^Done\./);
    expect(await confirmationsItem.getValue()).toEqual({});
    expect(await rememberedSettingsItem.getValue()).toEqual({});
    expect((await badgePrefsItem.getValue()).hiddenSites).toEqual([]);
    expect(await boundaryDismissalsItem.getValue()).toEqual({});
    expect(await userSettingsItem.getValue()).toEqual({ language: 'fr' });
    expect(root.querySelector('[data-testid="forget-counts"]')!.textContent).toContain('Rooms where you marked items as checked: 0');
    expect(button(root, /Forget all of this/).disabled).toBe(true);
  });

  it('cancel keeps everything', async () => {
    await seed();
    const root = await draw();
    button(root, /Forget all of this/).click();
    await settle();
    button(root, /Cancel/).click();
    await settle();
    expect(Object.keys(await confirmationsItem.getValue())).toHaveLength(2);
    expect(button(root, /Forget all of this/)).toBeTruthy();
  });

  it('storage refusing one removal: says so, and still removes the rest', async () => {
    await seed();
    const spy = vi.spyOn(confirmationsItem, 'removeValue').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const root = await draw();
    button(root, /Forget all of this/).click();
    await settle();
    button(root, /Yes, forget it/).click();
    await settle();
    expect(root.querySelector('[data-testid="forget-status"]')!.textContent).toMatch(/could not forget everything/);
    expect(await rememberedSettingsItem.getValue()).toEqual({});
    spy.mockRestore();
  });
});
