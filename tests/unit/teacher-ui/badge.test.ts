import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeLocale } from '../../../wxt.config';
import { setMessages } from '../../../utils/i18n';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountBadge } from '../../../utils/meeting/badge';
import { badgePrefsItem, readBadgePrefs, repairBadgePrefs } from '../../../utils/storage';
import type { BadgeSummary } from '../../../utils/messaging';

/**
 * The badge mounts a CLOSED shadow root; to look inside in happy-dom we capture it as it is created.
 */
function mount(site = 'meet.jit.si') {
  let root: ShadowRoot | undefined;
  const original = HTMLElement.prototype.attachShadow;
  const spy = vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    root = original.call(this, init);
    return root;
  });
  const badge = mountBadge(
    document,
    {
      unknownScore: '?',
      label: (s) => (s.known ? `score ${s.score}` : 'unknown'),
      detail: (s) => `${s.toFix} fix ${s.toConfirm} confirm`,
      belowMinimum: (n) => `below ${n}`,
      coverage: (s) => `${s.checked} of ${s.total} checked`,
    },
    { platform: 'jitsi', site },
  );
  spy.mockRestore();
  return { badge, root: root!, host: () => document.querySelector('vigie-badge') as HTMLElement | null };
}

const summary = (over: Partial<BadgeSummary> = {}): BadgeSummary => ({ score: 60, band: 'orange', known: true, toConfirm: 2, toFix: 3, checked: 9, total: 14, ...over });
const flush = () => new Promise((r) => setTimeout(r, 20));

