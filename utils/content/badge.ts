import type { BadgeSummary } from '../messaging';

/**
 * The in-page score badge. Plain DOM (no framework) in a CLOSED shadow root: the page can neither read nor
 * restyle it, and our styles cannot leak into the meeting. Text only through textContent (never innerHTML).
 * Announced politely: the live region speaks when the band changes, not on every rescan.
 */
const COLORS = { green: '#1e6b34', orange: '#9a4a00', red: '#b3261e', neutral: '#505a63' } as const;

const STYLE = `
:host { all: initial; }
.badge { position: fixed; z-index: 2147483646; bottom: 88px; left: 12px; display: flex; align-items: center; gap: 6px;
  font: 600 13px/1.2 system-ui, sans-serif; color: #fff; border-radius: 16px; padding: 6px 10px; border: 2px solid #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.4); cursor: pointer; }
.badge:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.score { font-size: 15px; }
.detail[hidden] { display: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export interface BadgeTexts {
  label: (s: BadgeSummary) => string;
  detail: (s: BadgeSummary) => string;
  unknownScore: string;
}

export interface Badge {
  update(summary: BadgeSummary): void;
  remove(): void;
}

export function mountBadge(doc: Document, texts: BadgeTexts): Badge {
  const host = doc.createElement('vigie-badge');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.className = 'badge';
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const brand = doc.createElement('span');
  brand.textContent = 'Vigie';
  const score = doc.createElement('span');
  score.className = 'score';
  const detail = doc.createElement('span');
  detail.className = 'detail';
  detail.hidden = true;
  const live = doc.createElement('span');
  live.className = 'sr';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  button.append(brand, score, detail);
  root.append(style, button, live);
  // Collapsed shows the score; expanded adds how many items to fix / confirm. The popup has the full list.
  button.addEventListener('click', () => {
    detail.hidden = !detail.hidden;
    button.setAttribute('aria-expanded', String(!detail.hidden));
  });
  (doc.body ?? doc.documentElement).append(host);

  let lastBand = '';
  return {
    update(s) {
      score.textContent = s.known ? String(s.score) : texts.unknownScore;
      button.style.background = s.known ? COLORS[s.band] : COLORS.neutral;
      button.setAttribute('aria-label', texts.label(s));
      detail.textContent = texts.detail(s);
      const band = s.known ? s.band : 'unknown';
      if (band !== lastBand) {
        lastBand = band;
        live.textContent = texts.label(s);
      }
    },
    remove() {
      host.remove();
    },
  };
}
