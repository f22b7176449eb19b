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
 */

import { CONSUMER_MAIL_DOMAINS } from '../platforms/kit/account';

export const MASK = '▒';
export const SAMPLE_FORMAT = 1;

/** Elements dropped with everything inside them (code, styles, embedded documents, the page's own metadata). */
const DROP = new Set(['script', 'style', 'link', 'meta', 'base', 'noscript', 'template', 'object', 'embed', 'head', 'title']);
/** Kept as a tag with its hooks, children dropped (drawings, media: their insides are either noise or personal). */
const EMPTY = new Set(['svg', 'math', 'canvas', 'video', 'audio', 'picture', 'iframe', 'frame', 'frameset', 'textarea']);
const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

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
const DIALOG_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Hooks (id, class, data-test…) of places that hold people's words: there even a control's text is masked
 * (a participant row's "Mute Marie" button, a chat message's "Reply to Sam").
 */
const PERSONAL_HOOK =
  /(chat-?(message|item|line|list|entry|body|bubble|history|messages|log)|message-?(list|item|content|body|text|bubble|row)|messagecontent|transcript|caption|subtitle|avatar|display-?name|user-?name|nickname|participant-?(item|list-?item|entry|row|name|tile|card)|participants?-?list|video-?tile|participant-?tile|roster|attendee|user-?list|userlistitem|videocontainer|remote-?video|large-?video|sender|author|profile-?name|person-?name|contact-?(card|name|list)|recipient|receiver|private-?message|chat-?(to|target))/i;

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
const EMAIL = /[^\s@<>"'()]+@([^\s@<>"'()]+)/g;
const WEB = /\b(?:https?:\/\/|www\.)\S+/gi;
const INPUT_KEEP_VALUE = new Set(['checkbox', 'radio']);
/** data-* test hooks: identifiers the platform's own tests use, kept even inside participant and chat places. */
const TEST_HOOKS = new Set(['data-test', 'data-testid', 'data-tid', 'data-test-id', 'data-qa', 'data-automation-id']);
const INPUT_VALUE_IS_LABEL = new Set(['button', 'submit', 'reset']);

/** "▒" marks standing for a text, by length class (1–3, 4–10, 11–30, longer) so no length is leaked exactly. */
export function mask(text: string): string {
  const n = text.replace(/\s+/g, ' ').trim().length;
  if (n === 0) return '';
  return MASK.repeat(n <= 3 ? 1 : n <= 10 ? 4 : n <= 30 ? 8 : 16);
}

/**
 * Domains an e-mail address may keep (it tells a school account from a personal one, which Vigie reads): the
 * consumer mailbox providers, plus the school's own domains for the sample being made. Any other domain (a family's
 * own domain names them) becomes other-domain.invalid. Set by sanitizeDocument for the length of one (synchronous) run.
 */
let keptDomains: ReadonlySet<string> = new Set(CONSUMER_MAIL_DOMAINS);
export const OTHER_DOMAIN = 'other-domain.invalid';

/** An e-mail address without its person: "xxxx@" and a domain that says school or personal account, not who. */
export function maskEmail(address: string): string {
  const domain = (address.split('@').pop() ?? '').replace(/[^A-Za-z0-9.-]/g, '').replace(/\.+$/, '').toLowerCase();
  return `xxxx@${keptDomains.has(domain) ? domain : OTHER_DOMAIN}`;
}

/** A text outside any control: all of it masked, except that each e-mail address keeps its domain. */
export function maskText(text: string): string {
  if (!text.includes('@')) return mask(text);
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(EMAIL)) {
    parts.push(mask(text.slice(last, m.index)), maskEmail(m[0]));
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(mask(text.slice(last)));
  return parts.filter(Boolean).join(' ');
}

/**
 * Texts the page shows outside any control (a tile caption, a list row, an avatar's alt): where one of them also
 * appears inside a control's words ("More actions for Sam Roy" next to a caption "Sam Roy"), it is masked there too.
 * That catches names in buttons on pages whose hooks say nothing (obfuscated class names). Set per run, like keptDomains.
 */
let plainTexts: readonly string[] = [];

/** A control's words, cleaned: no e-mail, no web address, no digit (meeting ids, codes, phone numbers), no text shown elsewhere as plain text. */
export function cleanLabel(text: string): string {
  let folded = text.replace(/\s+/g, ' ');
  if (folded.trim().length > 120) return mask(folded);
  for (const plain of plainTexts) if (folded.includes(plain)) folded = folded.split(plain).join(mask(plain));
  return folded.replace(WEB, (m) => mask(m)).replace(EMAIL, (m) => maskEmail(m)).replace(/[0-9]/g, '0');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** Route words kept in a URL path (and in hash routes); every other word keeps only its shape (letters → x/X, digits → 0). */
const ROUTE_WORDS = new Set([
  'wc', 'j', 's', 'w', 'join', 'start', 'meeting', 'meetings', 'meet', 'rooms', 'room', 'html5', 'html5client', 'client', 'b', 'signin', 'sign_in', 'settings',
  'setting', 'profile', 'webinar', 'webinars', 'l', 'v2', 'launcher', 'u', 'c', 'r', 'h', 'class', 'classes', 'stream', 'courses', 'course', 'people',
  'classwork', 'details', 'teacher', 'student', 'students', 'parent', 'messages', 'conversations', 'chat', 'calls', 'call', 'calling', 'pre', 'prejoin',
  'lobby', 'recording', 'recordings', 'security', 'schedule', 'scheduler', 'options', 'meetingoptions', 'teams', 'app', 'apps', 'web', 'webapp', 'v', 'share',
  'go', 'home', 'my', 'admin', 'account', 'user', 'users', 'edit', 'new', 'view', 'launch', 'index', 'html', 'php', 'static', 'dashboard', 'manage',
  'classroom', 'story', 'stories', 'portfolio', 'journal', 'journals', 'feed', 'activities', 'library', 'webclient', 'sites', 'landing', 'guest', 'lti',
  'points', 'launchpad', 'schools', 'school', 'display', 'pending', 'family', 'lookup', 'meetup', 'thread', 'tacv2', 'person', 'general', 'channel',
  'en', 'fr', 'us', 'ca', 'gb', 'true', 'false', 'signoutoptions', '19',
]);
/** Query and hash keys whose values are settings or routes, never people or secrets; their short word values are kept. */
const SAFE_QUERY_KEYS = new Set(['tab', 'settings', 'settingstab', 'schoolsettings', 'ctx', 'language', 'lang', 'hl', 'view', 'mode', 'section', 'page']);

function shapeWords(text: string): string {
  return text.replace(/[A-Za-z0-9]+/g, (word) => {
    if (ROUTE_WORDS.has(word.toLowerCase())) return word;
    // A hexadecimal id (digits and a-f mixed) stays hexadecimal: 0s.
    if (/^[0-9a-f]+$/i.test(word) && /[0-9]/.test(word) && /[a-f]/i.test(word)) return '0'.repeat(word.length);
    return word.replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X').replace(/[0-9]/g, '0');
  });
}

/** Query keys whose values are secrets or people: only "x" is written, not even their shape. */
const SECRET_QUERY_KEY = /(pwd|pass|code|token|jwt|secret|key|auth|sig|name|mail|user|email|uname|nick|tk|ticket|session)/i;

function shapeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    /* keep as is */
  }
  // Letters outside ASCII (a name with accents) are shaped too: only route words and punctuation stay.
  return encodeURIComponent(shapeWords(decoded.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).replace(/[^\x20-\x7e]/g, 'x')).replace(/%3A/gi, ':').replace(/%40/g, '@');
}

