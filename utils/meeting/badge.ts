import { glance } from '../checklist/glance';
import { getMessage } from '../i18n';
import type { BadgeSummary } from '../messaging';
import { shadowHost } from '../page/shadow-host';
import { readBadgePrefs, repairBadgePrefs, setSiteHidden, updateBadgePrefs, watchBadgePrefs, type BadgePrefs } from '../storage';

/**
 * The in-page score badge. Plain DOM (no framework) in a CLOSED shadow root: the page can neither read nor
 * restyle it, and our styles cannot leak into the meeting. Text only through textContent (never innerHTML).
 *
 * - Collapsed it shows "Vigie 85 6/14" in the band colour: the number for what is known, or "?" while the room is
 *   not checked yet (grey), then the coverage mark (items checked of those that apply; its words, "6 of 14
 *   checked", are the button's description). Activating it expands it: how many items to fix / confirm,
 *   a Move button (arrow keys) and "Hide on this site". Expanded or not is remembered.
 * - It can be dragged anywhere; the place is remembered per platform, so it never has to cover the platform's
 *   own controls. The default place (bottom left, above Jitsi's toolbar) avoids the toolbars we know.
 * - Preferences live in storage (utils/storage.ts) and are watched: hiding or showing it from the popup, or
 *   moving it in another tab, applies at once, without polling.
 * - Announced politely: the live region speaks when the band changes, not on every rescan.
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
const STEP = 16;

export interface BadgeTexts {
  label: (s: BadgeSummary) => string;
  detail: (s: BadgeSummary) => string;
  /** Words for "below your school's minimum of N" (policy minScoreAlert). */
  belowMinimum: (minimum: number) => string;
  unknownScore: string;
  /** Words of the coverage mark, e.g. "6 of 14 checked" (the badge shows "6/14" and says these words). */
  coverage?: (s: BadgeSummary) => string;
}

export interface BadgePlace {
  /** Platform id: the badge's position is remembered per platform. */
  platform: string;
  /** Host name: the badge can be hidden per site. */
  site: string;
}

export interface Badge {
  update(summary: BadgeSummary): void;
  remove(): void;
}

const msg = (key: string, subs?: string[]): string => {
  try {
    return getMessage(key, subs) || key;
  } catch {
    return key;
  }
};

