/**
 * Small, total DOM helpers for adapters. Each selector list is ordered stable-first; the first that matches wins,
 * and the helper says which one did so the finding can name its evidence. Nothing here throws on odd DOM.
 */
import { fold } from './labels';

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
    /** The first usable element of the first selector that has one (at most 200 looked at per selector). */
    first(doc: ParentNode, selectors: readonly string[], exclude: readonly string[] = COMMON_PARTICIPANT_AREAS): Hit | null {
      for (const selector of selectors) {
        const el = this.all(doc, selector)
          .slice(0, 200)
          .find((e) => usable(e, exclude));
        if (el) return { el, selector };
      }
      return null;
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

/**
 * Where participants write: names, chat lines, tile captions, reactions. Text or labels found inside these never
 * decide an item or the role (a pupil called "End meeting for all" changes nothing). Every adapter's
 * `participantAreas` starts with this list; fuzz.test.ts builds an element from each selector, so keep them
 * simple (`tag`, `.class`, `[attr]`, `[attr="value"]`, joined without spaces).
 */
export const COMMON_PARTICIPANT_AREAS: readonly string[] = [
  '[role="log"]', // ARIA chat transcript
  '[role="feed"]', // ARIA message feed
  '[data-participant-id]', // participant tiles (Meet, Jitsi, many React clients)
  '[data-self-name]', // Meet's own tile name
  '[data-requested-participant-id]', // Meet's admit requests
  '[contenteditable="true"]', // chat composers
  '[contenteditable=""]',
  'textarea',
];

/** `closest()` against a selector list, one call; an invalid selector never throws (it is skipped). */
export function inAreas(el: Element, areas: readonly string[]): boolean {
  if (!areas.length) return false;
  try {
    return !!el.closest(areas.join(', '));
  } catch {
    return areas.some((a) => {
      try {
        return !!el.closest(a);
      } catch {
        return false;
      }
    });
  }
}

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|content-visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Not shown to the person, so it can decide nothing: `hidden`, `inert`, `aria-hidden="true"`, an inline
 * `display:none`/`visibility:hidden` on it or an ancestor, inside a `<template>` or a detached fragment, or (where
 * the browser computes styles) not rendered. Bounded: walks at most 64 ancestors.
 */
export function isHidden(el: Element): boolean {
  let n: Element | null = el;
  for (let depth = 0; n && depth < 64; depth++, n = n.parentElement) {
    if (n.tagName === 'TEMPLATE') return true;
    if (n.hasAttribute('hidden') || n.hasAttribute('inert') || n.getAttribute('aria-hidden') === 'true') return true;
    const style = n.getAttribute('style');
    if (style && INLINE_HIDDEN.test(style)) return true;
  }
  try {
    const root = el.getRootNode?.();
    // A <template>'s content or a detached fragment (a shadow root has a host, and is shown).
    if (root && root.nodeType === 11 && !(root as ShadowRoot).host) return true;
    if (root && root.nodeType !== 9 && root.nodeType !== 11) return true;
  } catch {
    /* odd node: judged by its attributes only */
  }
  try {
    const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    // Real browsers: display:none from a style sheet, on the element or any ancestor (checkVisibility).
    if (typeof check === 'function' && el.ownerDocument?.defaultView && !('happyDOM' in el.ownerDocument.defaultView)) {
      if (!check.call(el, { visibilityProperty: true })) return true;
    } else if (el.ownerDocument?.styleSheets?.length) {
      // No layout (happy-dom, tests): the computed display of the element and its ancestors, when sheets exist.
      const view = el.ownerDocument.defaultView;
      let a: Element | null = el;
      for (let depth = 0; a && view && depth < 64; depth++, a = a.parentElement) {
        const cs = view.getComputedStyle(a);
        if (cs.display === 'none' || (a === el && cs.visibility === 'hidden')) return true;
      }
    }
  } catch {
    /* no computed style here */
  }
  return false;
}

/** Can this element decide anything: shown, and not inside a participant-written area. */
export function usable(el: Element, exclude: readonly string[] = COMMON_PARTICIPANT_AREAS): boolean {
  return !isHidden(el) && !inAreas(el, exclude);
}

/**
 * First usable element matched by the first selector that matches one (refined-github's querySelectorFirst).
 * Hidden elements and those in participant areas are skipped, so a hidden copy of a hook never decides.
 */
export function firstMatch<T extends Element = Element>(root: ParentNode, selectors: readonly string[], exclude: readonly string[] = COMMON_PARTICIPANT_AREAS): Hit<T> | null {
  for (const selector of selectors) {
    try {
      const el = root.querySelector<T>(selector);
      if (!el) continue;
      if (usable(el, exclude)) return { el, selector };
      const shown = Array.from(root.querySelectorAll<T>(selector))
        .slice(0, 200)
        .find((e) => usable(e, exclude));
      if (shown) return { el: shown, selector };
    } catch {
      // An invalid selector in a list must not stop the alternatives after it.
    }
  }
  return null;
}

/** Thrown by a helper when two usable controls for the same label disagree: runDetectors makes the item unknown. */
export class AmbiguousControl extends Error {
  constructor(what: string) {
    super(`two controls named "${what.slice(0, 80)}" disagree (a stale or fake copy?): confirm on the page`);
    this.name = 'AmbiguousControl';
  }
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

/**
 * Find an element among `candidates` whose label equals one of `labels` (EN and FR), accent- and case-insensitive.
 * Labels are the weakest evidence: adapters call this only after stable hooks missed.
 */
export function findByLabel(root: ParentNode, candidates: string, labels: readonly string[], exact = true, exclude: readonly string[] = COMMON_PARTICIPANT_AREAS): Hit | null {
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
    if (i >= 0 && usable(el, exclude)) return { el, selector: `${candidates} labelled "${labels[i]}"` };
  }
  return null;
}

/**
 * Find a visible-text sentence (a warning, a toast) anywhere under `root` by walking TEXT nodes only: linear in the
 * page's text, unlike matching textContent of every element (which re-reads the whole page per ancestor).
 */
export function findText(root: Node, labels: readonly string[], exclude: readonly string[] = COMMON_PARTICIPANT_AREAS): { node: Text; label: string } | null {
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
    const parent = (n as Text).parentElement;
    if (i >= 0 && parent && usable(parent, exclude)) return { node: n as Text, label: labels[i] };
  }
  return null;
}
