/**
 * Reading settings controls found by name: a switch's position, a dropdown's value, a radio group's checked option,
 * and the verdict they give (a safe position read through an unverified label stays to confirm). Built on the
 * per-read control index (controls.ts) and the page helpers (dom.ts).
 */
import type { Finding } from '../../checklist/types';
import { AmbiguousControl, COMMON_PARTICIPANT_AREAS, toggleState, usable } from './dom';
import { accessibleName, checkedState, indexControls, selectedValue, type ControlHit, type ControlIndex } from './controls';
import { fail, pass, unknown } from './finding';
import { fold, type LabelPair, type WeakLabelLog } from './labels';

/** A switch-like control found by name, and its position. */
export interface SwitchReading {
  hit: ControlHit;
  on: boolean;
}

/** A dropdown found by name, and the value it shows. */
export interface ValueReading {
  hit: ControlHit;
  value: string;
}

/** The switch named by `labels` (sure first, then unsure) and its position; null when absent or stateless. */
export function switchIn(index: ControlIndex, labels: { sure: readonly string[]; unsure?: readonly string[] }): SwitchReading | null {
  const hit = index.find(labels.sure, labels.unsure ?? []);
  const on = hit ? checkedState(hit.el) : null;
  return hit && on !== null ? { hit, on } : null;
}

/** The dropdown named by `labels` and the value it shows; null when absent or blank. */
export function valueIn(index: ControlIndex, labels: { sure: readonly string[]; unsure?: readonly string[] }): ValueReading | null {
  const hit = index.find(labels.sure, labels.unsure ?? []);
  const value = hit ? selectedValue(hit.el) : null;
  return hit && value ? { hit, value } : null;
}

/** `"Waiting Room" is on`, with ` (label unverified)` when only an unverified label named it. */
export const describeSwitch = (c: SwitchReading): string => `"${c.hit.label}" is ${c.on ? 'on' : 'off'}${c.hit.verified ? '' : ' (label unverified)'}`;

/** aria when the control carries aria-checked, else dom (a native checkbox). */
export const switchVia = (c: { hit: ControlHit }): 'aria' | 'dom' => (c.hit.el.hasAttribute('aria-checked') ? 'aria' : 'dom');

/** pass in the safe position, fail otherwise; a safe position read through an unverified label stays to confirm. */
export function switchVerdict(c: SwitchReading | null, safeWhenOn: boolean, where: string): Finding | null {
  if (!c) return null;
  const evidence = `${where}: ${describeSwitch(c)}`;
  if (c.on === safeWhenOn) return c.hit.verified ? pass(evidence, switchVia(c)) : unknown(`${evidence}: confirm on the page`);
  return fail(evidence, switchVia(c));
}

/** A pass read through an unverified label stays "to confirm"; a fail stands. */
export function onlyIfVerified(r: { hit: ControlHit }, f: Finding): Finding {
  return f.state === 'pass' && !r.hit.verified ? unknown(`${f.evidence} (label unverified): confirm on the page`) : f;
}

/**
 * The page's controls, indexed once per read (reads are synchronous, so one slot is enough): `during(doc, fn)`
 * indexes them for the read; `of(doc)` inside it returns that index, outside it a fresh one.
 */
export function controlSlot(exclude: readonly string[] = COMMON_PARTICIPANT_AREAS) {
  let current: { doc: Document; index: ControlIndex } | null = null;
  return {
    of(doc: Document): ControlIndex {
      return current?.doc === doc ? current.index : indexControls(doc, { exclude });
    },
    during<T>(doc: Document, fn: (index: ControlIndex) => T): T {
      current = { doc, index: indexControls(doc, { exclude }) };
      try {
        return fn(current.index);
      } finally {
        current = null;
      }
    },
  };
}

function textById(doc: Document, ids: string): string {
  return ids
    .split(/\s+/)
    .slice(0, 4)
    .map((id) => (id ? doc.getElementById(id)?.textContent ?? '' : ''))
    .join(' ');
}

/** The first non-blank text node under `row` (the option's title, before its description), or ''. */
function firstText(row: Element): string {
  const doc = row.ownerDocument;
  const walker = doc.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(), k = 0; n && k < 50; n = walker.nextNode(), k++) {
    const t = (n as Text).data.trim();
    if (t) return t;
  }
  return '';
}

/**
 * The radio's OWN label: aria-label, aria-labelledby, <label for>, else the first text node of its row. Never the
 * row's whole textContent, which runs the title and its description together ("Restricted" + "Only people…").
 */