function shapeQuery(params: URLSearchParams): string {
  const out: string[] = [];
  for (const [key, value] of params) {
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(key)) continue;
    const keep = SAFE_QUERY_KEYS.has(key.toLowerCase()) && /^[A-Za-z-]{1,16}$/.test(value);
    const shaped = SECRET_QUERY_KEY.test(key) ? 'x' : encodeURIComponent(shapeWords(value.slice(0, 200)).replace(/[^\x20-\x7e]/g, 'x')).replace(/%3A/gi, ':').replace(/%40/g, '@');
    out.push(`${key}=${keep ? value : shaped}`);
  }
  return out.join('&');
}

function shapePathAndQuery(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q < 0 ? '' : shapeQuery(new URLSearchParams(pathAndQuery.slice(q + 1)));
  return path.split('/').map((s) => (s ? shapeSegment(s) : s)).join('/') + (query ? `?${query}` : '');
}

/**
 * The page's address without who or which room: origin, route words, every other word reduced to its shape, query
 * and hash keys kept with their values replaced (so "?pwd=" is still seen, never the passcode). A hash route
 * ("#/classes/<id>") is shaped like a path.
 */
export function urlShape(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return 'https://invalid.invalid/';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'https://invalid.invalid/';
  const pathAndQuery = shapePathAndQuery(url.pathname + url.search);
  let hash = '';
  if (url.hash.startsWith('#/')) hash = `#${shapePathAndQuery(url.hash.slice(1))}`;
  else if (url.hash.length > 1) {
    const h = shapeQuery(new URLSearchParams(url.hash.slice(1)));
    hash = h ? `#${h}` : '';
  }
  return `${url.origin}${pathAndQuery}${hash}`;
}

