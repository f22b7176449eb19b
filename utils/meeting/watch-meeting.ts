import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { getMessage, setMessages } from '../i18n';
import { sendMessage, onMessage, type BadgeSummary, type ObservationReport } from '../messaging';
import { listenForPageState, requestPageState } from '../page-state/receive';
import type { PageState, PlatformAdapter, ReadContext } from '../platforms/types';
import { setSelfHostedOrigins } from '../platforms/self-hosted';
import { mountBadge, type Badge } from './badge';
import { throttle } from '../page/throttle';

/**
 * How often at most the page is re-read. The throttle fires on the leading edge, so after a quiet spell a settings
 * change is read at once; only bursts are coalesced.
 */
export const SCAN_INTERVAL_MS = 100;

/** Attributes that carry settings state; everything else (styles, tile classes) is ignored by the observer. */
const WATCHED_ATTRIBUTES = ['aria-checked', 'aria-pressed', 'aria-expanded', 'aria-label', 'checked', 'disabled', 'data-test', 'data-tid', 'id'];

const msg = (key: string, subs?: string[]) => getMessage(key, subs) || key;

/**
 * Test-only deliberate leak (issue 22): a build made with VIGIE_TEST_LEAK=1 (wxt.config.ts `define`) keeps every
 * node of every scan, so `npm run bench -- --soak --check` can prove it catches a leak. In every other build the
 * constant is `false` and the minifier drops the branch: the shipped content scripts hold no such array.
 */
declare const __VIGIE_TEST_LEAK__: boolean | undefined;
const TEST_LEAK = typeof __VIGIE_TEST_LEAK__ !== 'undefined' && __VIGIE_TEST_LEAK__ === true;
const leaked: Node[][] = [];

/**
 * User Timing entries (vigie:scan, vigie:badge) let `npm run bench` measure Vigie's cost from the page's timeline.
 * Kept bounded: the measures are cleared every 100 entries.
 */
const timing = {
  count: 0,
  now: () => performance.now(),
  mark(name: string) {
    try {
      performance.clearMarks(name);
      performance.mark(name);
    } catch {
      /* a page that replaced performance.mark only loses the bench's view */
    }
  },
  measure(name: string, start: number) {
    try {
      if (++this.count % 100 === 0) performance.clearMeasures(name);
      performance.measure(name, { start, end: performance.now() });
    } catch {
      /* idem */
    }
  },
};

/**
 * Is this mutation in a place where settings live (the adapter's `watch` selectors)? Busy meeting pages change
 * tiles, captions and chat many times a second; those never trigger a rescan. Cost: one closest() per record.
 */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

function isTextEntry(el: Element): boolean {
  if (el.tagName === 'TEXTAREA' || (el as HTMLElement).isContentEditable) return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase());
}

function safeClosest(el: Element, selector: string): boolean {
  try {
    return !!el.closest(selector);
  } catch {
    return true;
  }
}

export function isRelevant(record: MutationRecord, watch: string | null): boolean {
  if (!watch) return true;
  const node = record.target;
  const target = node.nodeType === 1 ? (node as Element) : node.parentElement;
  try {
    if (target?.closest(watch)) return true;
    return record.type === 'childList' && (holdsWatched(record.addedNodes, watch) || holdsWatched(record.removedNodes, watch));
  } catch {
    return true; // an invalid selector must not blind Vigie: fall back to rescanning
  }
}

/** An added or removed element that is, or holds, a watched place. */
function holdsWatched(nodes: NodeList, watch: string): boolean {
  for (let i = 0, n = nodes.length; i < n; i++) {
    const node = nodes[i];
    if (node.nodeType === 1 && ((node as Element).matches(watch) || (node as Element).querySelector(watch))) return true;
  }
  return false;
}

/**
 * The observer's callback runs on every batch of page mutations, so it is plain index loops: in Firefox it mostly
 * runs in the interpreter, where the array copies and iterators of `some`/`Array.from`/`for…of` were a fifth of
 * Vigie's samples on a churning page (Gecko profiler, `npm run bench`).
 */
export function anyRelevant(records: MutationRecord[], watch: string | null): boolean {
  for (let i = 0, n = records.length; i < n; i++) if (isRelevant(records[i], watch)) return true;
  return false;
}

/**
 * One content script per platform calls this. It reads the page with the adapter (never throwing), reports to
 * the background only when the findings changed, and shows the returned score in the badge. Each run has its own
 * AbortController, aborted on SPA navigation and when the extension context goes away.
 */
