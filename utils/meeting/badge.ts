import { glance } from '../checklist/glance';
import { getMessage } from '../i18n';
import type { BadgeSummary } from '../messaging';
import { readBadgePrefs, repairBadgePrefs, setSiteHidden, updateBadgePrefs, watchBadgePrefs, type BadgePrefs } from '../storage';
import { buildBadgeDom, placeHost, type BadgeParts } from './badge-dom';

/**
 * The in-page score badge. Plain DOM (no framework) in a CLOSED shadow root (badge-dom.ts): the page can neither
 * read nor restyle it, and our styles cannot leak into the meeting. Text only through textContent (never innerHTML).
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

/** Arrow-key step of the Move button, in CSS pixels (Shift: four times). */
const STEP = 16;

/** What the badge paints for a summary: score, colour, coverage, the minimum mark; returns the words to announce and the band they belong to. */
function paintSummary(parts: BadgeParts, texts: BadgeTexts, s: BadgeSummary): { label: string; band: string } {
  const g = glance({ band: s.band, known: s.known, score: s.score, coverage: { checked: s.checked ?? 0, total: s.total ?? 0 } });
  parts.score.textContent = g.number === null ? texts.unknownScore : String(g.number);
  parts.button.style.background = g.color;
  parts.cov.textContent = `${g.coverage.checked}/${g.coverage.total}`;
  parts.covWords.textContent = texts.coverage?.(s) ?? parts.cov.textContent;
  const below = s.belowMinimum ? texts.belowMinimum(s.belowMinimum) : '';
  const label = below ? `${texts.label(s)}. ${below}` : texts.label(s);
  parts.button.setAttribute('aria-label', label);
  parts.detail.textContent = texts.detail(s);
  parts.minMark.hidden = !below;
  parts.minMark.textContent = below ? '!' : ''; // no stray "!" in the badge's text when all is well
  parts.minLine.hidden = !below;
  parts.minLine.textContent = below;
  return { label, band: `${g.kind}${s.known ? '' : ':unknown'}${below ? ':below' : ''}` };
}

function setExpanded(parts: BadgeParts, expanded: boolean): void {
  parts.tools.hidden = !expanded;
  parts.button.setAttribute('aria-expanded', String(expanded));
}

/** The badge's life on the page: shown or hidden per site, placed per platform, and this tab's own writes in flight. */
interface BadgeState {
  prefs: BadgePrefs;
  attached: boolean;
  removed: boolean;
  /** While this tab's own position writes are in flight, storage echoes older places back: ignore those echoes. */
  ownWrites: number;
}

/** Apply stored prefs: attach or take down the host for this site, expanded or not, the remembered place. */
function applyPrefs(doc: Document, win: Window, parts: BadgeParts, place: BadgePlace, state: BadgeState, next: BadgePrefs): void {
  if (state.removed) return; // a late storage answer must not bring back a badge that was taken down
  state.prefs = next;
  const hidden = next.hiddenSites.includes(place.site);
  if (hidden && state.attached) {
    parts.host.remove();
    state.attached = false;
  } else if (!hidden && !state.attached) {
    (doc.body ?? doc.documentElement).append(parts.host);
    state.attached = true;
  }
  setExpanded(parts, next.expanded);
  if (state.ownWrites === 0) placeHost(parts.host, win, next.positions[place.platform]);
}

/** Remember where the host is now, for this platform. */
function savePosition(parts: BadgeParts, place: BadgePlace, state: BadgeState): void {
  const rect = parts.host.getBoundingClientRect();
  const pos = { x: Math.round(rect.left), y: Math.round(rect.top) };
  state.ownWrites++;
  void updateBadgePrefs((p) => ({ ...p, positions: { ...p.positions, [place.platform]: pos } }))
    .catch(() => undefined)
    .finally(() => setTimeout(() => state.ownWrites--, 100));
}

/** Drag with a pointer: a press that moves more than 4 px is a drag, otherwise it is a click (expand/collapse). */
function wirePointer(win: Window, parts: BadgeParts, place: BadgePlace, state: BadgeState): void {
  const { button, host } = parts;
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
    placeHost(host, win, { x: e.clientX - drag.dx, y: e.clientY - drag.dy });
  });
  const endDrag = () => {
    if (drag?.moved) savePosition(parts, place, state);
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
    setExpanded(parts, expanded);
    void updateBadgePrefs((p) => ({ ...p, expanded })).catch(() => undefined);
  });
}

/** Keyboard: the Move button takes arrow keys (Shift = bigger steps); Home puts the badge back in its default place. */
function wireKeyboard(win: Window, parts: BadgeParts, place: BadgePlace, state: BadgeState): void {
  const { move, host } = parts;
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
      placeHost(host, win, undefined);
      return;
    }
    const d = delta[e.key];
    if (!d) return;
    e.preventDefault();
    e.stopPropagation(); // meeting shortcuts must not fire while the teacher moves the badge
    placeHost(host, win, { x: rect.left + d[0], y: rect.top + d[1] });
    savePosition(parts, place, state);
  });
  move.addEventListener('click', () => move.focus());
  parts.hide.addEventListener('click', () => {
    void setSiteHidden(place.site, true).catch(() => undefined);
  });
}

export function mountBadge(doc: Document, texts: BadgeTexts, place: BadgePlace = { platform: 'unknown', site: doc.location?.hostname ?? '' }): Badge {
  const win = doc.defaultView ?? window;
  const parts = buildBadgeDom(doc, (key) => msg(key));
  const state: BadgeState = { prefs: { positions: {}, expanded: false, hiddenSites: [] }, attached: false, removed: false, ownWrites: 0 };
  const apply = (next: BadgePrefs) => applyPrefs(doc, win, parts, place, state, next);
  wirePointer(win, parts, place, state);
  wireKeyboard(win, parts, place, state);

  apply(state.prefs);
  void readBadgePrefs().then(apply);
  // Live: the popup can show the badge again, another tab can move it. storage.onChanged, never polling.
  const unwatch = watchBadgePrefs((value) => apply(repairBadgePrefs(value)));

  let lastBand = '';
  return {
    update(s) {
      const { label, band } = paintSummary(parts, texts, s);
      // Spoken when the band changes or the score crosses the school's minimum, not on every rescan.
      if (band !== lastBand) {
        lastBand = band;
        parts.live.textContent = label;
      }
    },
    remove() {
      state.removed = true;
      unwatch();
      parts.host.remove();
      state.attached = false;
    },
  };
}