/** A link keeps the shape of where it goes (a settings page link is a hook), never its ids or query values. */
function hrefShape(value: string): string {
  const v = value.trim();
  if (!/^https?:/i.test(v) && !v.startsWith('/')) return '#';
  try {
    const shaped = urlShape(new URL(v, 'https://relative.invalid/'));
    return v.startsWith('/') && !v.startsWith('//') ? shaped.replace('https://relative.invalid', '') : shaped;
  } catch {
    return '#';
  }
}

function hookTokens(el: Element): string {
  return [el.getAttribute('id'), el.getAttribute('class'), el.getAttribute('data-test'), el.getAttribute('data-testid'), el.getAttribute('data-tid'), el.getAttribute('data-test-id')]
    .filter(Boolean)
    .join(' ');
}

function isPersonalPlace(el: Element): boolean {
  const tokens = hookTokens(el);
  return tokens !== '' && PERSONAL_HOOK.test(tokens);
}

function roleOf(el: Element): string {
  return (el.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
}

function isControl(el: Element, inDialog: boolean): boolean {
  const tag = el.localName;
  if (CONTROL_TAGS.has(tag)) return true;
  if (tag === 'input') return true;
  if (CONTROL_ROLES.has(roleOf(el))) return true;
  if (inDialog && el.matches(HEADING_SELECTOR)) return true;
  return false;
}

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

interface Place {
  /** Inside a control's words (its own text, or a label referenced by a control). */
  control: boolean;
  personal: boolean;
  dialog: boolean;
}

function attributes(el: Element, place: Place, w: Walk): string {
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
  const hidden = hiddenStyle(el, w.win);
  if (hidden) out.push(['style', hidden]);
  return out.map(([n, v]) => (v === null || v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('');
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
  out.push(`<${tag}${attributes(el, here, w)}>`);
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
  keptDomains = new Set([...CONSUMER_MAIL_DOMAINS, ...(opts.schoolDomains ?? []).map((d) => d.toLowerCase())]);
  plainTexts = collectPlainTexts(doc);
  try {
    return sanitizeBody(doc, opts.win);
  } finally {
    keptDomains = new Set(CONSUMER_MAIL_DOMAINS);
    plainTexts = [];
  }
}

const CONTROL_SELECTOR = `button, label, legend, option, optgroup, summary, select, input, ${[...CONTROL_ROLES].map((r) => `[role="${r}"]`).join(', ')}`;

/** Looks like a person's name: 2 to 4 words, each capitalised ("Sam Roy", "M. Gagnon", "Zéphyrine Quesnel-Marchand"). */
const NAME_LIKE = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Name-like plain texts of the page, longest first so a full name is masked before a part of it. */
function collectPlainTexts(doc: Document): string[] {
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

/** What a sampled page-state value may be: booleans, numbers and null as they are; strings only from a known set. */
export type SampledValue = boolean | number | null | string;
const KNOWN_STATE_STRINGS = new Set(['moderator', 'participant', 'visitor', 'none', 'LOCKED_LOCALLY', 'LOCKED_REMOTELY', 'true', 'false', 'ALWAYS_ACCEPT', 'ALWAYS_DENY', 'ASK_MODERATOR', 'ALWAYS_ACCEPT_AUTH', 'all', 'moderators']); // 'all': Jitsi remoteVideoMenu.disablePrivateChat
export const STATE_STRING = '[string]';

/**
 * The main-world page state, kept only under the adapter's declared paths: booleans, numbers and null as they are
 * (they are settings), known enum words (roles, lock kinds), and every other string as "[string]" (a domain, a
 * name, a token: present, never shown).
 */
export function sanitizeState(state: Record<string, unknown> | null | undefined, allowed: readonly string[]): Record<string, SampledValue> | null {
  if (!state || typeof state !== 'object') return null;
  const out: Record<string, SampledValue> = {};
  for (const key of allowed) {
    if (!(key in state)) continue;
    const v = state[key];
    if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    else if (typeof v === 'string') out[key] = KNOWN_STATE_STRINGS.has(v) ? v : v === '' ? '' : STATE_STRING;
  }
  return Object.keys(out).length ? out : null;
}

export interface SampleMeta {
  format: number;
  platform: string | null;
  /** The page's address shape (see urlShape). */
  url: string;
  /** Vigie's UI language and the page's own (html lang), as short codes. */
  uiLang: string;
  pageLang: string;
  extensionVersion: string;
  /** The day it was taken (no time of day). */
  capturedOn: string;
}

const langCode = (s: string | null | undefined) => (s ?? '').trim().slice(0, 12).replace(/[^A-Za-z-]/g, '') || 'und';

/** Rebuilds window.APP.store and globals from the sampled state, so the sample can be audited like a fixture. */
const STATE_LOADER = `(function () {
  var el = document.getElementById('vigie-sample-state');
  if (!el) return;
  var flat = JSON.parse(el.textContent || '{}');
  var state = {};
  function put(root, segments, value) {
    var cur = root;
    for (var i = 0; i < segments.length - 1; i++) {
      if (typeof cur[segments[i]] !== 'object' || cur[segments[i]] === null) cur[segments[i]] = {};
      cur = cur[segments[i]];
    }
    cur[segments[segments.length - 1]] = value;
  }
  var hasStore = false;
  Object.keys(flat).forEach(function (path) {
    var value = flat[path];
    if (path.indexOf('store:') === 0) {
      hasStore = true;
      var rest = path.slice(6);
      var dot = rest.indexOf('.');
      var slice = dot < 0 ? rest : rest.slice(0, dot);
      if (dot < 0) { state[slice] = value; return; }
      if (typeof state[slice] !== 'object' || state[slice] === null) state[slice] = {};
      put(state[slice], rest.slice(dot + 1).split('.'), value);
    } else if (path.indexOf('global:') === 0) {
      put(window, path.slice(7).split('.'), value);
    }
  });
  if (hasStore) window.APP = { store: { getState: function () { return state; }, subscribe: function () { return function () {}; } } };
})();`;

/**
 * The sample file: one HTML document a maintainer can open, audit (`npm run audit -- sample.html`) and turn into a
 * fixture. Its header says what it is; its metadata is in <meta> tags; the page state (if any) in a JSON block.
 */
export function buildSampleFile(parts: { meta: SampleMeta; bodyHtml: string; bodyAttrs?: string; state: Record<string, SampledValue> | null }): string {
  const { meta } = parts;
  const metaJson = JSON.stringify(meta);
  const stateJson = parts.state ? JSON.stringify(parts.state).replace(/</g, '\\u003c') : null;
  return [
    '<!doctype html>',
    '<!--',
    `  Vigie page sample (format ${SAMPLE_FORMAT}), made on the teacher's device and saved by the teacher.`,
    `  Platform: ${meta.platform ?? 'unknown'}. Page language: ${meta.pageLang}. Vigie language: ${meta.uiLang}. Vigie ${meta.extensionVersion}. Day: ${meta.capturedOn}.`,
    '  Structure only: tags, ids, classes, data-* hooks, roles, aria-* state, input types and checked state, hidden state,',
    '  and the words of controls. Every other text is replaced by ▒ marks; names, e-mails, images, chat and the room',
    '  address are not in this file. See docs/platforms/recapture.md to turn it into a fixture.',
    '-->',
    `<html lang="${escapeAttr(meta.pageLang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="vigie:url" content="${escapeAttr(meta.url)}">`,
    `<meta name="vigie:sample" content="${escapeAttr(metaJson)}">`,
    '<title>Vigie page sample</title>',
    ...(stateJson ? [`<script type="application/json" id="vigie-sample-state">${stateJson}</script>`, `<script id="vigie-sample-state-loader">${STATE_LOADER}</script>`] : []),
    '</head>',
    parts.bodyHtml || '<body></body>',
    '</html>',
    '',
  ].join('\n');
}

/** Read a sample file's metadata back (the audit script, tests). null when the file is not a Vigie sample. */
export function readSampleMeta(html: string): Record<string, unknown> | null {
  const m = /<meta\s+name="vigie:sample"\s+content="([^"]*)"/i.exec(html);
  if (!m) return null;
  const decoded = m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  try {
    const v = JSON.parse(decoded) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Everything for one sample, from a document (the tab, or happy-dom in tests). */
export function makeSample(input: {
  doc: Document;
  win?: Window;
  url: string;
  platform: string | null;
  uiLang: string;
  extensionVersion: string;
  state?: Record<string, unknown> | null;
  statePaths?: readonly string[];
  schoolDomains?: readonly string[];
  today?: Date;
}): { file: string; meta: SampleMeta; stats: SanitizeStats } {
  const { html, stats } = sanitizeDocument(input.doc, { win: input.win, schoolDomains: input.schoolDomains });
  const meta: SampleMeta = {
    format: SAMPLE_FORMAT,
    platform: input.platform,
    url: urlShape(input.url),
    uiLang: langCode(input.uiLang),
    pageLang: langCode(input.doc.documentElement?.getAttribute('lang')),
    extensionVersion: /^[0-9A-Za-z.+-]{1,32}$/.test(input.extensionVersion) ? input.extensionVersion : 'unknown',
    capturedOn: (input.today ?? new Date()).toISOString().slice(0, 10),
  };
  const state = sanitizeState(input.state ?? null, input.statePaths ?? []);
  return { file: buildSampleFile({ meta, bodyHtml: html, state }), meta, stats };
}
