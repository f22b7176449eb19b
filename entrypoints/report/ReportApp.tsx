import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { store } from '../../components/report/log-store';
import { isQuotaError } from '../../utils/incidents/transfer';
import type { Draft, HandOff } from '../../utils/incidents/types';
import { t, uiLanguage } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { buildMailto, clipboardText, fullText, reportHtml, sideList, type BuildContext } from '../../utils/report/build';
import type { ReportContext } from '../../utils/report/context';
import { emergencyHref, formUrl, telHref, type Destination } from '../../utils/report/destinations';
import { redactUrl, redactUrlsInText } from '../../utils/report/redact';
import { route, type Route } from '../../utils/report/route';
import { CATEGORIES, EMPTY_REPORT, OTHER_KINDS, URGENCIES, type ReportData } from '../../utils/report/types';
import { getEffectiveSettings } from '../../utils/settings/effective';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';
import { SharedComputerNote } from '../../components/report/SharedComputer';
import { isAbandoned } from '../../utils/incidents/shared';
import { IncidentLog } from './IncidentLog';

/**
 * "Report a concern": emergency first, then what happened, where to send it, and a preview of exactly what will
 * be shared. Everything the teacher types is saved as a draft in IndexedDB from this page (debounced), so closing
 * the page, a stopped service worker or a browser restart loses nothing. Nothing is sent: the teacher's click
 * opens a mailto: draft, a tel: link, or an official form in a new tab with the text on the clipboard.
 */

const labels = (key: string, subs?: string[]) => t(key, subs);
const SAVE_DELAY_MS = 300;

