import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Draft, HandOff } from '../../utils/incidents/types';
import { t, uiLanguage } from '../../utils/i18n';
import { fullText, reportHtml, sanitizeReport, type BuildContext } from '../../utils/report/build';
import type { Route } from '../../utils/report/route';
import { ContactCard, DestinationCard, type HandOver } from './DestinationCard';
import { downloadFile } from './download';


interface Props {
  draft: Draft;
  route: Route;
  ctx: BuildContext;
  headingRef: RefObject<HTMLHeadingElement>;
  onHandOff(d: string, c: HandOff['channel']): void;
  onStatus(s: string): void;
  onBack(): void;
  onFinish(): void;
  onDiscard(): void;
}

/** Step 4: a preview of exactly what will be shared, then each chosen destination's ways to hand it over. */
export function StepSend(props: Props) {
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
  const send: HandOver = { report: draft.report, ctx, onHandOff, openForm: (id, url, text) => void openForm(id, url, text) };
  const file = `vigie-report-${draft.startedAt.slice(0, 10)}`;
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
        <button type="button" class="secondary" onClick={() => (downloadFile(`${file}.html`, 'text/html', reportHtml(draft.report, ctx, uiLanguage(), draft.handOffs.map((h) => h.destination))), onHandOff('file', 'download'))}>
          {t('report_download_html')}
        </button>
        <button type="button" class="secondary" data-testid="download-json" onClick={() => (downloadFile(`${file}.json`, 'application/json', JSON.stringify({ format: 'vigie-report', version: 1, startedAt: draft.startedAt, report: sanitizeReport(draft.report), handOffs: draft.handOffs }, null, 2)), onHandOff('file', 'download'))}>
          {t('report_download_json')}
        </button>
      </div>
      {fallback && (
        <div>
          <p class="error">{t('report_copy_failed')}</p>
          <textarea readOnly value={fallback} aria-label={t('report_copy_failed')} rows={8} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
        </div>
      )}
      {draft.chosen.includes('lead') && r.lead.configured && <ContactCard via={send} id="lead" lead={r.lead} name={r.lead.name || t('report_dest_lead_name')} />}
      {draft.chosen.includes('alternate') && r.alternate && <ContactCard via={send} id="alternate" lead={r.alternate} name={r.alternate.name || t('report_dest_alternate_name')} />}
      {chosen.map((d) => (
        <DestinationCard via={send} key={d.id} d={d} channels={r.channels[d.id] ?? d.channels} />
      ))}
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
