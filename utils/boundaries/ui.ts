/**
 * Boundaries UI in the page: one calm panel per use (the social banner, the composer nudge), plain DOM in a
 * CLOSED shadow root (the page cannot read what Vigie says, our styles cannot leak), text only through
 * textContent. It never takes focus from what the teacher is typing: it is announced through a polite live
 * region and reached with Tab; Escape inside it closes it.
 */

import { shadowHost } from '../page/shadow-host';

export interface PanelAction {
  label: string;
  onClick(): void;
}

export interface PanelContent {
  /** Short heading (also the region's accessible name). */
  title: string;
  lines: string[];
  actions: PanelAction[];
  /** Tone: calm information (blue) or something to look at before sending (amber). */
  tone: 'info' | 'warn';
}

export interface Panel {
  show(content: PanelContent): void;
  /** Place the panel near an element (the composer); without one, the panel sits at the top of the page. */
  placeNear(el: Element | null): void;
  hide(): void;
  readonly visible: boolean;
  remove(): void;
}

const STYLE = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483646; max-width: min(520px, calc(100vw - 24px)); box-sizing: border-box;
  font: 14px/1.4 system-ui, sans-serif; color: #1b1f23; background: #fff; border: 2px solid #1f5fa8; border-left-width: 6px;
  border-radius: 8px; padding: 10px 12px; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
.panel.warn { border-color: #8a4b00; }
.panel[hidden] { display: none; }
.title { font-weight: 700; margin: 0 0 4px; }
p { margin: 0 0 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
button { font: 600 13px/1.2 system-ui, sans-serif; color: #fff; background: #1f5fa8; border: 0; border-radius: 6px; padding: 6px 10px; cursor: pointer; }
.warn button { background: #8a4b00; }
button.secondary { color: #1b1f23; background: #e8ecf0; }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function mountPanel(doc: Document, tag: 'vigie-social-banner' | 'vigie-composer-nudge'): Panel {
  const host = shadowHost(doc, tag); // a plain <div> if the page defined that tag itself
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'region');
  panel.hidden = true;
  const live = doc.createElement('div');
  live.className = 'sr';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(style, panel, live);
  let mounted = false;
  let lastSpoken = '';
  const hide = () => {
    panel.hidden = true;
    lastSpoken = '';
  };
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      hide();
    }
  });
  // Keep the page's own shortcuts (Teams, Gmail) from reacting to keys typed inside Vigie's panel.
  panel.addEventListener('keypress', (e) => e.stopPropagation());

  const api: Panel = {
    show(content) {
      if (!mounted) {
        (doc.body ?? doc.documentElement).append(host);
        mounted = true;
      }
      panel.className = `panel ${content.tone}`;
      panel.setAttribute('aria-label', content.title);
      const title = doc.createElement('p');
      title.className = 'title';
      title.textContent = content.title;
      const lines = content.lines.map((l) => {
        const p = doc.createElement('p');
        p.textContent = l;
        return p;
      });
      const actions = doc.createElement('div');
      actions.className = 'actions';
      content.actions.forEach((a, i) => {
        const b = doc.createElement('button');
        b.type = 'button';
        if (i > 0) b.className = 'secondary';
        b.textContent = a.label;
        b.addEventListener('click', (e) => {
          e.stopPropagation();
          a.onClick();
        });
        actions.append(b);
      });
      panel.replaceChildren(title, ...lines, actions);
      panel.hidden = false;
      const spoken = [content.title, ...content.lines].join(' ');
      if (spoken !== lastSpoken) {
        lastSpoken = spoken;
        live.textContent = spoken;
      }
    },
    placeNear(el) {
      const s = panel.style;
      s.left = s.right = s.top = s.bottom = s.transform = '';
      const rect = el?.getBoundingClientRect();
      if (!rect || (rect.width === 0 && rect.height === 0)) {
        s.top = '12px';
        s.left = '50%';
        s.transform = 'translateX(-50%)';
        return;
      }
      const view = doc.defaultView;
      const height = view?.innerHeight ?? 800;
      const width = view?.innerWidth ?? 1200;
      s.left = `${Math.max(12, Math.min(rect.left, width - 532))}px`;
      // Above the composer when there is room (composers sit low on the page), otherwise below it.
      if (rect.top > 160) s.bottom = `${Math.max(8, height - rect.top + 8)}px`;
      else s.top = `${Math.min(height - 60, rect.bottom + 8)}px`;
    },
    hide,
    get visible() {
      return mounted && !panel.hidden;
    },
    remove() {
      host.remove();
      mounted = false;
    },
  };
  return api;
}