export function watchMeeting(ctx: ContentScriptContext, adapter: PlatformAdapter, win: Window = window): void {
  const doc = win.document;
  let runController: AbortController | undefined;
  let badge: Badge | undefined;
  let pageState: PageState | undefined;
  let schoolDomains: string[] = [];
  let lastSent = '';

  const showSummary = (summary: BadgeSummary | null) => {
    if (!summary) return;
    badge ??= mountBadge(doc, {
      unknownScore: '?',
      // Grey ("not checked yet": nothing known fails, a key item to confirm) says so instead of a number.
      label: (s) => (!s.known ? msg('badgeLabelUnknown') : s.band === 'grey' ? msg('badgeLabelNotChecked') : msg('badgeLabel', [String(s.score)])),
      coverage: (s) => msg('coverage_mark', [String(s.checked ?? 0), String(s.total ?? 0)]),
      detail: (s) => msg('badgeDetail', [String(s.toFix), String(s.toConfirm)]),
      belowMinimum: (minimum) => msg('badgeBelowMinimum', [String(minimum)]),
    }, { platform: adapter.id, site: win.location.hostname });
    badge.update(summary);
    timing.mark('vigie:badge');
  };

  const scan = async (signal: AbortSignal) => {
    const started = timing.now();
    const url = new URL(win.location.href);
    if (!adapter.matches(url)) return;
    const readCtx: ReadContext = { doc, url, state: pageState, schoolDomains };
    let report: ObservationReport;
    try {
      const settingsScope = adapter.settingsScope?.(readCtx) ?? null;
      const isMeeting = !settingsScope && adapter.isMeetingPage(readCtx);
      // Pre-join or landing: nothing to score yet; the observer will catch the room when it appears.
      if (!isMeeting && !settingsScope) return;
      report = { platform: adapter.id, url: url.href, roomKey: adapter.roomKey(url), isMeeting, role: adapter.role(readCtx), findings: adapter.read(readCtx) };
      if (settingsScope) report.settingsScope = settingsScope;
      const remembered = isMeeting ? adapter.rememberedScopes?.(readCtx) : undefined;
      if (remembered?.length) report.rememberedScopes = remembered.slice(0, 5);
    } catch (error) {
      console.debug(`[vigie:${adapter.id}] read failed`, error);
      return;
    }
    if (TEST_LEAK) leaked.push(Array.from(doc.querySelectorAll('*')));
    const signature = JSON.stringify(report);
    timing.measure('vigie:scan', started);
    if (signature === lastSent) return;
    lastSent = signature;
    try {
      const summary = await sendMessage('cs.reportObservations', report);
      if (!signal.aborted) showSummary(summary);
    } catch {
      lastSent = ''; // background asleep or restarting: the next change retries.
    }
  };

  const start = () => {
    runController?.abort();
    runController = new AbortController();
    const { signal } = runController;
    lastSent = '';
    const scheduled = throttle(() => void scan(signal), SCAN_INTERVAL_MS);
    if (adapter.statePaths?.length) {
      listenForPageState(
        doc,
        adapter.statePaths,
        (s) => {
          pageState = s;
          scheduled();
        },
        signal,
      );
    }
    // In-page state arrives by itself (the main-world reader follows the platform's store); the DOM observer
    // only looks for changes where settings are shown.
    const watch = adapter.watch?.length ? adapter.watch.join(',') : null;
    const observer = new MutationObserver((records) => {
      if (anyRelevant(records, watch)) scheduled();
    });
    // characterData: a select or combobox that shows its value as text; filtered by `watch` like the rest.
    observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    // Ticking a checkbox or picking a radio changes a property, not an attribute: no mutation fires. The
    // platform's own change/input events do (capture phase, passive: Vigie never touches the event).
    const onInput = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      // Typing (chat, names, captions search) is never a settings change: skip text entry outright.
      if (target && isTextEntry(target)) return;
      if (!watch || !target || safeClosest(target, watch)) scheduled();
    };
    doc.addEventListener('change', onInput, { capture: true, passive: true, signal });
    doc.addEventListener('input', onInput, { capture: true, passive: true, signal });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      scheduled.cancel();
    });
    if (adapter.statePaths?.length) requestPageState(doc);
    scheduled();
  };

  onMessage('bg.scoreChanged', ({ data }) => showSummary(data));
  onMessage('bg.scoringOff', () => {
    runController?.abort();
    badge?.remove();
    badge = undefined;
    lastSent = '';
  });
  ctx.addEventListener(win, 'wxt:locationchange', () => start());
  ctx.onInvalidated(() => {
    runController?.abort();
    badge?.remove();
  });
  // Ask the background first: the school may have turned this platform off, and adapters need the school's domains.
  sendMessage('cs.getPageContext', adapter.id)
    .catch(() => ({ enabled: true, schoolDomains: [] as string[] }))
    .then((context) => {
      if (!context.enabled || ctx.isInvalid) return;
      schoolDomains = context.schoolDomains;
      if ('selfHosted' in context && context.selfHosted?.length) setSelfHostedOrigins(context.selfHosted);
      if ('uiMessages' in context && context.uiMessages) setMessages(context.uiMessages.lang, context.uiMessages.messages);
      start();
    });
}