export function mountBadge(doc: Document, texts: BadgeTexts, place: BadgePlace = { platform: 'unknown', site: doc.location?.hostname ?? '' }): Badge {
  const win = doc.defaultView ?? window;
  const host = shadowHost(doc, 'vigie-badge'); // a plain <div> if the page defined that tag itself
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
  const detail = doc.createElement('div');
  detail.className = 'detail';
  // Under the school's minimum: a "!" on the badge itself (the words are in its accessible name and detail).
  const minMark = doc.createElement('span');
  minMark.className = 'min';
  minMark.setAttribute('aria-hidden', 'true');
  minMark.hidden = true;
  const minLine = doc.createElement('div');
  minLine.className = 'min-line';
  minLine.hidden = true;
  // The coverage mark: "6/14" drawn, "6 of 14 checked" said (aria-describedby), so "unsafe" and "not checked yet" never look alike.
  const cov = doc.createElement('span');
  cov.className = 'cov';
  cov.setAttribute('aria-hidden', 'true');
  const covWords = doc.createElement('span');
  covWords.id = 'coverage';
  covWords.className = 'sr';
  button.setAttribute('aria-describedby', 'coverage');
  button.append(brand, score, minMark, cov);

  const tools = doc.createElement('div');
  tools.className = 'tools';
  tools.hidden = true;
  tools.id = 'tools';
  button.setAttribute('aria-controls', 'tools');
  const move = doc.createElement('button');
  move.type = 'button';
  move.className = 'move';
  move.textContent = msg('badge_move');
  move.title = msg('badge_move_help');
  move.setAttribute('aria-describedby', 'move-help');
  const moveHelp = doc.createElement('span');
  moveHelp.id = 'move-help';
  moveHelp.className = 'sr';
  moveHelp.textContent = msg('badge_move_help');
  const hide = doc.createElement('button');
  hide.type = 'button';
  hide.className = 'hide';
  hide.textContent = msg('badge_hide_site');
  const row = doc.createElement('div');
  row.className = 'row';
  row.append(move, hide);
  tools.append(minLine, detail, row, moveHelp);

  const live = doc.createElement('span');
  live.className = 'sr';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(style, button, covWords, tools, live);

  let prefs: BadgePrefs = { positions: {}, expanded: false, hiddenSites: [] };
  let attached = false;
  let removed = false;
  // While this tab's own position writes are in flight, storage echoes older places back: ignore those echoes.
  let ownWrites = 0;

  const setHostPlace = (pos: { x: number; y: number } | undefined) => {
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
  };

  const setExpanded = (expanded: boolean) => {
    tools.hidden = !expanded;
    button.setAttribute('aria-expanded', String(expanded));
  };

  const apply = (next: BadgePrefs) => {
    if (removed) return; // a late storage answer must not bring back a badge that was taken down
    prefs = next;
    const hidden = prefs.hiddenSites.includes(place.site);
    if (hidden && attached) {
      host.remove();
      attached = false;
    } else if (!hidden && !attached) {
      (doc.body ?? doc.documentElement).append(host);
      attached = true;
    }
    setExpanded(prefs.expanded);
    if (ownWrites === 0) setHostPlace(prefs.positions[place.platform]);
  };

  const savePosition = () => {
    const rect = host.getBoundingClientRect();
    const pos = { x: Math.round(rect.left), y: Math.round(rect.top) };
    ownWrites++;
    void updateBadgePrefs((p) => ({ ...p, positions: { ...p.positions, [place.platform]: pos } }))
      .catch(() => undefined)
      .finally(() => setTimeout(() => ownWrites--, 100));
  };

  // Drag with a pointer: a press that moves more than 4 px is a drag, otherwise it is a click (expand/collapse).
  let drag: { dx: number; dy: number; startX: number; startY: number; moved: boolean } | undefined;
  button.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const rect = host.getBoundingClientRect();
    drag = { dx: e.clientX - rect.left, dy: e.clientY - rect.top, startX: e.clientX, startY: e.clientY, moved: false };
    button.setPointerCapture?.(e.pointerId);
  });
  button.addEventListener('pointermove', (e) => {
    if (!drag) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) < 4) return;
    drag.moved = true;
    setHostPlace({ x: e.clientX - drag.dx, y: e.clientY - drag.dy });
  });
  const endDrag = () => {
    if (drag?.moved) savePosition();
  };
  button.addEventListener('pointerup', endDrag);
  button.addEventListener('pointercancel', () => {
    endDrag();
    drag = undefined;
  });
  button.addEventListener('click', () => {
    if (drag?.moved) {
      drag = undefined;
      return;
    }
    drag = undefined;
    const expanded = button.getAttribute('aria-expanded') !== 'true';
    setExpanded(expanded);
    void updateBadgePrefs((p) => ({ ...p, expanded })).catch(() => undefined);
  });

  // Keyboard: the Move button takes arrow keys (Shift = bigger steps); Home puts the badge back in its default place.
  move.addEventListener('keydown', (e) => {
    const rect = host.getBoundingClientRect();
    const step = e.shiftKey ? STEP * 4 : STEP;
    const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (e.key === 'Home') {
      e.preventDefault();
      void updateBadgePrefs((p) => {
        const positions = { ...p.positions };
        delete positions[place.platform];
        return { ...p, positions };
      }).catch(() => undefined);
      setHostPlace(undefined);
      return;
    }
    const d = delta[e.key];
    if (!d) return;
    e.preventDefault();
    e.stopPropagation(); // meeting shortcuts must not fire while the teacher moves the badge
    setHostPlace({ x: rect.left + d[0], y: rect.top + d[1] });
    savePosition();
  });
  move.addEventListener('click', () => move.focus());
  hide.addEventListener('click', () => {
    void setSiteHidden(place.site, true).catch(() => undefined);
  });

  apply(prefs);
  void readBadgePrefs().then(apply);
  // Live: the popup can show the badge again, another tab can move it. storage.onChanged, never polling.
  const unwatch = watchBadgePrefs((value) => apply(repairBadgePrefs(value)));

  let lastBand = '';
  return {
    update(s) {
      const g = glance({ band: s.band, known: s.known, score: s.score, coverage: { checked: s.checked ?? 0, total: s.total ?? 0 } });
      score.textContent = g.number === null ? texts.unknownScore : String(g.number);
      button.style.background = g.color;
      cov.textContent = `${g.coverage.checked}/${g.coverage.total}`;
      covWords.textContent = texts.coverage?.(s) ?? cov.textContent;
      const below = s.belowMinimum ? texts.belowMinimum(s.belowMinimum) : '';
      const label = below ? `${texts.label(s)}. ${below}` : texts.label(s);
      button.setAttribute('aria-label', label);
      detail.textContent = texts.detail(s);
      minMark.hidden = !below;
      minMark.textContent = below ? '!' : ''; // no stray "!" in the badge's text when all is well
      minLine.hidden = !below;
      minLine.textContent = below;
      // Spoken when the band changes or the score crosses the school's minimum, not on every rescan.
      const band = `${g.kind}${s.known ? '' : ':unknown'}${below ? ':below' : ''}`;
      if (band !== lastBand) {
        lastBand = band;
        live.textContent = label;
      }
    },
    remove() {
      removed = true;
      unwatch();
      host.remove();
      attached = false;
    },
  };
}
