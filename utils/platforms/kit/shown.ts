/**
 * A stricter way to read a page, and probe kinds read through it, for adapters that trust only what the person is
 * shown and a switch only when every shown copy of it agrees (the open-source adapters, Jitsi and BigBlueButton,
 * whose hooks come from the platform's source rather than from vendor labels).
 *
 * Shown: not `hidden`, `inert` or `aria-hidden="true"`, not inside a `<template>`, attached to the document, and
 * neither it nor an ancestor has display:none or visibility:hidden/collapse, inline or computed. The computed
 * style of an element is asked once per read (`during`), since every lookup of one read walks the same ancestors.
 *
 * The probes below are table rows (kit/probes.ts `Row`): each returns a finding or null, and names its evidence with
 * the adapter's own words, a template where `{selector}`, `{id}`, `{path}` and `{value}` stand for what was seen. A
 * verdict the row does not word is never given (a row may only pass, or only fail).
 */
import type { EvidenceSource, Finding } from '../../checklist/types';
import type { ReadContext } from '../types';
import type { Hit } from './dom';
import { fail, pass } from './finding';
import { toggleState } from './dom';

export interface ShownRule {
  /** `allowAriaHidden`: the element itself may be aria-hidden (MUI's native input inside a Select already checked). */
  isShown(el: Element, allowAriaHidden?: boolean): boolean;
  /** Shown matches of `selector` under `root`; an invalid selector matches nothing. */
  all<T extends Element = Element>(root: ParentNode, selector: string): T[];
  /** First shown element of the first selector (stable-first) that has one. */
  first<T extends Element = Element>(root: ParentNode, list: readonly string[]): Hit<T> | null;
  /** Shown matches of `selector` inside shown `containers` only, in document order, each once. */
  within(root: ParentNode, containers: string, selector: string): Element[];
  /** Run one read with the computed-style memo on (reentrant: an inner call shares the outer memo). */
  during<T>(fn: () => T): T;
}

export function shownRule(): ShownRule {
  let memo: WeakMap<Element, boolean> | null = null;

  function styleHides(el: Element): boolean {
    const known = memo?.get(el);
    if (known !== undefined) return known;
    let hides = false;
    const style = (el as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse')) hides = true;
    else {
      const view = el.ownerDocument?.defaultView;
      if (view && typeof view.getComputedStyle === 'function') {
        try {
          const cs = view.getComputedStyle(el);
          hides = cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse';
        } catch {
          hides = false;
        }
      }
    }
    memo?.set(el, hides);
    return hides;
  }

  function isShown(el: Element, allowAriaHidden = false): boolean {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      if (cur.tagName === 'TEMPLATE') return false;
      if (cur.hasAttribute('hidden') || cur.hasAttribute('inert')) return false;
      if (!(allowAriaHidden && cur === el) && cur.getAttribute('aria-hidden') === 'true') return false;
      if (styleHides(cur)) return false;
    }
    // Content of a <template> lives in a separate fragment with no document element above it.
    return !!el.ownerDocument && el.ownerDocument.documentElement.contains(el);
  }

  function all<T extends Element = Element>(root: ParentNode, selector: string): T[] {
    let els: T[] = [];
    try {
      els = Array.from(root.querySelectorAll<T>(selector));
    } catch {
      els = [];
    }
    return els.filter((el) => isShown(el));
  }

  return {
    isShown,
    all,
    first<T extends Element = Element>(root: ParentNode, list: readonly string[]): Hit<T> | null {
      for (const selector of list) {
        const el = all<T>(root, selector)[0];
        if (el) return { el, selector };
      }
      return null;
    },
    within(root, containers, selector) {
      const out = new Set<Element>();
      for (const c of all(root, containers)) for (const el of all(c, selector)) out.add(el);
      return [...out];
    },
    during<T>(fn: () => T): T {
      if (memo) return fn();
      memo = new WeakMap();
      try {
        return fn();
      } finally {
        memo = null;
      }
    },
  };
}

