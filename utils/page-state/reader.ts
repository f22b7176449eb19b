import type { PageState } from '../platforms/types';

/**
 * Runs in the page's MAIN world (the only world that sees window.APP). It copies a declared list of paths into a
 * flat snapshot of primitives and hands it to the isolated content script as a JSON string in a CustomEvent on
 * the document: no object from the page crosses over, and the isolated side validates what it gets.
 * No polling: it answers the isolated script's requests (sent on throttled DOM changes) and follows the store's
 * own subscribe() once the store exists.
 */
export const STATE_EVENT = 'vigie:page-state';
export const REQUEST_EVENT = 'vigie:page-state-request';
const MAX_STRING = 200;

type Win = Window & { APP?: { store?: { getState(): unknown; subscribe?(cb: () => void): () => void } } } & Record<string, unknown>;

function walk(root: unknown, segments: string[]): unknown {
  let cur: unknown = root;
  for (const segment of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[segment];
  }
  return cur;
}

function toPrimitive(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return value.slice(0, MAX_STRING);
  // Objects (a live conference, a config block) are copied as "present", never as themselves.
  return true;
}

/** Read each path: "store:<slice>.<a.b>" from APP.store.getState(), "global:<a.b>" from window. */
export function readPageState(win: Win, paths: readonly string[]): PageState | null {
  let storeState: unknown;
  try {
    storeState = win.APP?.store?.getState();
  } catch {
    storeState = undefined;
  }
  const out: PageState = {};
  let readSomething = false;
  for (const path of paths) {
    try {
      if (path.startsWith('store:')) {
        if (storeState === undefined) continue;
        const rest = path.slice('store:'.length);
        const dot = rest.indexOf('.');
        const slice = dot < 0 ? rest : rest.slice(0, dot);
        const segments = dot < 0 ? [] : rest.slice(dot + 1).split('.');
        out[path] = toPrimitive(walk((storeState as Record<string, unknown>)[slice], segments));
        readSomething = true;
      } else if (path.startsWith('global:')) {
        out[path] = toPrimitive(walk(win, path.slice('global:'.length).split('.')));
      }
    } catch {
      // A getter that throws is the page's problem, not a reason to stop reading.
    }
  }
  if (!readSomething) return null;
  out.__read = true;
  return out;
}

/** Wire the reader: answer requests, follow the store, send only when the snapshot changed. */
export function startPageStateReader(win: Win, doc: Document, paths: readonly string[]): void {
  let last = '';
  let subscribed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (force = false) => {
    const snapshot = readPageState(win, paths);
    if (!snapshot) return;
    const json = JSON.stringify(snapshot);
    if (json === last && !force) return;
    last = json;
    doc.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: json }));
  };
  const subscribe = () => {
    if (subscribed) return;
    const store = win.APP?.store;
    if (store && typeof store.subscribe === 'function') {
      subscribed = true;
      // Redux notifies on every action (dozens a second in a big call): read at most once per 100 ms, at once
      // after a quiet spell (so a toggled setting shows quickly), and always once after the last action.
      let lastRead = 0;
      store.subscribe(() => {
        if (timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          lastRead = Date.now();
          send();
        }, Math.max(0, lastRead + 100 - Date.now()));
      });
    }
  };

  doc.addEventListener(REQUEST_EVENT, () => {
    subscribe();
    send(true);
  });
  subscribe();
  send();
  if (!subscribed) waitForStore();

  /**
   * The platform may assign its store after this script ran (Jitsi: BaseApp.tsx sets APP.store in an async
   * componentDidMount, often after document_idle). Until it appears, look again when the page's DOM changes and
   * on a short backoff (0.25 s doubling to 2 s, for at most STORE_WAIT_MS); stop as soon as it is there.
   */
  function waitForStore() {
    let delay = 250;
    const started = Date.now();
    let backoff: ReturnType<typeof setTimeout> | undefined;
    let observer: MutationObserver | undefined;
    const check = () => {
      if (subscribed) return stop();
      subscribe();
      if (subscribed) {
        stop();
        send();
      }
    };
    const stop = () => {
      observer?.disconnect();
      observer = undefined;
      if (backoff) clearTimeout(backoff);
      backoff = undefined;
    };
    const tick = () => {
      check();
      if (subscribed || Date.now() - started > STORE_WAIT_MS) return stop();
      delay = Math.min(delay * 2, 2_000);
      backoff = setTimeout(tick, delay);
    };
    try {
      const MO = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? (typeof MutationObserver === 'undefined' ? undefined : MutationObserver);
      if (MO && doc.documentElement) {
        let pending = false;
        observer = new MO(() => {
          if (pending) return;
          pending = true;
          setTimeout(() => {
            pending = false;
            check();
          }, 50);
        });
        observer.observe(doc.documentElement, { childList: true, subtree: true });
      }
    } catch {
      observer = undefined;
    }
    backoff = setTimeout(tick, delay);
  }
}

/** How long the reader keeps looking for a store that is not there yet (a slow school network loads big bundles). */
export const STORE_WAIT_MS = 120_000;
