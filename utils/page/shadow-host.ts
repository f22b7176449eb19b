/**
 * The host element for a closed shadow root Vigie draws in a web page (the score badge, the boundaries panels).
 *
 * Custom element definitions are shared with the page: a page that defined Vigie's tag itself runs its constructor
 * inside our createElement and can keep the element's ElementInternals, whose `.shadowRoot` reaches even a CLOSED
 * root attached to it (read it, rewrite it). Such a host is dropped for a plain <div>, which a page cannot define.
 * A page that defines the tag only later gets nothing: a root attached to an element that was not yet defined is
 * never handed to its internals. Proof in real Chromium: tests/e2e/hostile-page.e2e.ts.
 */
export function shadowHost(doc: Document, tag: string): HTMLElement {
  const host = doc.createElement(tag);
  let taken = false;
  try {
    // :defined is the check that works from Chromium's isolated world (where `customElements` is null); the
    // registry lookup covers DOMs without :defined (happy-dom) and Firefox's view of the page's registry.
    taken = host.matches(':defined') || !!doc.defaultView?.customElements?.get(tag);
  } catch {
    taken = false;
  }
  return taken ? doc.createElement('div') : host;
}
