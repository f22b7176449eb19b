/**
 * Class-management apps (ClassDojo, Seesaw) show their safety settings as on/off switches on a settings page, and
 * no platform hook (state object, test id) is documented for them (shared/reference/platforms.md §8). A switch is
 * identified by its accessible name (a [doc] label from the vendor's help center) and its VALUE is read from its
 * own ARIA/checkbox state, never from text. Language-independent hooks are not known, so an unlabelled or
 * French-labelled switch stays unread ("to confirm"): we never guess. Hidden switches and switches inside
 * participant areas (family messages, names, comments) are never collected.
 */
import { AmbiguousControl, COMMON_PARTICIPANT_AREAS, usable } from './dom';
import { fold } from './labels';

export interface ToggleReading {
  /** Folded accessible name. */
  name: string;
  on: boolean;
  /** e.g. `[role="switch"] "Student comments" aria-checked="false"` */
  evidence: string;
  via: 'aria' | 'dom';
}

/** Switch-like controls. Bounded, so a page with thousands of nodes stays cheap. */
export const SWITCH_SELECTORS = ['[role="switch"]', '[role="checkbox"]', 'input[type="checkbox"]'] as const;
const MAX_CANDIDATES = 400;

/** Checkbox state, else aria-checked. By tag name, not instanceof: the page may come from another window (tests). */
function stateOf(el: Element): boolean | null {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).type === 'checkbox' ? !!(el as HTMLInputElement).checked : null;
  const v = el.getAttribute('aria-checked');
  return v === 'true' ? true : v === 'false' ? false : null;
}

function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Accessible name, the parts browsers use most: aria-label, aria-labelledby, <label for>, wrapping <label>. */
function accessibleName(el: Element, doc: Document, labelFor: Map<string, string>): string {
  const aria = el.getAttribute('aria-label');
  if (aria && aria.trim()) return aria.trim().slice(0, 200);
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const parts = by
      .split(/\s+/)
      .slice(0, 4)
      .map((id) => textOf(doc.getElementById(id)))
      .filter(Boolean);
    if (parts.length) return parts.join(' ');
  }
  if (el.id && labelFor.has(el.id)) return labelFor.get(el.id)!;
  const wrap = el.closest('label');
  return wrap ? textOf(wrap) : '';
}

/** Read every labelled switch on the page once (one pass, bounded). */
export function collectToggles(doc: Document, candidates: readonly string[] = SWITCH_SELECTORS, exclude: readonly string[] = COMMON_PARTICIPANT_AREAS): ToggleReading[] {
  const out: ToggleReading[] = [];
  let nodes: Element[] = [];
  try {
    nodes = Array.from(doc.querySelectorAll(candidates.join(', '))).slice(0, MAX_CANDIDATES);
  } catch {
    return out;
  }
  if (!nodes.length) return out;
  const labelFor = new Map<string, string>();
  for (const label of Array.from(doc.querySelectorAll('label[for]')).slice(0, MAX_CANDIDATES)) {
    const id = label.getAttribute('for');
    if (id && !labelFor.has(id)) labelFor.set(id, textOf(label));
  }
  for (const el of nodes) {
    const on = stateOf(el);
    if (on === null || !usable(el, exclude)) continue;
    const name = accessibleName(el, doc, labelFor);
    if (!name) continue;
    const isInput = el.tagName === 'INPUT';
    const kind = isInput ? 'input[type="checkbox"]' : `[role="${el.getAttribute('role')}"]`;
    const stateText = isInput ? (on ? 'checked' : 'not checked') : `aria-checked="${String(on)}"`;
    out.push({ name: fold(name), on, evidence: `${kind} "${name.slice(0, 80)}" ${stateText}`, via: isInput ? 'dom' : 'aria' });
  }
  return out;
}

/**
 * The switch whose name contains one of `phrases` (accent/case-insensitive). Two matching switches that disagree
 * make the reading ambiguous (a fake, duplicated or stale panel): it throws AmbiguousControl, which the detector
 * runner turns into "to confirm" for the whole item (so no other switch can decide it instead).
 */
export function pickToggle(toggles: readonly ToggleReading[], phrases: readonly string[]): ToggleReading | null {
  const wanted = phrases.map(fold);
  const hits = toggles.filter((t) => wanted.some((w) => t.name.includes(w)));
  if (!hits.length) return null;
  if (hits.every((h) => h.on === hits[0].on)) return hits[0];
  throw new AmbiguousControl(hits[0].name);
}
