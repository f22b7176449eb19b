import { shadowHost } from '../page/shadow-host';

/**
 * The in-page badge's elements, built once in a CLOSED shadow root (the page can neither read nor restyle them),
 * and where the badge's host sits on the page. Text only through textContent (never innerHTML). The behaviour is
 * in badge.ts.
 */

const STYLE = `
:host { all: initial; }
.badge { display: inline-flex; align-items: center; gap: 6px; margin: 0;
  font: 600 13px/1.2 system-ui, sans-serif; color: #fff; border-radius: 16px; padding: 6px 10px; border: 2px solid #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.4); cursor: pointer; touch-action: none; user-select: none; }
.score { font-size: 15px; }
.cov { font: 600 12px/1.2 system-ui, sans-serif; padding: 1px 5px; border-radius: 8px; border: 1px solid #fff; }
.min { display: inline-flex; align-items: center; justify-content: center; width: 18px; height: 18px; border-radius: 50%;
  background: #fff; color: #1b1f23; font: 800 13px/1 system-ui, sans-serif; }
.min[hidden], .min-line[hidden] { display: none; }
.min-line { font-weight: 700; margin-bottom: 2px; }
.tools[hidden] { display: none; }
.tools { margin-top: 4px; padding: 6px 8px; background: #fff; color: #1b1f23; border: 1px solid #505a63; border-radius: 8px;
  font: 500 13px/1.3 system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.row { display: flex; gap: 4px; margin-top: 4px; }
.tools button { font: 600 12px/1.2 system-ui, sans-serif; color: #1b1f23; background: #fff; border: 1px solid #505a63;
  border-radius: 12px; padding: 4px 8px; cursor: pointer; }
button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Where the badge sits when the teacher never moved it: bottom left, above the meeting toolbars we know. */
const DEFAULT_PLACE = 'left: 12px; bottom: 88px;';

export interface BadgeParts {
  host: HTMLElement;
  /** The badge itself: brand, score, "below the minimum" mark, coverage mark. Activating it expands it. */
  button: HTMLButtonElement;
  score: HTMLSpanElement;
  minMark: HTMLSpanElement;
  cov: HTMLSpanElement;
  covWords: HTMLSpanElement;
  /** The expanded part: the minimum line, the detail, Move and "Hide on this site". */
  tools: HTMLDivElement;
  minLine: HTMLDivElement;
  detail: HTMLDivElement;
  move: HTMLButtonElement;
  hide: HTMLButtonElement;
  /** Polite live region: speaks when the band changes. */
  live: HTMLSpanElement;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  return el;
}

function button(doc: Document, className: string): HTMLButtonElement {
  const b = element(doc, 'button', className);
  b.type = 'button';
  return b;
}

/** The collapsed badge: "Vigie 85 ! 6/14", with its coverage words said (aria-describedby), not drawn. */
function buildButton(doc: Document) {
  const main = button(doc, 'badge');
  main.setAttribute('aria-expanded', 'false');
  const brand = element(doc, 'span');
  brand.textContent = 'Vigie';
  const score = element(doc, 'span', 'score');
  // Under the school's minimum: a "!" on the badge itself (the words are in its accessible name and detail).
  const minMark = element(doc, 'span', 'min');
  minMark.setAttribute('aria-hidden', 'true');
  minMark.hidden = true;
  // The coverage mark: "6/14" drawn, "6 of 14 checked" said, so "unsafe" and "not checked yet" never look alike.
  const cov = element(doc, 'span', 'cov');
  cov.setAttribute('aria-hidden', 'true');
  const covWords = element(doc, 'span', 'sr');
  covWords.id = 'coverage';
  main.setAttribute('aria-describedby', 'coverage');
  main.append(brand, score, minMark, cov);
  return { button: main, score, minMark, cov, covWords };
}

/** The expanded part, controlled by the badge button (aria-controls). */
function buildTools(doc: Document, msg: (key: string) => string, controller: HTMLButtonElement) {
  const detail = element(doc, 'div', 'detail');
  const minLine = element(doc, 'div', 'min-line');
  minLine.hidden = true;
  const tools = element(doc, 'div', 'tools');
  tools.hidden = true;
  tools.id = 'tools';
  controller.setAttribute('aria-controls', 'tools');
  const move = button(doc, 'move');
  move.textContent = msg('badge_move');
  move.title = msg('badge_move_help');
  move.setAttribute('aria-describedby', 'move-help');
  const moveHelp = element(doc, 'span', 'sr');
  moveHelp.id = 'move-help';
  moveHelp.textContent = msg('badge_move_help');
  const hide = button(doc, 'hide');
  hide.textContent = msg('badge_hide_site');
  const row = element(doc, 'div', 'row');
  row.append(move, hide);
  tools.append(minLine, detail, row, moveHelp);
  return { tools, minLine, detail, move, hide };
}

/** Every element of the badge, in its closed shadow root; the host is not attached to the page yet. */
export function buildBadgeDom(doc: Document, msg: (key: string) => string): BadgeParts {
  const host = shadowHost(doc, 'vigie-badge'); // a plain <div> if the page defined that tag itself
  const root = host.attachShadow({ mode: 'closed' });
  const style = element(doc, 'style');
  style.textContent = STYLE;
  const main = buildButton(doc);
  const extra = buildTools(doc, msg, main.button);
  const live = element(doc, 'span', 'sr');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(style, main.button, main.covWords, extra.tools, live);
  return { host, ...main, ...extra, live };
}

/** Put the host at `pos` (clamped to the window), or in the default place when there is none. */
export function placeHost(host: HTMLElement, win: Window, pos: { x: number; y: number } | undefined): void {
  const base = 'all: initial; position: fixed; z-index: 2147483646; display: block;';
  if (!pos) {
    host.setAttribute('style', `${base} ${DEFAULT_PLACE}`);
    return;
  }
  const maxX = Math.max(0, win.innerWidth - (host.offsetWidth || 120));
  const maxY = Math.max(0, win.innerHeight - (host.offsetHeight || 36));
  const x = Math.round(Math.min(Math.max(0, pos.x), maxX));
  const y = Math.round(Math.min(Math.max(0, pos.y), maxY));
  host.setAttribute('style', `${base} left: ${x}px; top: ${y}px;`);
}
