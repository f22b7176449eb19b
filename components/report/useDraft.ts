import { useEffect, useRef, useState } from 'preact/hooks';
import { isAbandoned } from '../../utils/incidents/shared';
import { isQuotaError } from '../../utils/incidents/transfer';
import type { Draft } from '../../utils/incidents/types';
import { sendMessage } from '../../utils/messaging';
import { sanitizeReport } from '../../utils/report/build';
import type { ReportContext } from '../../utils/report/context';
import { EMPTY_REPORT, type ReportData } from '../../utils/report/types';
import type { EffectiveSettings } from '../../utils/settings/effective';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';
import { store } from './log-store';

/**
 * The report's draft, kept in IndexedDB from this page so that closing the page, a stopped service worker or a
 * browser restart loses nothing: loaded once (after the log's retention has run), saved on every change
 * (debounced), flushed when the page is hidden or closed. A failed save keeps everything typed (it is in this
 * page's state), says why, and the next change tries again.
 */

const SAVE_DELAY_MS = 300;

/** Why the last draft save failed: '' (saved), 'full' (the browser's storage is full) or 'failed' (anything else). */
export type SaveError = '' | 'full' | 'failed';

/** The browser's time zone, as the default for the incident's time zone (the teacher can change it). */
function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

function tabFromQuery(): number | null {
  const n = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A new draft, with what the tab it was opened from tells (address, platform, selected text, link or image). */
async function freshDraft(eff: Settings): Promise<{ draft: Draft; context: ReportContext | null }> {
  const tabId = tabFromQuery();
  const ctx = tabId ? await sendMessage('report.getContext', tabId).catch(() => null) : null;
  const at = new Date().toISOString();
  return {
    context: ctx,
    draft: {
      id: 'current',
      // The incident time is typed by the teacher (never pre-filled with "now"), with its time zone.
      report: { ...EMPTY_REPORT, incidentAt: '', incidentTz: localTimeZone(), organisation: eff.organisationName, url: ctx?.url ?? '', platform: ctx?.platformLabel ?? '', selectedText: ctx?.selectionText ?? '', evidenceNotes: [ctx?.linkUrl, ctx?.srcUrl].filter(Boolean).join('\n') },
      step: 0,
      chosen: ['lead'],
      handOffs: [],
      startedAt: at,
      savedAt: at,
    },
  };
}

/** One field changed. "The lead may be the person concerned": the report then goes to the second contact, not the lead. */
export function withField<K extends keyof ReportData>(draft: Draft, key: K, value: ReportData[K]): Draft {
  const chosen = key === 'leadConcerned' ? (value ? [...new Set([...draft.chosen.filter((c) => c !== 'lead'), 'alternate'])] : [...new Set(['lead', ...draft.chosen.filter((c) => c !== 'alternate')])]) : draft.chosen;
  return { ...draft, chosen, report: { ...draft.report, [key]: value } };
}

export interface DraftState {
  /** null until loaded. */
  draft: Draft | null;
  /** What the tab this page was opened from tells (only for a new draft). */
  context: ReportContext | null;
  saveError: SaveError;
  /** Every change: drawn at once, saved shortly after. */
  update(next: Draft): void;
  /** Delete the stored draft and begin a new one. */
  startOver(settings: Settings): Promise<void>;
  /** The report is finished: kept in the log (when the log is on and the computer is not shared), the draft deleted. Returns whether it was kept. */
  finish(sharedComputer: boolean): Promise<boolean>;
}

/**
 * `quick`: the settings already on disk (useReportSettings), for the shared-computer check and a new draft's
 * organisation. `onLoaded` runs once the draft is on the page, with the restored draft's save time when one was restored.
 */
export function useDraft(quick: Promise<EffectiveSettings | null>, onLoaded: (restoredAt: string | null) => void): DraftState {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [context, setContext] = useState<ReportContext | null>(null);
  const [saveError, setSaveError] = useState<SaveError>('');
  const pending = useRef<Draft | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const begin = async (settings: Settings) => {
    const fresh = await freshDraft(settings);
    setContext(fresh.context);
    setDraft(fresh.draft);
  };

  useEffect(() => {
    void (async () => {
      const q = await quick;
      await store.applyRetention(new Date()).catch(() => 0);
      let existing: Draft | undefined;
      try {
        existing = await store.loadDraft();
      } catch (e) {
        setSaveError(isQuotaError(e) ? 'full' : 'failed');
      }
      // Shared computer: a draft left untouched too long is deleted, not restored (utils/incidents/shared.ts).
      if (existing && q?.settings.sharedComputer && isAbandoned(existing, new Date())) {
        await store.clearDraft().catch(() => undefined);
        existing = undefined;
      }
      if (existing) {
        setDraft({ ...existing, report: { ...EMPTY_REPORT, ...existing.report }, chosen: existing.chosen ?? ['lead'], handOffs: existing.handOffs ?? [] });
      } else {
        await begin(q?.settings ?? DEFAULT_SETTINGS);
      }
      onLoaded(existing ? existing.savedAt : null);
    })();
  }, []);

  const flush = () => {
    const d = pending.current;
    if (!d) return;
    pending.current = null;
    store.saveDraft(d).then(
      () => setSaveError(''),
      (e: unknown) => setSaveError(isQuotaError(e) ? 'full' : 'failed'),
    );
  };
  useEffect(() => {
    const onHide = () => flush();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);

  const update = (next: Draft) => {
    const d = { ...next, savedAt: new Date().toISOString() };
    setDraft(d);
    pending.current = d;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS) as unknown as number;
  };

  // A save still waiting on the debounce belongs to the draft being discarded: drop it first, or it would write
  // the discarded draft back (and the next open would restore it).
  const dropPending = () => {
    clearTimeout(timer.current);
    pending.current = null;
  };

  const startOver = async (settings: Settings) => {
    dropPending();
    await store.clearDraft().catch(() => undefined);
    await begin(settings);
  };

  const finish = async (sharedComputer: boolean) => {
    dropPending();
    if (!draft) return false;
    // Read the log setting now: it may have been changed on the log page since this page opened.
    const current = await store.getPrefs();
    const keep = current.keepLog && !sharedComputer; // shared computer: no log at all
    if (keep) {
      const at = new Date().toISOString();
      await store.addIncident({ id: crypto.randomUUID(), createdAt: draft.startedAt, updatedAt: at, report: sanitizeReport(draft.report), handOffs: draft.handOffs, status: draft.handOffs.length ? 'handed-off' : 'saved' });
    }
    await store.clearDraft();
    return keep;
  };

  return { draft, context, saveError, update, startOver, finish };
}
