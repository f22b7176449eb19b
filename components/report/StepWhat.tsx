import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { Draft } from '../../utils/incidents/types';
import { t } from '../../utils/i18n';
import type { ReportContext } from '../../utils/report/context';
import { redactUrl, redactUrlsInText } from '../../utils/report/redact';
import { CATEGORIES, OTHER_KINDS, URGENCIES, type ReportData } from '../../utils/report/types';

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

/** Step 2: what happened. A category is needed to go on (it decides where the report can go). */
export function StepWhat({ draft, context, set, headingRef, onBack, onNext }: { draft: Draft; context: ReportContext | null; set<K extends keyof ReportData>(k: K, v: ReportData[K]): void; headingRef: RefObject<HTMLHeadingElement>; onBack(): void; onNext(): void }) {
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
