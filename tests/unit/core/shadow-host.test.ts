import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPanel } from '../../../utils/boundaries/ui';
import { mountBadge } from '../../../utils/meeting/badge';
import { shadowHost } from '../../../utils/page/shadow-host';

/**
 * Hosts of Vigie's closed shadow roots when the page owns the tag name (issue #9): a page that defined Vigie's tag
 * holds its ElementInternals, which would reach a closed root attached to it, so Vigie mounts on a plain <div>.
 * The real-browser proof (page scripts, ElementInternals.shadowRoot, Chromium's isolated world) is
 * tests/e2e/hostile-page.e2e.ts; this checks the choice itself in happy-dom.
 */
const texts = { unknownScore: '?', label: () => 'label', detail: () => 'detail', belowMinimum: () => 'below' };
const place = { platform: 'jitsi', site: 'meet.jit.si' };
const fixedDivs = () => [...document.body.children].filter((el) => el.tagName === 'DIV');

function pageDefines(tag: string): { constructed: number } {
  const seen = { constructed: 0 };
  customElements.define(
    tag,
    class extends HTMLElement {
      constructor() {
        super();
        seen.constructed++;
      }
    },
  );
  return seen;
}

/** Every shadow root attached, with its host and mode: `shadowRoot === null` alone is also what "no root" looks like. */
let attached: { host: Element; mode: ShadowRootMode }[] = [];
beforeEach(() => {
  attached = [];
  const real = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    attached.push({ host: this, mode: init.mode });
    return real.call(this, init);
  });
});
afterEach(() => vi.restoreAllMocks());

/** The host has a root, and it is closed (null from outside). */
function expectClosedRoot(host: Element) {
  expect(attached.filter((a) => a.host === host).map((a) => a.mode)).toEqual(['closed']);
  expect(host.shadowRoot).toBeNull();
}

describe('shadow hosts', () => {
  it('keep Vigie’s tag when the page has not defined it', () => {
    expect(shadowHost(document, 'vigie-free-tag').tagName).toBe('VIGIE-FREE-TAG');
    const badge = mountBadge(document, texts, place);
    expect(document.querySelector('vigie-badge')).not.toBeNull();
    expectClosedRoot(document.querySelector('vigie-badge')!);
    badge.remove();
    expect(document.querySelector('vigie-badge')).toBeNull();
  });

  it('badge: a plain <div> when the page defined <vigie-badge>; the page’s element is never attached', () => {
    const seen = pageDefines('vigie-badge');
    const badge = mountBadge(document, texts, place);
    expect(seen.constructed).toBe(1); // the page's constructor ran inside createElement…
    expect(document.querySelector('vigie-badge')).toBeNull(); // …but that element was dropped
    const host = fixedDivs().find((el) => (el.getAttribute('style') ?? '').includes('position: fixed'));
    expect(host).toBeDefined();
    expectClosedRoot(host!);
    badge.remove();
  });

  it('boundaries panel: a plain <div> when the page defined <vigie-composer-nudge>', () => {
    const seen = pageDefines('vigie-composer-nudge');
    const before = fixedDivs().length;
    const panel = mountPanel(document, 'vigie-composer-nudge');
    panel.show({ title: 'Title', lines: ['line'], actions: [], tone: 'info' });
    expect(seen.constructed).toBe(1);
    expect(document.querySelector('vigie-composer-nudge')).toBeNull();
    expect(fixedDivs().length).toBe(before + 1);
    expectClosedRoot(fixedDivs().at(-1)!);
    panel.remove();
  });
});