function nowLocal(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function tabFromQuery(): number | null {
  const n = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(n) && n > 0 ? n : null;
}

type Phase = 'loading' | 'writing' | 'done' | 'log';

export function ReportApp() {
  const [phase, setPhase] = useState<Phase>(location.hash === '#log' ? 'log' : 'loading');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [context, setContext] = useState<ReportContext | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState('');
  /** Why the last draft save failed: '' (saved), 'full' (the browser's storage is full) or 'failed' (anything else). */
  const [saveError, setSaveError] = useState<'' | 'full' | 'failed'>('');
  const [doneKept, setDoneKept] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  async function fresh(): Promise<Draft> {
    const tabId = tabFromQuery();
    const ctx = tabId ? await sendMessage('report.getContext', tabId).catch(() => null) : null;
    setContext(ctx);
    const at = new Date().toISOString();
    return {
      id: 'current',
      report: { ...EMPTY_REPORT, incidentAt: nowLocal(), url: ctx?.url ?? '', platform: ctx?.platformLabel ?? '', selectedText: ctx?.selectionText ?? '', evidenceNotes: [ctx?.linkUrl, ctx?.srcUrl].filter(Boolean).join('\n') },
      step: 0,
      chosen: ['lead'],
      handOffs: [],
      startedAt: at,
      savedAt: at,
    };
  }

  useEffect(() => {
    void (async () => {
      const eff = await getEffectiveSettings().catch(() => null);
      if (eff) setSettings(eff.settings);
      await store.applyRetention(new Date()).catch(() => 0);
      let existing: Draft | undefined;
      try {
        existing = await store.loadDraft();
      } catch (e) {
        setSaveError(isQuotaError(e) ? 'full' : 'failed');
      }
      // Shared computer: a draft left untouched too long is deleted, not restored (utils/incidents/shared.ts).
      if (existing && eff?.settings.sharedComputer && isAbandoned(existing, new Date())) {
        await store.clearDraft().catch(() => undefined);
        existing = undefined;
      }
      if (existing) {
        setDraft({ ...existing, chosen: existing.chosen ?? ['lead'], handOffs: existing.handOffs ?? [] });
        setStatus(t('report_draft_restored', [new Date(existing.savedAt).toLocaleString(uiLanguage())]));
      } else {
        setDraft(await fresh());
      }
      if (location.hash !== '#log') setPhase('writing');
    })();
  }, []);

  // Autosave: debounced on every change, flushed when the page is hidden or closed.
  const pending = useRef<Draft | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const flush = () => {
    const d = pending.current;
    if (!d) return;
    pending.current = null;
    // On failure the page keeps everything typed (it is in this page's state) and the next change tries again.
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
  const set = <K extends keyof ReportData>(key: K, value: ReportData[K]) => draft && update({ ...draft, report: { ...draft.report, [key]: value } });
  const goStep = (step: number) => {
    if (!draft) return;
    update({ ...draft, step });
    setStatus('');
    setTimeout(() => heading.current?.focus(), 0);
  };

  const r: Route | null = useMemo(
    () =>
      draft
        ? route({
            region: settings.region,
            category: draft.report.category,
            publicContent: draft.report.publicContent,
            platformReported: draft.report.platformReported,
            enabledDestinations: settings.enabledDestinations,
            lead: settings.lead,
          })
        : null,
    [draft?.report.category, draft?.report.publicContent, draft?.report.platformReported, settings],
  );

  if (phase === 'log') return <IncidentLog store={store} lang={uiLanguage()} onBack={() => { location.hash = ''; setPhase(draft ? 'writing' : 'loading'); if (!draft) location.reload(); }} />;
  if (phase === 'loading' || !draft || !r) return <p aria-busy="true">{t('report_loading')}</p>;

  const ctx: BuildContext = { labels, recordedAt: new Date().toISOString() };
  const recordHandOff = (destination: string, channel: HandOff['channel']) => update({ ...draft, handOffs: [...draft.handOffs, { destination, channel, at: new Date().toISOString() }] });

  const startNew = async () => {
    await store.clearDraft().catch(() => undefined);
    setDraft(await fresh());
    setDoneKept(false);
    setPhase('writing');
    setStatus('');
  };

  const finish = async () => {
    clearTimeout(timer.current);
    pending.current = null;
    try {
      // Read the log setting now: it may have been changed on the log page since this page opened.
      const current = await store.getPrefs();
      const keep = current.keepLog && !settings.sharedComputer; // shared computer: no log at all
      if (keep) {
        const at = new Date().toISOString();
        await store.addIncident({ id: crypto.randomUUID(), createdAt: draft.startedAt, updatedAt: at, report: draft.report, handOffs: draft.handOffs, status: draft.handOffs.length ? 'handed-off' : 'saved' });
      }
      await store.clearDraft();
      setDoneKept(keep);
      setPhase('done');
      setTimeout(() => heading.current?.focus(), 0);
    } catch (e) {
      setStatus(isQuotaError(e) ? t('report_storage_full_log') : t('report_error', [String((e as Error)?.message ?? e)]));
    }
  };

  return (
    <>
      <h1>{t('report_page_title')}</h1>
      {settings.sharedComputer && <SharedComputerNote />}
      {phase === 'done' ? (
        <section aria-labelledby="done-h">
          <h2 id="done-h" tabIndex={-1} ref={heading}>
            {t(doneKept ? 'report_finished_kept' : 'report_finished_deleted')}
          </h2>
          <div class="actions">
            <button type="button" onClick={() => void startNew()}>
              {t('report_new')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <Emergency route={r} compact={draft.step > 0} />
          <ol class="steps" aria-label={t('report_steps_label')}>
            {[1, 2, 3, 4].map((n) => (
              <li key={n} aria-current={draft.step === n - 1 ? 'step' : undefined}>
                {n}. {t(`report_step_${n}`)}
              </li>
            ))}
          </ol>
          <p class="status" role="status" aria-live="polite" data-testid="status">
            {saveError && <span class="error">{t(saveError === 'full' ? 'report_storage_full' : 'report_save_failed')}</span>}
            {saveError && status ? ' ' : ''}
            {status}
          </p>
          {draft.step === 0 && <StepDanger route={r} headingRef={heading} onNext={() => goStep(1)} />}
          {draft.step === 1 && <StepWhat draft={draft} context={context} set={set} headingRef={heading} onBack={() => goStep(0)} onNext={() => goStep(2)} />}
          {draft.step === 2 && <StepWhere draft={draft} route={r} headingRef={heading} onChoose={(chosen) => update({ ...draft, chosen })} onBack={() => goStep(1)} onNext={() => goStep(3)} />}
          {draft.step === 3 && (
            <StepSend draft={draft} route={r} ctx={ctx} headingRef={heading} onHandOff={recordHandOff} onStatus={setStatus} onBack={() => goStep(2)} onFinish={() => void finish()} onDiscard={() => void startNew()} />
          )}
        </>
      )}
      <footer>
        <a href="#log" onClick={() => setPhase('log')}>
          {t('report_log_link')}
        </a>
      </footer>
    </>
  );
}

function Emergency({ route: r, compact }: { route: Route; compact: boolean }) {
  return (
    <aside class={`emergency${compact ? ' compact' : ''}`} aria-label={t('report_danger_q')}>
      {compact && <strong>{t('report_emergency_short')} </strong>}
      <ul>
        {r.emergency.map((e) => (
          <li key={e.number}>
            <a class="call" href={emergencyHref(e)} data-testid="emergency">
              {t(e.sms ? 'report_text' : 'report_call', [e.number])}
            </a>
            {!compact && <span class="muted"> — {t(e.label)}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}

interface StepProps {
  headingRef: { current: HTMLHeadingElement | null };
}

function StepDanger({ route: r, headingRef, onNext }: StepProps & { route: Route; onNext(): void }) {
  return (
    <section aria-labelledby="s1">
      <h2 id="s1" tabIndex={-1} ref={headingRef}>
        {t('report_danger_q')}
      </h2>
      <p>{t('report_danger_help')}</p>
      <p class="note">{t(r.duty)}</p>
      <div class="actions">
        <button type="button" onClick={onNext}>
          {t('report_danger_no')}
        </button>
      </div>
    </section>
  );
}

function Field(props: { id: string; label: string; hint?: string; value: string; onInput(v: string): void; multiline?: boolean; type?: string }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea id={props.id} name={props.id} aria-describedby={hintId} value={props.value} onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)} />
      ) : (
        <input id={props.id} name={props.id} type={props.type ?? 'text'} aria-describedby={hintId} value={props.value} onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)} />
      )}
    </div>
  );
}

function StepWhat({ draft, context, set, headingRef, onBack, onNext }: StepProps & { draft: Draft; context: ReportContext | null; set<K extends keyof ReportData>(k: K, v: ReportData[K]): void; onBack(): void; onNext(): void }) {
  const [missing, setMissing] = useState(false);
  const [urlNote, setUrlNote] = useState(false);
  const rep = draft.report;
  const next = () => {
    if (!rep.category) {
      setMissing(true);
      document.querySelector<HTMLInputElement>('input[name="category"]')?.focus();
      return;
    }
    onNext();
  };
  const cleanUrl = () => {
    if (!rep.url.trim()) return;
    const clean = redactUrl(rep.url) || redactUrlsInText(rep.url);
    if (clean !== rep.url.trim()) {
      set('url', clean);
      setUrlNote(true);
    }
  };
  return (
    <section aria-labelledby="s2">
      <h2 id="s2" tabIndex={-1} ref={headingRef}>
        {t('report_step_2')}
      </h2>
      {context?.url && <p class="muted">{t('report_context_from', [context.platformLabel || new URL(context.url).host])}</p>}
      <fieldset aria-describedby={missing ? 'cat-error' : undefined} aria-invalid={missing && !rep.category ? 'true' : undefined}>
        <legend>{t('report_f_category')}</legend>
        {missing && !rep.category && (
          <p class="error" id="cat-error" role="alert">
            {t('report_need_category')}
          </p>
        )}
        {CATEGORIES.map((c) => (
          <label key={c}>
            <input type="radio" name="category" value={c} checked={rep.category === c} onChange={() => set('category', c)} />
            {t(`report_cat_${c.replace(/-/g, '_')}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('report_f_urgency')}</legend>
        {URGENCIES.map((u) => (
          <label key={u}>
            <input type="radio" name="urgency" value={u} checked={rep.urgency === u} onChange={() => set('urgency', u)} />
            {t(`report_urg_${u}`)}
          </label>
        ))}
      </fieldset>
      <Field id="incidentAt" type="datetime-local" label={t('report_f_incidentAt')} value={rep.incidentAt} onInput={(v) => set('incidentAt', v)} />
      <Field id="platform" label={t('report_f_platform')} value={rep.platform} onInput={(v) => set('platform', v)} />
      <div>
        <label for="url">{t('report_f_url')}</label>
        <p class="hint" id="url-hint">
          {t('report_url_hint')}
        </p>
        <input id="url" name="url" type="text" inputMode="url" aria-describedby="url-hint" value={rep.url} onInput={(e) => set('url', (e.currentTarget as HTMLInputElement).value)} onBlur={cleanUrl} />
        {urlNote && <p class="hint">{t('report_url_redacted')}</p>}
      </div>
      <Field id="child" label={t('report_f_child')} hint={t('report_people_hint')} value={rep.child} onInput={(v) => set('child', v)} />
      <Field id="otherPerson" label={t('report_f_otherPerson')} value={rep.otherPerson} onInput={(v) => set('otherPerson', v)} />
      <label for="otherKind">{t('report_other_kind')}</label>
      <select id="otherKind" value={rep.otherKind} onChange={(e) => set('otherKind', (e.currentTarget as HTMLSelectElement).value as ReportData['otherKind'])}>
        {OTHER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`report_kind_${k}`)}
          </option>
        ))}
      </select>
      <Field id="facts" multiline label={t('report_f_facts')} hint={t('report_facts_hint')} value={rep.facts} onInput={(v) => set('facts', v)} />
      <Field id="verbatim" multiline label={t('report_f_verbatim')} hint={t('report_verbatim_hint')} value={rep.verbatim} onInput={(v) => set('verbatim', v)} />
      <Field id="actionsTaken" multiline label={t('report_f_actionsTaken')} value={rep.actionsTaken} onInput={(v) => set('actionsTaken', v)} />
      <Field id="witnesses" multiline label={t('report_f_witnesses')} value={rep.witnesses} onInput={(v) => set('witnesses', v)} />
      <fieldset>
        <legend>{t('report_evidence_legend')}</legend>
        <p class="warn">{t('report_warn_no_images')}</p>
        {context?.srcUrl && <p class="hint">{t('report_image_address', [context.srcUrl])}</p>}
        {context?.linkUrl && <p class="hint">{t('report_link_address', [context.linkUrl])}</p>}
        <Field id="selectedText" multiline label={t('report_f_selectedText')} value={rep.selectedText} onInput={(v) => set('selectedText', v)} />
        <Field id="evidenceNotes" multiline label={t('report_f_evidenceNotes')} hint={t('report_evidence_hint')} value={rep.evidenceNotes} onInput={(v) => set('evidenceNotes', v)} />
        <div class="check">
          <label>
            <input type="checkbox" name="publicContent" checked={rep.publicContent} onChange={(e) => set('publicContent', (e.currentTarget as HTMLInputElement).checked)} />
            {t('report_public')}
          </label>
          <label>
            <input type="checkbox" name="platformReported" checked={rep.platformReported} onChange={(e) => set('platformReported', (e.currentTarget as HTMLInputElement).checked)} />
            {t('report_platform_reported')}
          </label>
        </div>
      </fieldset>
      <Field id="reporter" label={t('report_f_reporter')} value={rep.reporter} onInput={(v) => set('reporter', v)} />
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('report_back')}
        </button>
        <button type="button" onClick={next}>
          {t('report_next')}
        </button>
      </div>
    </section>
  );
}

function DestinationCard({ d, checked, onToggle, reason }: { d: Destination; checked?: boolean; onToggle?(v: boolean): void; reason?: string }) {
  const name = t(`report_dest_${d.id}_name`);
  return (
    <div class="dest" data-dest={d.id}>
      <h3>{onToggle ? <label><input type="checkbox" checked={checked} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} /> {name}</label> : name}</h3>
      <p>{t(`report_dest_${d.id}_scope`)}</p>
      {reason && <p class="muted">{t(reason)}</p>}
      {d.warning && <p class="warn">{t(d.warning)}</p>}
    </div>
  );
}

function StepWhere({ draft, route: r, headingRef, onChoose, onBack, onNext }: StepProps & { draft: Draft; route: Route; onChoose(c: string[]): void; onBack(): void; onNext(): void }) {
  const [missing, setMissing] = useState(false);
  const toggle = (id: string) => (on: boolean) => onChoose(on ? [...new Set([...draft.chosen, id])] : draft.chosen.filter((c) => c !== id));
  const next = () => {
    const usable = draft.chosen.filter((c) => c !== 'lead' || r.lead.configured);
    if (!usable.length) return setMissing(true);
    onNext();
  };
  return (
    <section aria-labelledby="s3">
      <h2 id="s3" tabIndex={-1} ref={headingRef}>
        {t('report_step_3')}
      </h2>
      <p class="note">{t(r.duty)}</p>
      <div class="dest" data-dest="lead">
        <h3>
          <label>
            <input type="checkbox" checked={draft.chosen.includes('lead')} disabled={!r.lead.configured} onChange={(e) => toggle('lead')((e.currentTarget as HTMLInputElement).checked)} /> {r.lead.name || t('report_dest_lead_name')}
          </label>
        </h3>
        <p>{t('report_dest_lead_scope')}</p>
        {!r.lead.configured && <p class="warn">{t('report_lead_missing')}</p>}
      </div>
      <h3>{t('report_suggested')}</h3>
      {r.suggested.length ? r.suggested.map((d) => <DestinationCard key={d.id} d={d} checked={draft.chosen.includes(d.id)} onToggle={toggle(d.id)} />) : <p>{t('report_no_suggestion')}</p>}
      {r.held.length > 0 && (
        <>
          <h3>{t('report_held')}</h3>
          {r.held.map((h) => (
            <DestinationCard key={h.destination.id} d={h.destination} reason={h.reason} />
          ))}
        </>
      )}
      {r.others.length > 0 && (
        <details>
          <summary>{t('report_others')}</summary>
          {r.others.map((d) => (
            <DestinationCard key={d.id} d={d} checked={draft.chosen.includes(d.id)} onToggle={toggle(d.id)} />
          ))}
        </details>
      )}
      {missing && (
        <p class="error" role="alert">
          {t('report_choose_one')}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('report_back')}
        </button>
        <button type="button" onClick={next}>
          {t('report_next')}
        </button>
      </div>
    </section>
  );
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function StepSend(props: StepProps & { draft: Draft; route: Route; ctx: BuildContext; onHandOff(d: string, c: HandOff['channel']): void; onStatus(s: string): void; onBack(): void; onFinish(): void; onDiscard(): void }) {
  const { draft, route: r, ctx, onHandOff, onStatus } = props;
  const [fallback, setFallback] = useState('');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const all = [...r.suggested, ...r.others];
  const chosen = all.filter((d) => draft.chosen.includes(d.id));
  const full = fullText(draft.report, ctx);
  const copy = async (text: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(text);
      setFallback('');
      return true;
    } catch {
      setFallback(text);
      onStatus(t('report_copy_failed'));
      return false;
    }
  };
  const openForm = async (id: string, url: string, text: string) => {
    const copied = await copy(text);
    onHandOff(id, 'form');
    await browser.tabs.create({ url, active: true });
    if (copied) onStatus(t('report_copied_opened'));
  };
  const mailto = (id: string, address: string, name: string) => {
    const m = buildMailto(address, draft.report, ctx);
    return (
      <div>
        <a class="button" href={m.url} data-testid={`mailto-${id}`} onClick={() => onHandOff(id, 'mailto')}>
          {t('report_open_mail', [name])}
        </a>
        {m.dropped.length > 0 || m.truncated ? <p class="hint">{t('report_mail_dropped', [m.dropped.map((k) => t(`report_f_${k}`)).join(', ') || t('report_f_facts')])}</p> : null}
      </div>
    );
  };
  const formBlock = (d: { id: string; name: string; url: string; dest: Destination | null }) => {
    const text = clipboardText(d.dest, draft.report, ctx);
    const list = d.dest ? sideList(d.dest, draft.report, ctx) : [];
    return (
      <div>
        <button type="button" data-testid={`form-${d.id}`} onClick={() => void openForm(d.id, d.url, text)}>
          {t('report_open_form', [d.name])}
        </button>
        {list.length > 0 && (
          <table class="side">
            <caption class="sr-only">{t('report_side_list')}</caption>
            <thead>
              <tr>
                <th scope="col" colSpan={2}>
                  {t('report_side_list')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={row.formField}>
                  <th scope="row">{row.formField}</th>
                  <td>{row.value || <span class="muted">{t('report_not_filled')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    );
  };
  const leadName = r.lead.name || t('report_dest_lead_name');
  return (
    <section aria-labelledby="s4">
      <h2 id="s4" tabIndex={-1} ref={props.headingRef}>
        {t('report_preview_h')}
      </h2>
      <p>{t('report_preview_help')}</p>
      <pre class="preview" data-testid="preview" tabIndex={0}>
        {full}
      </pre>
      <div class="actions">
        <button type="button" class="secondary" data-testid="copy-full" onClick={() => void copy(full).then((ok) => ok && (onHandOff('copy', 'copy'), onStatus(t('report_copied'))))}>
          {t('report_copy_full')}
        </button>
        <button type="button" class="secondary" onClick={() => (download(`vigie-report-${draft.startedAt.slice(0, 10)}.html`, 'text/html', reportHtml(draft.report, ctx, uiLanguage(), draft.handOffs.map((h) => h.destination))), onHandOff('file', 'download'))}>
          {t('report_download_html')}
        </button>
        <button type="button" class="secondary" onClick={() => (download(`vigie-report-${draft.startedAt.slice(0, 10)}.json`, 'application/json', JSON.stringify({ format: 'vigie-report', version: 1, startedAt: draft.startedAt, report: draft.report, handOffs: draft.handOffs }, null, 2)), onHandOff('file', 'download'))}>
          {t('report_download_json')}
        </button>
      </div>
      {fallback && (
        <div>
          <p class="error">{t('report_copy_failed')}</p>
          <textarea readOnly value={fallback} aria-label={t('report_copy_failed')} rows={8} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
        </div>
      )}
      {draft.chosen.includes('lead') && r.lead.configured && (
        <div class="dest" data-dest="lead">
          <h3>{leadName}</h3>
          {r.lead.phone && (
            <p>
              <a href={telHref(r.lead.phone)} onClick={() => onHandOff('lead', 'tel')}>
                {t('report_call', [r.lead.phone])}
              </a>
            </p>
          )}
          {r.lead.email && mailto('lead', r.lead.email, leadName)}
          {r.lead.formUrl && formBlock({ id: 'lead', name: leadName, url: r.lead.formUrl, dest: null })}
        </div>
      )}
      {chosen.map((d) => {
        const name = t(`report_dest_${d.id}_name`);
        return (
          <div class="dest" data-dest={d.id} key={d.id}>
            <h3>{name}</h3>
            {d.warning && <p class="warn">{t(d.warning)}</p>}
            {d.channels.map((c, i) =>
              c.kind === 'tel' ? (
                <p key={i}>
                  <a href={telHref(c.number)} onClick={() => onHandOff(d.id, 'tel')}>
                    {c.label ? `${t(c.label)} : ` : ''}
                    {t('report_call', [c.display])}
                  </a>
                </p>
              ) : c.kind === 'mailto' ? (
                <div key={i}>{mailto(d.id, c.address, name)}</div>
              ) : (
                <div key={i}>{formBlock({ id: d.id, name, url: formUrl(c, uiLanguage()), dest: d })}</div>
              ),
            )}
          </div>
        );
      })}
      <p class="muted">{t('report_never_auto')}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onBack}>
          {t('report_back')}
        </button>
        <button type="button" data-testid="finish" onClick={props.onFinish}>
          {t('report_finish')}
        </button>
        <button type="button" class="danger" onClick={() => (confirmDiscard ? props.onDiscard() : setConfirmDiscard(true))}>
          {t(confirmDiscard ? 'report_discard_confirm' : 'report_discard')}
        </button>
      </div>
    </section>
  );
}