describe('in-page badge', () => {
  beforeAll(() => setMessages('en', mergeLocale('en')));
  afterAll(() => setMessages(null));

  it('labels its controls in the teacher’s language', () => {
    const { badge, root } = mount();
    expect(root.querySelector('button.move')!.textContent).toBe('Move');
    expect(root.querySelector('button.hide')!.textContent).toBe('Hide on this site');
    badge.remove();
  });

  it('shows the score in the band colour, "?" while nothing is known', () => {
    const { badge, root } = mount();
    badge.update(summary());
    const button = root.querySelector('button.badge') as HTMLButtonElement;
    expect(button.textContent).toBe('Vigie609/14');
    expect(button.style.background).toMatch(/#9a4a00|rgb\(154, 74, 0\)/);
    expect(button.getAttribute('aria-label')).toBe('score 60');
    badge.update(summary({ known: false, score: 0, checked: 0 }));
    expect(button.textContent).toBe('Vigie?0/14');
    badge.remove();
  });

  it('issue 17: "not checked yet" (grey) shows "?" and the coverage, never the 100 of nothing failing; the coverage words describe the button', () => {
    const { badge, root } = mount();
    badge.update(summary({ score: 100, band: 'grey', toFix: 0, toConfirm: 5 }));
    const button = root.querySelector('button.badge') as HTMLButtonElement;
    expect(button.textContent).toBe('Vigie?9/14');
    expect(button.style.background).toMatch(/#505a63|rgb\(80, 90, 99\)/);
    expect(root.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toBe('9 of 14 checked');
    badge.update(summary({ score: 91, band: 'red', toFix: 1 }));
    expect(button.textContent).toBe('Vigie919/14');
    expect(button.style.background).toMatch(/#b3261e|rgb\(179, 38, 30\)/);
    badge.remove();
  });

  it('announces politely only when the band changes, not on every rescan', () => {
    const { badge, root } = mount();
    const live = root.querySelector('[role="status"]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    badge.update(summary({ score: 60 }));
    expect(live.textContent).toBe('score 60');
    badge.update(summary({ score: 65 }));
    expect(live.textContent).toBe('score 60');
    badge.update(summary({ score: 95, band: 'green' }));
    expect(live.textContent).toBe('score 95');
    badge.remove();
  });

  it('expands and collapses from the keyboard-reachable button, and remembers it', async () => {
    const { badge, root } = mount();
    badge.update(summary());
    const button = root.querySelector('button.badge') as HTMLButtonElement;
    const tools = root.querySelector('.tools') as HTMLElement;
    expect(tools.hidden).toBe(true);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(tools.hidden).toBe(false);
    expect(tools.textContent).toContain('3 fix 2 confirm');
    await flush();
    expect((await readBadgePrefs()).expanded).toBe(true);
    badge.remove();
  });

  it('moves with arrow keys from the Move button and stores the place per platform', async () => {
    const { badge, root } = mount();
    const move = root.querySelector('button.move') as HTMLButtonElement;
    move.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await flush();
    const prefs = await readBadgePrefs();
    expect(prefs.positions.jitsi).toBeDefined();
    expect(Object.keys(prefs.positions)).toEqual(['jitsi']);
    badge.remove();
  });

  it('hides on this site and comes back when the site is removed from the list (live, through storage)', async () => {
    const { badge, root, host } = mount('meet.jit.si');
    await flush();
    expect(host()).not.toBeNull();
    (root.querySelector('button.hide') as HTMLButtonElement).click();
    await flush();
    expect((await readBadgePrefs()).hiddenSites).toEqual(['meet.jit.si']);
    expect(host()).toBeNull();
    await badgePrefsItem.setValue({ ...(await readBadgePrefs()), hiddenSites: [] });
    await flush();
    expect(host()).not.toBeNull();
    badge.remove();
  });

  it('stays hidden on a site hidden earlier, but shows on another', async () => {
    await badgePrefsItem.setValue({ positions: {}, expanded: false, hiddenSites: ['meet.jit.si'] });
    const a = mount('meet.jit.si');
    await flush();
    expect(document.querySelectorAll('vigie-badge').length).toBe(0);
    const b = mount('jitsi.school.example');
    await flush();
    expect(document.querySelectorAll('vigie-badge').length).toBe(1);
    a.badge.remove();
    b.badge.remove();
  });

  it('repairs corrupted preferences entry by entry', async () => {
    expect(repairBadgePrefs('nonsense')).toEqual({ positions: {}, expanded: false, hiddenSites: [] });
    expect(repairBadgePrefs({ positions: { jitsi: { x: 10, y: 20 }, zoom: { x: 'a', y: 1 }, meet: null }, expanded: 'yes', hiddenSites: ['a.b', 7, ''] })).toEqual({
      positions: { jitsi: { x: 10, y: 20 } },
      expanded: false,
      hiddenSites: ['a.b'],
    });
    await fakeBrowser.storage.local.set({ badgePrefs: { positions: 5, hiddenSites: 'x' } });
    expect(await readBadgePrefs()).toEqual({ positions: {}, expanded: false, hiddenSites: [] });
  });

  it('under the school’s minimum: a "!" mark, the words in its name and detail, announced once when it crosses', () => {
    const { badge, root } = mount();
    const button = root.querySelector('button.badge') as HTMLButtonElement;
    const live = root.querySelector('[role="status"]')!;
    badge.update(summary({ score: 60 }));
    expect(button.textContent).toBe('Vigie609/14');
    expect((root.querySelector('.min-line') as HTMLElement).hidden).toBe(true);
    badge.update(summary({ score: 60, belowMinimum: 70 }));
    expect(button.textContent).toBe('Vigie60!9/14');
    expect(button.getAttribute('aria-label')).toBe('score 60. below 70');
    expect(live.textContent).toBe('score 60. below 70');
    const line = root.querySelector('.min-line') as HTMLElement;
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe('below 70');
    // A rescan with the same verdict says nothing new; climbing over the minimum clears the mark and is announced.
    live.textContent = '';
    badge.update(summary({ score: 62, belowMinimum: 70 }));
    expect(live.textContent).toBe('');
    badge.update(summary({ score: 72 }));
    expect(button.textContent).toBe('Vigie729/14');
    expect(live.textContent).toBe('score 72');
    expect(line.hidden).toBe(true);
    badge.remove();
  });
});
