import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { store } from '../../components/report/log-store';
import { isQuotaError } from '../../utils/incidents/transfer';
import type { Draft, HandOff } from '../../utils/incidents/types';
import { applyLanguageSettings, t, uiLanguage } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { buildMailto, callPrompts, clipboardText, fullText, reportHtml, sanitizeReport, sideList, type BuildContext } from '../../utils/report/build';
import type { ReportContext } from '../../utils/report/context';
import { EMERGENCY, emergencyHref, formUrl, smsHref, telHref, type Destination } from '../../utils/report/destinations';
import { redactUrl, redactUrlsInText } from '../../utils/report/redact';
import { route, type LeadRoute, type Route } from '../../utils/report/route';
import { HoursNote } from './HoursNote';
import { WhereRegion, WhereServices, everywhereFor } from './WhereToSend';
import { CATEGORIES, EMPTY_REPORT, OTHER_KINDS, URGENCIES, type ReportData } from '../../utils/report/types';
import { getEffectiveSettings, type EffectiveSettings } from '../../utils/settings/effective';
import { getQuickSettings } from '../../utils/settings/quick';
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

type Phase = 'loading' | 'writing' | 'done' | 'log';

export function ReportApp({ initial }: { initial?: EffectiveSettings; children?: ComponentChildren }) {
  const [phase, setPhase] = useState<Phase>(location.hash === '#log' ? 'log' : 'loading');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [context, setContext] = useState<ReportContext | null>(null);
  const [settings, setSettings] = useState<Settings>(initial?.settings ?? DEFAULT_SETTINGS);
  /** Settings keys the school's policy locks, and whether the policy has answered yet (see utils/settings/quick.ts). */
  const [locked, setLocked] = useState<readonly string[]>(initial?.locked ?? []);
  const [settingsFinal, setSettingsFinal] = useState(false);
  const [status, setStatus] = useState('');
  /** Why the last draft save failed: '' (saved), 'full' (the browser's storage is full) or 'failed' (anything else). */
  const [saveError, setSaveError] = useState<'' | 'full' | 'failed'>('');
  const [doneKept, setDoneKept] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  async function fresh(eff: Settings = settings): Promise<Draft> {
    const tabId = tabFromQuery();
    const ctx = tabId ? await sendMessage('report.getContext', tabId).catch(() => null) : null;
    setContext(ctx);
    const at = new Date().toISOString();
    return {
      id: 'current',
      // The incident time is typed by the teacher (never pre-filled with "now"), with its time zone.
      report: { ...EMPTY_REPORT, incidentAt: '', incidentTz: localTimeZone(), organisation: eff.organisationName, url: ctx?.url ?? '', platform: ctx?.platformLabel ?? '', selectedText: ctx?.selectionText ?? '', evidenceNotes: [ctx?.linkUrl, ctx?.srcUrl].filter(Boolean).join('\n') },
      step: 0,
      chosen: ['lead'],
      handOffs: [],
      startedAt: at,
      savedAt: at,
    };
  }

  useEffect(() => {
    // The school's policy (managed storage) can take seconds on a fresh profile: the page is usable at once with
    // what is on disk, and "Where to send" waits for the final answer (the policy may restrict destinations).
    const quick = initial ? Promise.resolve(initial) : getQuickSettings().catch(() => null);
    void getEffectiveSettings()
      .catch(() => null)
      .then(async (eff) => {
        const before = (await quick)?.settings;
        if (eff) {
          if (!before || before.language !== eff.settings.language || before.region !== eff.settings.region) await applyLanguageSettings(eff.settings, document);
          setSettings(eff.settings);
          setLocked(eff.locked);
        }
        setSettingsFinal(true);
      });
    void (async () => {
      const q = await quick;
      if (q && !initial) {
        setSettings(q.settings);
        setLocked(q.locked);
      }
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
        setStatus(t('report_draft_restored', [new Date(existing.savedAt).toLocaleString(uiLanguage())]));
      } else {
        setDraft(await fresh(q?.settings ?? DEFAULT_SETTINGS));
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
  const set = <K extends keyof ReportData>(key: K, value: ReportData[K]) => {
    if (!draft) return;
    // "The lead may be the person concerned": the report no longer goes to the lead by default, but to the second contact.
    const chosen = key === 'leadConcerned' ? (value ? [...new Set([...draft.chosen.filter((c) => c !== 'lead'), 'alternate'])] : [...new Set(['lead', ...draft.chosen.filter((c) => c !== 'alternate')])]) : draft.chosen;
    update({ ...draft, chosen, report: { ...draft.report, [key]: value } });
  };
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
            otherKind: draft.report.otherKind,
            urgency: draft.report.urgency,
            strangerPrivate: draft.report.strangerPrivate,
            dpjRegion: settings.dpjRegion,
            province: settings.province,
            // A second contact typed in the report wins over the one from settings or the school policy.
            alternateLead: draft.report.altName || draft.report.altEmail || draft.report.altPhone ? { name: draft.report.altName, email: draft.report.altEmail, phone: draft.report.altPhone, formUrl: '' } : settings.alternateLead,
            leadConcerned: draft.report.leadConcerned,
          })
        : null,
    [draft?.report, settings],
  );

  // No region known, or none for this concern in the region: every region's services, grouped by country.
  const everywhere = useMemo(
    () => (draft ? everywhereFor(settings, draft.report) : []),
    [draft?.report.category, draft?.report.publicContent, draft?.report.platformReported, settings],
  );
  /** The teacher picks the region right in "Where to send"; remembered in their settings unless the school locks it. */
  const changeRegion = (region: Settings['region']) => {
    setSettings((s) => ({ ...s, region }));
    void applyLanguageSettings({ ...settings, region }, document);
    void import('../../utils/storage').then(async ({ userSettingsItem }) => {
      const user = await userSettingsItem.getValue().catch(() => ({}));
      await userSettingsItem.setValue({ ...(user && typeof user === 'object' ? user : {}), region }).catch(() => undefined);
    });
  };

  if (phase === 'log') return <IncidentLog store={store} lang={uiLanguage()} onBack={() => { location.hash = ''; setPhase(draft ? 'writing' : 'loading'); if (!draft) location.reload(); }} />;
  // Loading (the draft from IndexedDB: milliseconds): the emergency numbers stay on screen, as in index.html.
  if (phase === 'loading' || !draft || !r)
    return (
      <>
        <h1>{t('report_page_title')}</h1>
        <Emergency route={{ emergency: EMERGENCY[settings.region] ?? EMERGENCY.other }} compact={false} />
        <p aria-busy="true">{t('report_loading')}</p>
      </>
    );

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
        await store.addIncident({ id: crypto.randomUUID(), createdAt: draft.startedAt, updatedAt: at, report: sanitizeReport(draft.report), handOffs: draft.handOffs, status: draft.handOffs.length ? 'handed-off' : 'saved' });
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
          {draft.step === 2 && (
            <StepWhere
              draft={draft}
              route={r}
              headingRef={heading}
              onChoose={(chosen) => update({ ...draft, chosen })}
              onBack={() => goStep(1)}
              onNext={() => goStep(3)}
              picker={settingsFinal ? <WhereRegion region={settings.region} locked={locked.includes('region')} onChange={changeRegion} /> : null}
              services={<WhereServices region={settings.region} route={r} groups={everywhere} ready={settingsFinal} chosen={draft.chosen} onChoose={(chosen) => update({ ...draft, chosen })} />}
            />
          )}
          {draft.step === 3 && (
            <StepSend draft={draft} route={{ ...r, others: [...r.others, ...everywhere.flatMap((g) => g.services.filter((x) => !x.held && !r.suggested.includes(x.destination) && !r.others.includes(x.destination)).map((x) => x.destination))] }} ctx={ctx} headingRef={heading} onHandOff={recordHandOff} onStatus={setStatus} onBack={() => goStep(2)} onFinish={() => void finish()} onDiscard={() => void startNew()} />
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

export function Emergency({ route: r, compact }: { route: Pick<Route, 'emergency'>; compact: boolean }) {
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
      <Field id="incidentAt" type="datetime-local" label={t('report_f_incidentAt')} hint={t('report_incident_hint')} value={rep.incidentAt} onInput={(v) => set('incidentAt', v)} />
      <Field id="incidentTz" label={t('report_f_incidentTz')} hint={t('report_tz_hint')} value={rep.incidentTz} onInput={(v) => set('incidentTz', v)} />
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
      <Field id="childLocation" label={t('report_f_childLocation')} hint={t('report_child_location_hint')} value={rep.childLocation} onInput={(v) => set('childLocation', v)} />
      <Field id="otherPerson" label={t('report_f_otherPerson')} value={rep.otherPerson} onInput={(v) => set('otherPerson', v)} />
      <label for="otherKind">{t('report_other_kind')}</label>
      <select id="otherKind" value={rep.otherKind} onChange={(e) => set('otherKind', (e.currentTarget as HTMLSelectElement).value as ReportData['otherKind'])}>
        {OTHER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`report_kind_${k}`)}
          </option>
        ))}
      </select>
      {rep.otherKind === 'staff' && (
        <fieldset data-testid="staff-block">
          <legend>{t('report_staff_legend')}</legend>
          <p class="note">{t('report_staff_intro')}</p>
          <div class="check">
            <label>
              <input type="checkbox" name="leadConcerned" checked={rep.leadConcerned} onChange={(e) => set('leadConcerned', (e.currentTarget as HTMLInputElement).checked)} />
              {t('report_lead_concerned')}
            </label>
          </div>
          {rep.leadConcerned && (
            <>
              <p class="hint">{t('report_alt_hint')}</p>
              <Field id="altName" label={t('report_f_altName')} value={rep.altName} onInput={(v) => set('altName', v)} />
              <Field id="altEmail" type="email" label={t('report_f_altEmail')} value={rep.altEmail} onInput={(v) => set('altEmail', v)} />
              <Field id="altPhone" type="tel" label={t('report_f_altPhone')} value={rep.altPhone} onInput={(v) => set('altPhone', v)} />
            </>
          )}
        </fieldset>
      )}
      <Field id="cameToLight" multiline label={t('report_f_cameToLight')} hint={t('report_came_hint')} value={rep.cameToLight} onInput={(v) => set('cameToLight', v)} />
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
          <label>
            <input type="checkbox" name="strangerPrivate" checked={rep.strangerPrivate} onChange={(e) => set('strangerPrivate', (e.currentTarget as HTMLInputElement).checked)} />
            {t('report_stranger_private')}
          </label>
        </div>
        {rep.platformReported && <Field id="platformRef" label={t('report_f_platformRef')} hint={t('report_platform_ref_hint')} value={rep.platformRef} onInput={(v) => set('platformRef', v)} />}
      </fieldset>
      <Field id="reporter" label={t('report_f_reporter')} value={rep.reporter} onInput={(v) => set('reporter', v)} />
      <Field id="reporterContact" label={t('report_f_reporterContact')} hint={t('report_contact_hint')} value={rep.reporterContact} onInput={(v) => set('reporterContact', v)} />
      <Field id="organisation" label={t('report_f_organisation')} value={rep.organisation} onInput={(v) => set('organisation', v)} />
      <div class="check">
        <label>
          <input type="checkbox" name="noPromise" checked={rep.noPromise} onChange={(e) => set('noPromise', (e.currentTarget as HTMLInputElement).checked)} />
          {t('report_nopromise_check')}
        </label>
      </div>
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

/** The school's lead or the second contact, as a card in "Where to send". */
function LeadCard({ id, lead, name, checked, onToggle, note }: { id: string; lead: LeadRoute; name: string; checked: boolean; onToggle(v: boolean): void; note?: string }) {
  return (
    <div class="dest" data-dest={id}>
      <h3>
        <label>
          <input type="checkbox" checked={checked} disabled={!lead.configured} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} /> {name}
        </label>
      </h3>
      <p>{t(id === 'lead' ? 'report_dest_lead_scope' : 'report_dest_alternate_scope')}</p>
      {note && <p class="warn">{t(note)}</p>}
      {!lead.configured && <p class="warn">{t('report_lead_missing')}</p>}
    </div>
  );
}

