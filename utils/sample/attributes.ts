import { escapeAttr, EMAIL, mask, maskEmail, maskText, cleanLabel } from './text';
import { hrefShape } from './url-shape';

/**
 * The attribute policy of the page sample: which attributes are kept as they are (identifiers, state, structure),
 * which hold words (kept cleaned on a control, masked elsewhere), which are written from the live state (checked,
 * selected, a text field's value as a mask, hidden styles), and which are dropped (every other one).
 */

/** Where an element sits, as the tree walk (sanitize.ts) sees it. */
export interface Place {
  /** Inside a control's words (its own text, or a label referenced by a control). */
  control: boolean;
  personal: boolean;
  dialog: boolean;
}

/** aria-* attributes that carry state or structure, never words. */
const ARIA_STATE = new Set([
  'aria-checked',
  'aria-pressed',
  'aria-expanded',
  'aria-selected',
  'aria-disabled',
  'aria-hidden',
  'aria-haspopup',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-owns',
  'aria-activedescendant',
  'aria-modal',
  'aria-live',
  'aria-level',
  'aria-orientation',
  'aria-current',
  'aria-invalid',
  'aria-readonly',
  'aria-required',
  'aria-multiselectable',
  'aria-busy',
  'aria-atomic',
  'aria-relevant',
  'aria-posinset',
  'aria-setsize',
  'aria-sort',
  'aria-autocomplete',
  'aria-multiline',
]);
const ARIA_NUMBER = new Set(['aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-colcount', 'aria-rowcount', 'aria-colindex', 'aria-rowindex']);
/** Attributes that hold words: kept on a control (cleaned), masked elsewhere. */
const TEXT_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'label']);
/** Kept as they are (identifiers, state, structure). */
const PLAIN_ATTRS = new Set(['jsname', 'jscontroller', 'jsmodel', 'slot', 'part', 'role', 'type', 'for', 'tabindex', 'hidden', 'disabled', 'readonly', 'required', 'multiple', 'open', 'lang', 'dir', 'contenteditable', 'draggable', 'inert', 'popover', 'autocomplete', 'inputmode', 'method', 'colspan', 'rowspan', 'scope']);
const IDENT = /^[A-Za-z0-9_.:\-/ ]{0,80}$/;
/** A data-* attribute named like this holds a person's data whatever its value looks like. */
const PERSONAL_DATA_NAME = /(name|mail|user|author|sender|display|avatar|title|tooltip|nick|phone|person|contact|email|text|content|message)/i;
const INPUT_KEEP_VALUE = new Set(['checkbox', 'radio']);
/** data-* test hooks: identifiers the platform's own tests use, kept even inside participant and chat places. */
const TEST_HOOKS = new Set(['data-test', 'data-testid', 'data-tid', 'data-test-id', 'data-qa', 'data-automation-id']);
const INPUT_VALUE_IS_LABEL = new Set(['button', 'submit', 'reset']);

function cleanIdent(value: string): string {
  return value.replace(EMAIL, (m) => maskEmail(m)).slice(0, 300);
}

/** Only "display: none" and "visibility: hidden" survive from an inline style: they decide what is shown. */
function hiddenStyle(el: Element, win: Window | undefined): string {
  const parts: string[] = [];
  const inline = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  let display = /(^|;)display:none/.test(inline);
  let visibility = /(^|;)visibility:hidden/.test(inline);
  if (win && (!display || !visibility)) {
    try {
      const cs = win.getComputedStyle(el);
      display ||= cs.display === 'none';
      // visibility inherits: only say it where it starts.
      const parent = el.parentElement;
      visibility ||= cs.visibility === 'hidden' && (!parent || win.getComputedStyle(parent).visibility !== 'hidden');
    } catch {
      /* no computed style: inline only */
    }
  }
  if (display) parts.push('display:none');
  if (visibility) parts.push('visibility:hidden');
  return parts.join(';');
}

