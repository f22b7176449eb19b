import { attributes, type Place } from './attributes';
import { collectPlainTexts, DIALOG_SELECTOR, DROP, EMPTY, isControl, isPersonalPlace, VOID } from './places';
import { cleanLabel, escapeText, maskText, withRun } from './text';

/**
 * A page sample a teacher can give Vigie's maintainers (issue 14, "A page sample a teacher can give").
 *
 * Pure: it walks a Document (the live tab, or happy-dom in tests) and writes its own HTML, attribute by attribute,
 * from an allow-list. It never copies outerHTML. What survives: tags, ids, classes, data-* hooks with identifier-like
 * values, roles, aria-* state, input types and checked/selected state, hidden/aria-hidden/display:none, and the
 * words of controls (buttons, labels of inputs and switches, menu items, options, tabs, dialog headings).
 *
 * Fails closed: a text node is kept only when it sits inside a control and outside any place that holds people's
 * words (participant lists, tiles, chat, captions); every other text, and every text-bearing attribute of a
 * non-control, becomes "▒" marks of the same length class. An unknown attribute is dropped; an unknown element keeps
 * its tag and hooks but not its text. Kept words still lose e-mail addresses, web addresses and digits.
 *
 * The jobs, one file each: places.ts (what an element is), attributes.ts (the attribute policy), text.ts (masks
 * and cleaned words), url-shape.ts (addresses), file.ts (the sample file); this file walks the tree.
 */

interface Walk {
  win?: Window;
  labelIds: Set<string>;
  stats: SanitizeStats;
}

export interface SanitizeStats {
  elements: number;
  keptTexts: number;
  maskedTexts: number;
  droppedElements: number;
}

function walk(node: Node, place: Place, w: Walk, out: string[]): void {
  if (node.nodeType === 3) {
    const data = (node as Text).data;
    if (!data.trim()) {
      out.push(data.includes('\n') ? '\n' : data ? ' ' : '');
      return;
    }
    if (place.control && !place.personal) {
      w.stats.keptTexts++;
      out.push(escapeText(cleanLabel(data)));
    } else {
      w.stats.maskedTexts++;
      out.push(escapeText(maskText(data)));
    }
    return;
  }
  if (node.nodeType !== 1) return; // comments, processing instructions: dropped
  const el = node as Element;
  const tag = el.localName.toLowerCase();
  if (DROP.has(tag) || !/^[a-z][a-z0-9-]*$/.test(tag)) {
    w.stats.droppedElements++;
    return;
  }
  w.stats.elements++;
  const dialog = place.dialog || el.matches(DIALOG_SELECTOR);
  const id = el.getAttribute('id');
  const here: Place = {
    dialog,
    personal: place.personal || isPersonalPlace(el),
    control: place.control || isControl(el, dialog) || (!!id && w.labelIds.has(id)),
  };
  out.push(`<${tag}${attributes(el, here, w.win)}>`);
  if (VOID.has(tag)) return;
  if (!EMPTY.has(tag)) {
    for (const child of Array.from(el.childNodes)) walk(child, here, w, out);
  }
  out.push(`</${tag}>`);
}

/**
 * The body of `doc`, sanitised, as HTML text. `win` (the tab's window) lets stylesheet-hidden elements be marked
 * display:none; without it, only inline styles and attributes say what is hidden.
 */
export function sanitizeDocument(doc: Document, opts: { win?: Window; schoolDomains?: readonly string[] } = {}): { html: string; stats: SanitizeStats } {
  return withRun({ schoolDomains: opts.schoolDomains, plainTexts: () => collectPlainTexts(doc) }, () => sanitizeBody(doc, opts.win));
}

function sanitizeBody(doc: Document, win: Window | undefined): { html: string; stats: SanitizeStats } {
  const stats: SanitizeStats = { elements: 0, keptTexts: 0, maskedTexts: 0, droppedElements: 0 };
  // Elements a control names as its label (aria-labelledby): their words are the control's words.
  const labelIds = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('[aria-labelledby]'))) {
    if (!isControl(el, !!el.closest(DIALOG_SELECTOR)) && !el.matches(DIALOG_SELECTOR)) continue;
    for (const ref of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) if (ref) labelIds.add(ref);
  }
  const out: string[] = [];
  const body = doc.body;
  if (body) walk(body, { control: false, personal: false, dialog: false }, { win, labelIds, stats }, out);
  return { html: out.join(''), stats };
}