function StepWhere({ draft, route: r, headingRef, onChoose, onBack, onNext, picker, services }: StepProps & { draft: Draft; route: Route; onChoose(c: string[]): void; onBack(): void; onNext(): void; picker: ComponentChildren; services: ComponentChildren }) {
  const toggle = (id: string) => (on: boolean) => onChoose(on ? [...new Set([...draft.chosen, id])] : draft.chosen.filter((c) => c !== id));
  // Never blocks (issue 15): with no destination ticked, or only a lead without a contact, the next step still
  // lets the teacher copy the text, download it, or go back and open a service's form or call it.
  const nothingUsable = !draft.chosen.some((c) => (c !== 'lead' || r.lead.configured) && (c !== 'alternate' || !!r.alternate));
  return (
    <section aria-labelledby="s3">
      <h2 id="s3" tabIndex={-1} ref={headingRef}>
        {t('report_step_3')}
      </h2>
      {r.emergencyFirst && (
        <aside class="emergency" data-testid="emergency-first" aria-label={t('report_immediate_h')}>
          <strong>{t('report_immediate_h')}</strong>
          <ul>
            {r.emergency.map((e) => (
              <li key={e.number}>
                <a class="call" href={emergencyHref(e)}>
                  {t(e.sms ? 'report_text' : 'report_call', [e.number])}
                </a>
                <span class="muted"> — {t(e.label)}</span>
              </li>
            ))}
          </ul>
        </aside>
      )}
      {picker}
      <p class="note">{t(r.duty)}</p>
      {r.staff && (
        <div class="note" data-testid="staff-route">
          <h3>{t('report_staff_route_h')}</h3>
          <ol>
            {r.staff.steps.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ol>
        </div>
      )}
      <LeadCard id="lead" lead={r.lead} name={r.lead.name || t('report_dest_lead_name')} checked={draft.chosen.includes('lead')} onToggle={toggle('lead')} note={r.leadConcerned ? 'report_lead_concerned_note' : undefined} />
      {r.alternate && <LeadCard id="alternate" lead={r.alternate} name={r.alternate.name || t('report_dest_alternate_name')} checked={draft.chosen.includes('alternate')} onToggle={toggle('alternate')} />}
      {r.leadConcerned && !r.alternate && <p class="warn">{t('report_alt_missing')}</p>}
      {services}
      {nothingUsable && <p class="hint" data-testid="where-none-chosen">{t('report_where_none_chosen')}</p>}
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('report_back')}
        </button>
        <button type="button" onClick={onNext}>
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
  const prompts = callPrompts(draft.report, ctx);
  const promptList = (id: string) => (
    <details class="prompts" data-testid={`prompts-${id}`}>
      <summary>{t('report_call_prompts')}</summary>
      <ul>
        {prompts.map((p) => (
          <li key={p.label}>
            <strong>{p.label}</strong> {p.value || <span class="muted">{t('report_not_filled')}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
  const contactBlock = (id: string, lead: LeadRoute, name: string) => (
    <div class="dest" data-dest={id}>
      <h3>{name}</h3>
      {lead.phone && (
        <p>
          <a href={telHref(lead.phone)} onClick={() => onHandOff(id, 'tel')}>
            {t('report_call', [lead.phone])}
          </a>
        </p>
      )}
      {lead.email && mailto(id, lead.email, name)}
      {lead.formUrl && formBlock({ id, name, url: lead.formUrl, dest: null })}
    </div>
  );
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
        <button type="button" class="secondary" data-testid="download-json" onClick={() => (download(`vigie-report-${draft.startedAt.slice(0, 10)}.json`, 'application/json', JSON.stringify({ format: 'vigie-report', version: 1, startedAt: draft.startedAt, report: sanitizeReport(draft.report), handOffs: draft.handOffs }, null, 2)), onHandOff('file', 'download'))}>
          {t('report_download_json')}
        </button>
      </div>
      {fallback && (
        <div>
          <p class="error">{t('report_copy_failed')}</p>
          <textarea readOnly value={fallback} aria-label={t('report_copy_failed')} rows={8} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
        </div>
      )}
      {draft.chosen.includes('lead') && r.lead.configured && contactBlock('lead', r.lead, leadName)}
      {draft.chosen.includes('alternate') && r.alternate && contactBlock('alternate', r.alternate, r.alternate.name || t('report_dest_alternate_name'))}
      {chosen.map((d) => {
        const name = t(`report_dest_${d.id}_name`);
        return (
          <div class="dest" data-dest={d.id} key={d.id}>
            <h3>{name}</h3>
            {d.warning && <p class="warn">{t(d.warning)}</p>}
            {d.local && <p class="note">{t(d.local)}</p>}
            <HoursNote d={d} />
            {d.callPrompts && promptList(d.id)}
            {(r.channels[d.id] ?? d.channels).map((c, i) =>
              c.kind === 'tel' ? (
                <p key={i}>
                  <a href={telHref(c.number)} onClick={() => onHandOff(d.id, 'tel')}>
                    {c.label ? `${t(c.label)} : ` : ''}
                    {t('report_call', [c.display])}
                  </a>
                  {c.hours && <HoursNote d={d} c={c} />}
                </p>
              ) : c.kind === 'sms' ? (
                <p key={i}>
                  <a href={smsHref(c.number)} onClick={() => onHandOff(d.id, 'tel')}>
                    {t('report_text', [c.display])}
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