/** The element's kept attributes as HTML text (` name="value"`…). `win` lets stylesheet-hidden elements say so. */
export function attributes(el: Element, place: Place, win: Window | undefined): string {
  const out: [string, string | null][] = [];
  const tag = el.localName;
  const inputType = tag === 'input' ? (el.getAttribute('type') ?? '').toLowerCase() : '';
  const wordsAllowed = place.control && !place.personal;
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    const value = attr.value;
    if (name === 'id' || name === 'class') out.push([name, cleanIdent(value)]);
    else if (PLAIN_ATTRS.has(name)) out.push([name, IDENT.test(value) ? value : '']);
    else if (name === 'name') out.push([name, IDENT.test(value) && !value.includes('@') ? value : mask(value)]);
    else if (ARIA_STATE.has(name)) out.push([name, IDENT.test(value) ? value : mask(value)]);
    else if (ARIA_NUMBER.has(name)) out.push([name, /^-?\d+(\.\d+)?$/.test(value) ? value : '']);
    else if (TEXT_ATTRS.has(name)) out.push([name, wordsAllowed ? cleanLabel(value) : maskText(value)]);
    else if (name.startsWith('data-') && /^data-[a-z0-9_.:-]+$/.test(name)) {
      // In a participant or chat place only the test hooks keep their values (a data-id there may be a person's).
      const safe = !PERSONAL_DATA_NAME.test(name.slice(5)) && IDENT.test(value) && !value.includes('@') && (!place.personal || TEST_HOOKS.has(name));
      out.push([name, safe ? value : mask(value)]);
    } else if (name === 'value') {
      if (tag === 'input' && !INPUT_KEEP_VALUE.has(inputType) && !INPUT_VALUE_IS_LABEL.has(inputType)) continue; // written below from the live value
      if (INPUT_KEEP_VALUE.has(inputType) && IDENT.test(value)) out.push([name, value]);
      else if (INPUT_VALUE_IS_LABEL.has(inputType) || tag === 'button' || tag === 'option') out.push([name, wordsAllowed && tag !== 'option' ? cleanLabel(value) : IDENT.test(value) && tag === 'option' ? value : mask(value)]);
      // text inputs: never their value (a passcode, a name, a chat line being typed), only that there is one
      else if (value) out.push([name, maskText(value)]);
    } else if (name === 'href' && tag === 'a') out.push([name, hrefShape(value)]);
    else if (name === 'checked' || name === 'selected' || name === 'style') {
      /* written below from the live state */
    }
    // any other attribute is dropped: src, srcset, on*, form actions, unknown ones
  }
  // Live state, which attributes do not show once the user has clicked.
  const live = el as HTMLInputElement & HTMLOptionElement;
  if (tag === 'input' && !INPUT_KEEP_VALUE.has(inputType) && !INPUT_VALUE_IS_LABEL.has(inputType)) {
    // A text field: only that it holds something (a code, an address's domain), from its live value.
    const current = typeof live.value === 'string' ? live.value : (el.getAttribute('value') ?? '');
    // A hidden input behind a custom select (MUI's nativeInput, aria-hidden) holds the option's constant
    // (ALWAYS_ACCEPT, ASK_MODERATOR): a setting, not a person's words; only that shape is kept.
    if (current && el.getAttribute('aria-hidden') === 'true' && /^[A-Z]{2,16}(?:_[A-Z]{2,16}){1,3}$/.test(current)) out.push(['value', current]);
    else if (current) out.push(['value', maskText(current.slice(0, 500))]);
  }
  if (tag === 'input' && (inputType === 'checkbox' || inputType === 'radio')) {
    if (live.checked) out.push(['checked', '']);
  } else if (tag === 'option') {
    if (live.selected) out.push(['selected', '']);
  }
  const hidden = hiddenStyle(el, win);
  if (hidden) out.push(['style', hidden]);
  return out.map(([n, v]) => (v === null || v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('');
}
