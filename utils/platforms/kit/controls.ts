/**
 * Reading labelled settings controls (Zoom settings portal and Security menu, Teams Meeting options) where the
 * platform gives no test id: find the control by its accessible name (aria-label, aria-labelledby, <label for>,
 * enclosing <label>), then read its STATE (checked / aria-checked / selected value), never the page's prose.
 * Labels come from shared/reference/platform-labels.json; labels that no source confirms are passed separately
 * as `unverified` so a detector can refuse to pass on them alone. Hidden controls and controls inside participant
 * areas (names, chat, tiles) are never indexed. Nothing here throws on odd DOM; two usable controls with one name
 * that disagree throw AmbiguousControl, which the detector runner turns into "to confirm".
 */
import { AmbiguousControl, COMMON_PARTICIPANT_AREAS, usable } from './dom';
import { fold, type WeakUse } from './labels';

export interface ControlHit {
  el: Element;
  /** The label that matched, as written in the adapter's table. */
  label: string;
  /** false when only an [unverified] label matched. */
  verified: boolean;
}

function byId(doc: Document, id: string): Element | null {
  try {
    return doc.getElementById(id);
  } catch {
    return null;
  }
}

const NAME_FROM_CONTENT = new Set(['menuitemcheckbox', 'menuitemradio', 'checkbox', 'switch', 'radio']);

/** The control's accessible name, roughly as a screen reader computes it (first source that gives text). */
export function accessibleName(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria && aria.trim()) return aria;
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy && doc) {
    const text = labelledBy
      .split(/\s+/)
      .slice(0, 5)
      .map((id) => byId(doc, id)?.textContent ?? '')
      .join(' ')
      .trim();
    if (text) return text;
  }
  const id = el.getAttribute('id');
  if (id && doc) {
    // Compared as a string, not through a selector, so any id (quotes, backslashes) is safe.
    const forLabel = Array.from(doc.getElementsByTagName('label')).find((l) => l.getAttribute('for') === id);
    if (forLabel?.textContent?.trim()) return forLabel.textContent;
  }
  const wrapping = el.closest('label');
  if (wrapping?.textContent?.trim()) return wrapping.textContent;
  // ARIA "name from content" roles (a menu check item's text is its name); never a combobox, whose text is its value.
  if (NAME_FROM_CONTENT.has(el.getAttribute('role') ?? '')) return (el.textContent ?? '').slice(0, 300);
  return '';
}

/** Where a control's state lives: checkboxes, switches, menu check items, selects and comboboxes (what isControl keeps). */
export const CONTROL_SELECTOR =
  'input[type="checkbox"], input[type="radio"], [role="switch"], [role="checkbox"], [role="radio"], [role="menuitemcheckbox"], [role="menuitemradio"], select, [role="combobox"], [role="listbox"]';

const CONTROL_ROLES = new Set(['switch', 'checkbox', 'radio', 'menuitemcheckbox', 'menuitemradio', 'combobox', 'listbox']);

function isControl(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  const role = el.getAttribute('role');
  if (role && CONTROL_ROLES.has(role)) return true;
  if (tag === 'select') return true;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    return type === 'checkbox' || type === 'radio';
  }
  return false;
}

export interface ControlIndex extends WeakUse {
  /**
   * The control whose accessible name equals one of `labels` (or, failing that, one of `unverified`), accent-,
   * case- and spacing-insensitive. Every usable control with a matching name must show the same state (checked /
   * value): when two disagree (a fake or stale copy before the real one) it throws AmbiguousControl.
   */
  find(labels: readonly string[], unverified?: readonly string[]): ControlHit | null;
  /** The unverified labels find() returned hits for since the last resetWeak(). */
  readonly weakLabels: readonly string[];
  resetWeak(): void;
}

/**
 * Index the page's controls once per read (one querySelectorAll, one name per control), so a dozen detectors
 * don't each walk a 5,000-tile meeting page. Bounded: at most `limit` controls are examined.
 */
export interface IndexOptions {
  /** At most this many controls are examined (default 2000). */
  limit?: number;
  /** Participant areas to skip (the adapter's `participantAreas`; default the common list). */
  exclude?: readonly string[];
}

/** What a control shows, to compare two controls of one name: checked state, else shown value. */
function stateKey(el: Element): string {
  const on = checkedState(el);
  if (on !== null) return on ? 'on' : 'off';
  const v = selectedValue(el);
  return v === null ? '' : `=${fold(v)}`;
}

