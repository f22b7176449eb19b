import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BoundaryContext } from '../../../utils/messaging';

/**
 * The composer runner in happy-dom with the background mocked: what crosses to the background (never the text),
 * when it speaks, and that confirm mode holds a send without touching the text.
 */
const sent: unknown[] = [];
let context: BoundaryContext;
vi.mock('../../../utils/messaging', () => ({
  sendMessage: vi.fn(async (name: string, data: unknown) => {
    sent.push({ name, data });
    return context;
  }),
}));
vi.mock('../../../utils/i18n', () => ({ t: (key: string, subs?: string[]) => (subs ? `${key}(${subs.join('|')})` : key) }));
const { runComposer } = await import('../../../utils/boundaries/run-composer');
const { COMPOSER_TOOLS } = await import('../../../utils/boundaries/composers');

const weekday = [{ start: '08:00', end: '16:30' }];
const base: BoundaryContext = {
  socialBanner: true,
  outOfHours: true,
  contactDetails: true,
  approved: false,
  dismissed: false,
  schoolHours: { timeZone: 'America/Toronto', days: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] }, holidays: [] },
  studentDomains: [],
  schoolDomains: [],
  schoolChannels: [],
  outOfHoursMode: 'nudge',
};
const teams = COMPOSER_TOOLS.find((t) => t.id === 'teams')!;
const SATURDAY = new Date('2026-11-29T03:40:00Z');
const TUESDAY = new Date('2026-11-24T15:00:00Z');

let ctx: ContentScriptContext;
let box: HTMLElement;
const type = (text: string) => {
  box.textContent = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true }));
};
const wait = () => new Promise((r) => setTimeout(r, 400));
/** The panel is in a closed shadow root: read it through the host's text is impossible, so spy on attachShadow. */
let shadow: ShadowRoot | null = null;

beforeEach(() => {
  sent.length = 0;
  context = { ...base };
  document.body.innerHTML = '<div data-tid="ckeditor" contenteditable="true" role="textbox"></div><ul id="sent"></ul>';
  box = document.querySelector('[data-tid="ckeditor"]')!;
  const real = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    shadow = real.call(this, init);
    return shadow;
  });
  shadow = null;
  ctx = new ContentScriptContext('composer-test');
});
afterEach(() => {
  ctx.abort();
  vi.restoreAllMocks();
});
const panelText = () => (shadow?.querySelector('.panel:not([hidden])')?.textContent ?? '');

describe('composer runner', () => {
  it('asks the background with the page URL only: the typed text never crosses', async () => {
    runComposer(ctx, teams, document, () => SATURDAY);
    type('my cell 514-555-1234, secret words');
    await wait();
    expect(sent).toEqual([{ name: 'cs.getBoundaryContext', data: { url: location.href, surface: 'composer' } }]);
    expect(JSON.stringify(sent)).not.toContain('secret');
    expect(panelText()).toContain('boundaries_contact_phone');
    expect(panelText()).toContain('boundaries_hours_now_next(22:40|Saturday|Monday 08:00)');
  });

  it('follows a clock that changes mid-session: quiet in hours, the nudge once the clock reads 22:40, quiet again after', async () => {
    let clock = TUESDAY;
    runComposer(ctx, teams, document, () => clock);
    type('See you at recess');
    await wait();
    expect(panelText()).toBe('');
    clock = SATURDAY;
    type('See you at recess!');
    await wait();
    expect(panelText()).toContain('boundaries_hours_now_next(22:40|Saturday|Monday 08:00)');
    clock = TUESDAY;
    type('See you at recess!!');
    await wait();
    expect(panelText()).toBe('');
  });

  it('catches a UK number and a disguised address in a composer, and only says which kinds', async () => {
    runComposer(ctx, teams, document, () => TUESDAY);
    type('Call me on 07700 900123 or jane [at] gmail [dot] com');
    await wait();
    expect(panelText()).toContain('boundaries_contact_phone');
    expect(panelText()).toContain('boundaries_contact_personalEmail');
    expect(panelText()).not.toContain('07700');
  });

  it('says nothing in school hours without contact details, nor for an empty box or a non-composer', async () => {
    runComposer(ctx, teams, document, () => TUESDAY);
    type('See you at recess');
    await wait();
    expect(panelText()).toBe('');
    type('');
    await wait();
    expect(panelText()).toBe('');
    const search = document.createElement('input');
    search.type = 'search';
    document.body.append(search);
    sent.length = 0;
    search.value = 'call 514-555-1234';
    search.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await wait();
    expect(panelText()).toBe('');
    expect(sent).toEqual([]);
  });

  it('confirm mode: Enter outside hours is held (the tool never sees it) and the text stays', async () => {
    context = { ...base, outOfHoursMode: 'confirm' };
    let toolSawEnter = 0;
    box.addEventListener('keydown', (e) => e.key === 'Enter' && toolSawEnter++);
    runComposer(ctx, teams, document, () => SATURDAY);
    type('Good night');
    await wait();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    box.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(toolSawEnter).toBe(0);
    expect(box.textContent).toBe('Good night');
    expect(panelText()).toContain('boundaries_confirm_title');
    // Shift+Enter (a new line in Teams) is never held.
    const shiftEnter = new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true });
    box.dispatchEvent(shiftEnter);
    expect(shiftEnter.defaultPrevented).toBe(false);
  });

  it('a background that does not answer means nothing is shown (no guess)', async () => {
    const messaging = await import('../../../utils/messaging');
    vi.mocked(messaging.sendMessage).mockRejectedValueOnce(new Error('Extension context invalidated'));
    runComposer(ctx, teams, document, () => SATURDAY);
    type('hello 514-555-1234');
    await wait();
    expect(panelText()).toBe('');
  });
});