/** What a probe saw, for its evidence template. */
interface Seen {
  selector?: string;
  el?: Element;
  path?: string;
  value?: unknown;
}

/** The adapter's words for each verdict; a verdict left out is never given by that row. */
export interface Says {
  pass?: string;
  fail?: string;
  via?: EvidenceSource;
}

function word(template: string, seen: Seen): string {
  return template.replace(/\{(selector|id|path|value)\}/g, (_m, k: string) => (k === 'id' ? (seen.el?.id ?? '') : String(seen[k as keyof Seen] ?? '')));
}

function verdict(safe: boolean, says: Says, seen: Seen, via: EvidenceSource): Finding | null {
  const template = safe ? says.pass : says.fail;
  if (template === undefined) return null;
  return (safe ? pass : fail)(word(template, seen), says.via ?? via);
}

/**
 * A boolean of the page's own state (`ctx.state[path]`; anything but a boolean decides nothing). `{path}` in the
 * evidence is the path without its reader prefix (`store:`, `global:`). Default words: `state: {path} = {value}`.
 */
export function stateBool(path: string, safe: boolean, says: Says = { pass: 'state: {path} = {value}', fail: 'state: {path} = {value}' }) {
  return (ctx: ReadContext): Finding | null => {
    const value = ctx.state?.[path];
    if (typeof value !== 'boolean') return null;
    return verdict(value === safe, says, { path: path.replace(/^[a-z]+:/, ''), value }, 'state');
  };
}

/**
 * A switch or checkbox (checked, aria-checked, aria-pressed), trusted only when every shown copy has a state and all
 * agree: a stale or planted copy that disagrees decides nothing. `within`: only inside these shown containers.
 */
export function agreedToggle(rule: ShownRule, p: { selector: string; within?: string; safeWhenOn: boolean } & Says) {
  return (ctx: ReadContext): Finding | null => {
    const els = p.within ? rule.within(ctx.doc, p.within, p.selector) : rule.all(ctx.doc, p.selector);
    const states = els.map(toggleState);
    if (!states.length || states.some((s) => s === null) || states.some((s) => s !== states[0])) return null;
    return verdict(states[0] === p.safeWhenOn, p, { selector: p.selector, el: els[0], value: states[0] }, 'dom');
  };
}

/**
 * Presence on/off: a hook shown only in the safe position (`on`) passes, one shown only in the unsafe position
 * (`off`) fails; both or neither decide nothing. `{selector}` is the `on`/`off` alternative the first shown match
 * is (alternatives joined with commas in `on`/`off`).
 */
export function onOff(rule: ShownRule, p: { on: string; off: string; within?: string } & Says) {
  const find = (ctx: ReadContext, s: string) => (p.within ? rule.within(ctx.doc, p.within, s) : rule.all(ctx.doc, s));
  const which = (el: Element, s: string) => s.split(/\s*,\s*/).find((alt) => el.matches(alt)) ?? s;
  return (ctx: ReadContext): Finding | null => {
    const on = find(ctx, p.on);
    const off = find(ctx, p.off);
    if (on.length && !off.length) return verdict(true, p, { selector: which(on[0], p.on), el: on[0] }, 'dom');
    if (off.length && !on.length) return verdict(false, p, { selector: which(off[0], p.off), el: off[0] }, 'dom');
    return null;
  };
}

/** A hook whose presence decides one way (its absence decides nothing): the first alternative shown, stable-first. */
export function shownHook(rule: ShownRule, p: { selectors: readonly string[]; within?: string } & Says) {
  return (ctx: ReadContext): Finding | null => {
    let hit: Hit | null = null;
    if (p.within) {
      const el = rule.within(ctx.doc, p.within, p.selectors.join(', '))[0];
      hit = el ? { el, selector: p.selectors.join(', ') } : null;
    } else hit = rule.first(ctx.doc, p.selectors);
    if (!hit) return null;
    return verdict(p.pass !== undefined, p, { selector: hit.selector, el: hit.el }, 'dom');
  };
}
