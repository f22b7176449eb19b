import type { PageState } from '../platforms/types';
import { REQUEST_EVENT, STATE_EVENT } from './reader';

const MAX_KEYS = 100;
const MAX_JSON = 20_000;

/**
 * Isolated-world side. The detail is a JSON string from the page: parse it defensively and keep only
 * declared paths with primitive values. (A page could dispatch this event itself, but it could equally lie in
 * its own store or DOM: the page is the source either way, and junk is dropped here.)
 */
export function parsePageState(detail: unknown, allowed: readonly string[]): PageState | null {
  if (typeof detail !== 'string' || detail.length > MAX_JSON) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(detail);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const out: PageState = {};
  const keys = Object.keys(raw).slice(0, MAX_KEYS);
  for (const key of keys) {
    if (key !== '__read' && !allowed.includes(key)) continue;
    const v = (raw as Record<string, unknown>)[key];
    if (v === null || typeof v === 'boolean' || typeof v === 'number' || (typeof v === 'string' && v.length <= 200)) out[key] = v;
  }
  return out.__read === true ? out : null;
}

export function listenForPageState(doc: Document, allowed: readonly string[], onState: (s: PageState) => void, signal: AbortSignal): void {
  doc.addEventListener(
    STATE_EVENT,
    (event) => {
      const state = parsePageState((event as CustomEvent).detail, allowed);
      if (state) onState(state);
    },
    { signal },
  );
}

export function requestPageState(doc: Document): void {
  doc.dispatchEvent(new CustomEvent(REQUEST_EVENT));
}
