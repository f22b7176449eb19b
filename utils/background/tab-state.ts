import type { ObservationReport, TabState } from '../messaging';
import { tabReportsItem, tabStatesItem } from '../storage';

/** A stored value that should be a record but was corrupted (or written by something else) reads as empty. */
export function asRecord<T>(value: unknown): Record<string, T> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

/**
 * Per-tab state lives in memory and in storage.session (which survives the service worker being stopped).
 * If storage fails (quota, corruption), the score still reaches the badge and popup from memory, and the state
 * says so instead of failing silently.
 */
const memoryStates = new Map<string, TabState>();
const memoryReports = new Map<string, ObservationReport>();

export async function saveTabState(state: TabState, report: ObservationReport): Promise<void> {
  const key = String(state.tabId);
  memoryStates.set(key, state);
  memoryReports.set(key, report);
  try {
    const states = asRecord<TabState>(await tabStatesItem.getValue());
    states[key] = state;
    await tabStatesItem.setValue(states);
    const reports = asRecord<ObservationReport>(await tabReportsItem.getValue());
    reports[key] = report;
    await tabReportsItem.setValue(reports);
  } catch (error) {
    console.warn('[vigie] could not save this tab’s state; keeping it in memory', error);
    state.storageProblem = true;
  }
}

export async function tabReport(tabId: number): Promise<ObservationReport | undefined> {
  return memoryReports.get(String(tabId)) ?? asRecord<ObservationReport>(await tabReportsItem.getValue().catch(() => ({})))[String(tabId)];
}

export async function forgetTab(tabId: number): Promise<void> {
  memoryStates.delete(String(tabId));
  memoryReports.delete(String(tabId));
  for (const item of [tabStatesItem, tabReportsItem] as const) {
    const all = asRecord<unknown>(await item.getValue().catch(() => ({})));
    if (String(tabId) in all) {
      delete all[String(tabId)];
      await item.setValue(all as never);
    }
  }
}

export async function getTabState(tabId: number): Promise<TabState | null> {
  return memoryStates.get(String(tabId)) ?? asRecord<TabState>(await tabStatesItem.getValue().catch(() => ({})))[String(tabId)] ?? null;
}

/** Every tab with a state, in memory or in storage.session, with its last state (for re-scoring open tabs). */
export async function knownTabStates(): Promise<Map<string, TabState>> {
  const stored = asRecord<TabState>(await tabStatesItem.getValue().catch(() => ({})));
  const out = new Map<string, TabState>();
  for (const key of new Set([...Object.keys(stored), ...memoryStates.keys()])) {
    const state = memoryStates.get(key) ?? stored[key];
    if (state) out.set(key, state);
  }
  return out;
}