export function radioLabel(radio: Element): string {
  const doc = radio.ownerDocument;
  const aria = radio.getAttribute('aria-label');
  if (aria?.trim()) return aria;
  const by = radio.getAttribute('aria-labelledby');
  if (by) {
    const t = textById(doc, by).trim();
    if (t) return t;
  }
  const id = radio.getAttribute('id');
  if (id) {
    const forLabel = Array.from(doc.getElementsByTagName('label')).find((l) => l.getAttribute('for') === id);
    const t = forLabel ? firstText(forLabel) : '';
    if (t) return t;
  }
  const row = radio.closest('label') ?? radio.parentElement;
  return row ? firstText(row) : (radio.textContent ?? '');
}

/**
 * A switch whose aria-label starts with one of `wanted` (folded), over `selectors` (stable-first; `all` queries one,
 * e.g. a selectorMemo). Hidden switches and those in participant areas are skipped; two usable switches for one
 * label that disagree (a fake one placed before the real one) throw AmbiguousControl, which leaves the item to confirm.
 */
export function switchByLabelPrefix(all: (selector: string) => Element[], selectors: readonly string[], wanted: readonly string[], areas: readonly string[]): { on: boolean; label: string; selector: string } | null {
  if (!wanted.length) return null;
  let found: { on: boolean; label: string; selector: string } | null = null;
  const seen = new Set<Element>();
  for (const selector of selectors) {
    for (const el of all(selector)) {
      if (seen.has(el)) continue;
      seen.add(el);
      const label = fold(el.getAttribute('aria-label') ?? '');
      const hit = wanted.find((w) => label.startsWith(fold(w)));
      if (!hit) continue;
      const on = toggleState(el);
      if (on === null || !usable(el, areas)) continue;
      if (!found) found = { on, label: hit, selector: `${selector} aria-label^="${hit}"` };
      else if (found.on !== on) throw new AmbiguousControl(hit);
    }
  }
  return found;
}

/**
 * The folded own labels (radioLabel) of the checked radios of a group: the first selector that finds usable radios
 * is the group; at most 20 are read. null when none is shown or none is checked.
 */
export function checkedRadioLabels(all: (selector: string) => Element[], selectors: readonly string[], areas: readonly string[]): string[] | null {
  let radios: Element[] = [];
  for (const selector of selectors) {
    radios = all(selector).filter((el) => usable(el, areas));
    if (radios.length) break;
  }
  const checked = radios.slice(0, 20).filter((radio) => toggleState(radio) === true);
  return checked.length ? checked.map((radio) => fold(radioLabel(radio)).slice(0, 200)) : null;
}

/**
 * A usable switch/checkbox whose accessible name is one of `names` (folded), with its on/off state; null when absent
 * or stateless. Two usable switches of one name that disagree (a fake copy first) throw AmbiguousControl.
 */
export function switchNamed(doc: ParentNode, names: readonly string[], areas: readonly string[] = COMMON_PARTICIPANT_AREAS): { on: boolean; name: string } | null {
  if (!names.length) return null;
  let nodes: Element[] = [];
  try {
    nodes = Array.from(doc.querySelectorAll('[role="switch"], [role="checkbox"], input[type="checkbox"]')).slice(0, 2000);
  } catch {
    return null;
  }
  const wanted = names.map(fold);
  let found: { on: boolean; name: string } | null = null;
  for (const el of nodes) {
    const i = wanted.indexOf(fold(accessibleName(el)));
    if (i < 0 || !usable(el, areas)) continue;
    const on = checkedState(el);
    if (on === null) continue;
    if (!found) found = { on, name: names[i] };
    else if (found.on !== on) throw new AmbiguousControl(names[i]);
  }
  return found;
}

/**
 * Find through a key's sure labels, else through its unsure ones (then `verified` is false and the weak log notes the
 * label, so capUnverified keeps a pass to confirm). `only` limits the search to one kind.
 */
export function sureFirst<T extends object>(find: (labels: readonly string[]) => T | null, labels: LabelPair, weak: WeakLabelLog, labelOf: (t: T) => string, only?: 'sure' | 'unsure'): (T & { verified: boolean }) | null {
  const strong = only === 'unsure' ? null : find(labels.sure);
  if (strong) return { ...strong, verified: true };
  const soft = only === 'sure' ? null : find(labels.unsure);
  if (!soft) return null;
  weak.note(labelOf(soft));
  return { ...soft, verified: false };
}
