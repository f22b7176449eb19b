/**
 * What kind of place an element is, for the page sample: dropped, kept empty or void; a control whose words are
 * kept; a place that holds people's words (participant lists, tiles, chat, captions); and the page's name-like
 * plain texts, masked again where a control repeats them.
 */

/** Elements dropped with everything inside them (code, styles, embedded documents, the page's own metadata). */
export const DROP = new Set(['script', 'style', 'link', 'meta', 'base', 'noscript', 'template', 'object', 'embed', 'head', 'title']);
/** Kept as a tag with its hooks, children dropped (drawings, media: their insides are either noise or personal). */
export const EMPTY = new Set(['svg', 'math', 'canvas', 'video', 'audio', 'picture', 'iframe', 'frame', 'frameset', 'textarea']);
export const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

/** Elements whose own words are a control's words. */
const CONTROL_TAGS = new Set(['button', 'label', 'legend', 'option', 'optgroup', 'summary', 'select']);
const CONTROL_ROLES = new Set([
  'button',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'switch',
  'checkbox',
  'radio',
  'tab',
  'option',
  'combobox',
  'slider',
  'spinbutton',
]);
export const DIALOG_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Hooks (id, class, data-test…) of places that hold people's words: there even a control's text is masked
 * (a participant row's "Mute Marie" button, a chat message's "Reply to Sam").
 */
const PERSONAL_HOOK =
  /(chat-?(message|item|line|list|entry|body|bubble|history|messages|log)|message-?(list|item|content|body|text|bubble|row)|messagecontent|transcript|caption|subtitle|avatar|display-?name|user-?name|nickname|participant-?(item|list-?item|entry|row|name|tile|card)|participants?-?list|video-?tile|participant-?tile|roster|attendee|user-?list|userlistitem|videocontainer|remote-?video|large-?video|sender|author|profile-?name|person-?name|contact-?(card|name|list)|recipient|receiver|private-?message|chat-?(to|target))/i;

function hookTokens(el: Element): string {
  return [el.getAttribute('id'), el.getAttribute('class'), el.getAttribute('data-test'), el.getAttribute('data-testid'), el.getAttribute('data-tid'), el.getAttribute('data-test-id')]
    .filter(Boolean)
    .join(' ');
}

export function isPersonalPlace(el: Element): boolean {
  const tokens = hookTokens(el);
  return tokens !== '' && PERSONAL_HOOK.test(tokens);
}

function roleOf(el: Element): string {
  return (el.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
}

export function isControl(el: Element, inDialog: boolean): boolean {
  const tag = el.localName;
  if (CONTROL_TAGS.has(tag)) return true;
  if (tag === 'input') return true;
  if (CONTROL_ROLES.has(roleOf(el))) return true;
  if (inDialog && el.matches(HEADING_SELECTOR)) return true;
  return false;
}

const CONTROL_SELECTOR = `button, label, legend, option, optgroup, summary, select, input, ${[...CONTROL_ROLES].map((r) => `[role="${r}"]`).join(', ')}`;

/** Looks like a person's name: 2 to 4 words, each capitalised ("Sam Roy", "M. Gagnon", "Zéphyrine Quesnel-Marchand"). */
const NAME_LIKE = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Name-like plain texts of the page, longest first so a full name is masked before a part of it. */
export function collectPlainTexts(doc: Document): string[] {
  const found = new Set<string>();
  const add = (raw: string | null) => {
    const v = (raw ?? '').replace(/\s+/g, ' ').trim();
    if (v.length >= 3 && v.length <= 60 && NAME_LIKE.test(v)) found.add(v);
  };
  const body = doc.body;
  if (!body) return [];
  // Texts a control names as its label or description are that control's words, not plain texts.
  const labels = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('[aria-labelledby], [aria-describedby]'))) {
    for (const ref of `${el.getAttribute('aria-labelledby') ?? ''} ${el.getAttribute('aria-describedby') ?? ''}`.split(/\s+/)) if (ref) labels.add(ref);
  }
  const isLabel = (el: Element | null) => {
    for (let e = el; e; e = e.parentElement) if (e.id && labels.has(e.id)) return true;
    return false;
  };
  const walker = doc.createTreeWalker(body, 1 | 4 /* elements and texts */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      const parent = n.parentElement;
      if (parent && !parent.closest(CONTROL_SELECTOR) && !parent.closest('script, style, template, title') && !isLabel(parent)) add((n as Text).data);
    } else {
      const el = n as Element;
      if (el.matches(CONTROL_SELECTOR)) continue;
      add(el.getAttribute('alt'));
      add(el.getAttribute('title'));
      if (!el.closest(CONTROL_SELECTOR)) add(el.getAttribute('aria-label'));
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}
