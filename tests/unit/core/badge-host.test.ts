import { describe, expect, it } from 'vitest';
import { mountBadge } from '../../../utils/content/badge';

/**
 * The badge's host element when the page owns the tag name (issue #9): a page that defined <vigie-badge> holds
 * its ElementInternals, which would reach a closed root attached to it, so Vigie mounts on a plain <div> instead.
 * The real-browser proof (the page's own scripts, ElementInternals.shadowRoot, Chromium's isolated world) is
 * tests/e2e/hostile-page.e2e.ts; this checks the choice itself in happy-dom.
 */
const texts = { unknownScore: '?', label: () => 'label', detail: () => 'detail' };
const place = { platform: 'jitsi', site: 'meet.jit.si' };

describe('badge host', () => {
  it('is <vigie-badge> when the page has not defined that tag', () => {
    const badge = mountBadge(document, texts, place);
    expect(document.querySelector('vigie-badge')).not.toBeNull();
    expect(document.querySelector('vigie-badge')!.shadowRoot).toBeNull();
    badge.remove();
    expect(document.querySelector('vigie-badge')).toBeNull();
  });

  it('is a plain <div> when the page defined <vigie-badge> itself, and the page’s element is never attached', () => {
    let constructed = 0;
    customElements.define(
      'vigie-badge',
      class extends HTMLElement {
        constructor() {
          super();
          constructed++;
        }
      },
    );
    const badge = mountBadge(document, texts, place);
    expect(constructed).toBe(1); // the page's constructor ran inside createElement…
    expect(document.querySelector('vigie-badge')).toBeNull(); // …but that element was dropped
    const host = [...document.body.children].find((el) => el.tagName === 'DIV' && (el.getAttribute('style') ?? '').includes('position: fixed'));
    expect(host).toBeDefined();
    expect(host!.shadowRoot).toBeNull(); // closed
    badge.remove();
  });
});