/** The one hit among same-named usable controls, or AmbiguousControl when they disagree. */
function agree(hits: ControlHit[]): ControlHit | null {
  if (!hits.length) return null;
  const first = stateKey(hits[0].el);
  if (hits.some((h) => stateKey(h.el) !== first)) throw new AmbiguousControl(hits[0].label);
  return hits[0];
}

/**
 * Index the page's usable controls once per read (one querySelectorAll, one name per control), so a dozen
 * detectors don't each walk a 5,000-tile meeting page. Bounded: at most `limit` controls are examined.
 */
export function indexControls(root: ParentNode, options: IndexOptions | number = {}): ControlIndex {
  const { limit = 2000, exclude = COMMON_PARTICIPANT_AREAS } = typeof options === 'number' ? { limit: options } : options;
  let nodes: Element[] = [];
  try {
    // One cheap selector, filtered here: far faster than a nine-part selector on a 5,000-tile page.
    nodes = Array.from(root.querySelectorAll('input, select, [role]')).filter(isControl).slice(0, limit);
  } catch {
    /* odd root: an empty index */
  }
  let names: string[] | null = null;
  const shown = new Map<Element, boolean>();
  const isUsable = (el: Element) => {
    let u = shown.get(el);
    if (u === undefined) shown.set(el, (u = usable(el, exclude)));
    return u;
  };
  let weakSeen: string[] = [];
  return {
    get weakUsed() {
      return weakSeen.length > 0;
    },
    get weakLabels() {
      return weakSeen;
    },
    resetWeak() {
      weakSeen = [];
    },
    find(labels, unverified = []) {
      names ??= nodes.map((el) => fold(accessibleName(el)));
      const sure = labels.map(fold);
      const unsure = unverified.map(fold);
      const strong: ControlHit[] = [];
      const weak: ControlHit[] = [];
      for (let k = 0; k < nodes.length; k++) {
        const name = names[k];
        if (!name) continue;
        const i = sure.indexOf(name);
        const j = i >= 0 ? -1 : unsure.indexOf(name);
        if ((i < 0 && j < 0) || !isUsable(nodes[k])) continue;
        if (i >= 0) strong.push({ el: nodes[k], label: labels[i], verified: true });
        else weak.push({ el: nodes[k], label: unverified[j], verified: false });
      }
      const hit = agree(strong) ?? agree(weak);
      if (hit && !hit.verified) weakSeen.push(hit.label);
      return hit;
    },
  };
}

/** One-off lookup (see indexControls). */
export function findControl(root: ParentNode, labels: readonly string[], unverified: readonly string[] = [], options: IndexOptions | number = {}): ControlHit | null {
  return indexControls(root, options).find(labels, unverified);
}

/** on/off of a checkbox-like control; null when the element carries no state. */
export function checkedState(el: Element): boolean | null {
  if (el.tagName.toLowerCase() === 'input') {
    const input = el as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') return !!input.checked;
  }
  for (const attr of ['aria-checked', 'aria-pressed']) {
    const v = el.getAttribute(attr);
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return null;
}

/**
 * The value a select or combobox shows: the selected <option>, the aria-selected option, aria-valuetext, or the
 * combobox's own text. null when it shows nothing.
 */
export function selectedValue(el: Element): string | null {
  const tag = el.tagName.toLowerCase();
  if (tag === 'select') {
    const select = el as HTMLSelectElement;
    const opt = (select.selectedIndex >= 0 ? select.options?.[select.selectedIndex] : null) ?? select.querySelector('option[selected]');
    return opt?.textContent?.trim() || null;
  }
  const valueText = el.getAttribute('aria-valuetext');
  if (valueText?.trim()) return valueText.trim();
  const selected = el.querySelector('[role="option"][aria-selected="true"]');
  if (selected?.textContent?.trim()) return selected.textContent.trim();
  if (tag === 'input') return (el as HTMLInputElement).value?.trim() || null;
  if (el.getAttribute('role') === 'listbox') return null;
  const text = el.textContent?.trim();
  return text ? text.slice(0, 200) : null;
}

/** Which of `values` (EN/FR option labels) the shown value is, or null. */
export function valueIs(shown: string | null, values: readonly string[]): boolean {
  if (!shown) return false;
  const s = fold(shown);
  return values.some((v) => fold(v) === s);
}
