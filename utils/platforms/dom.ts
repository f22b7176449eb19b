/**
 * Small, total DOM helpers for adapters. Each selector list is ordered stable-first; the first that matches wins,
 * and the helper says which one did so the finding can name its evidence. Nothing here throws on odd DOM.
 */

export interface Hit<T extends Element = Element> {
  el: T;
  selector: string;
}

/**
 * A per-read selector cache for adapters whose detectors query the same selectors many times: while `during(fn)`
 * runs, `all(doc, selector)` queries each selector once; outside it, every call queries afresh. An invalid
 * selector yields no elements (the alternatives after it still run).
 */
export function selectorMemo() {
  let memo: Map<string, Element[]> | null = null;
  return {
    all(doc: ParentNode, selector: string): Element[] {
      const cached = memo?.get(selector);
      if (cached) return cached;
      let els: Element[] = [];
      try {
        els = Array.from(doc.querySelectorAll(selector));
      } catch {
        els = [];
      }
      memo?.set(selector, els);
      return els;
    },
    during<T>(fn: () => T): T {
      memo = new Map();
      try {
        return fn();
      } finally {
        memo = null;
      }
    },
  };
}

/** First element matched by the first selector that matches anything (refined-github's querySelectorFirst). */
export function firstMatch<T extends Element = Element>(root: ParentNode, selectors: readonly string[]): Hit<T> | null {
  for (const selector of selectors) {
    try {
      const el = root.querySelector<T>(selector);
      if (el) return { el, selector };
    } catch {
      // An invalid selector in a list must not stop the alternatives after it.
    }
  }
  return null;
}

/** Boolean state of a switch/checkbox-like element: checked, aria-checked, aria-pressed. null when it carries none. */
export function toggleState(el: Element): boolean | null {
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return el.checked;
  for (const attr of ['aria-checked', 'aria-pressed']) {
    const v = el.getAttribute(attr);
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return null;
}

/** Normalised accessible-ish text: aria-label, else text content; whitespace folded, case kept. */
export function labelOf(el: Element): string {
  const raw = el.getAttribute('aria-label') ?? el.textContent ?? '';
  return raw.replace(/\s+/g, ' ').trim();
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Find an element among `candidates` whose label equals one of `labels` (EN and FR), accent- and case-insensitive.
 * Labels are the weakest evidence: adapters call this only after stable hooks missed.
 */
export function findByLabel(root: ParentNode, candidates: string, labels: readonly string[], exact = true): Hit | null {
  const wanted = labels.map(fold);
  let nodes: Element[] = [];
  try {
    nodes = Array.from(root.querySelectorAll(candidates));
  } catch {
    return null;
  }
  for (const el of nodes) {
    const text = fold(labelOf(el));
    if (!text) continue;
    const i = wanted.findIndex((w) => (exact ? text === w : text.includes(w)));
    if (i >= 0) return { el, selector: `${candidates} labelled "${labels[i]}"` };
  }
  return null;
}

/**
 * Find a visible-text sentence (a warning, a toast) anywhere under `root` by walking TEXT nodes only: linear in the
 * page's text, unlike matching textContent of every element (which re-reads the whole page per ancestor).
 */
export function findText(root: Node, labels: readonly string[]): { node: Text; label: string } | null {
  const doc = root.ownerDocument ?? (root as Document);
  const wanted = labels.map(fold);
  let walker: TreeWalker;
  try {
    walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  } catch {
    return null;
  }
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data;
    if (text.length < 8) continue;
    const folded = fold(text);
    const i = wanted.findIndex((w) => folded.includes(w));
    if (i >= 0) return { node: n as Text, label: labels[i] };
  }
  return null;
}
