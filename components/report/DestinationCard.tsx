import type { HandOff } from '../../utils/incidents/types';
import { t, uiLanguage } from '../../utils/i18n';
import { callPrompts, clipboardText, sideList, type BuildContext } from '../../utils/report/build';
import { buildMailto } from '../../utils/report/mailto';
import { formUrl, smsHref, telHref } from '../../utils/report/destinations/links';
import type { Channel, Destination } from '../../utils/report/destinations/schema';
import type { LeadRoute } from '../../utils/report/route';
import type { ReportData } from '../../utils/report/types';
import { HoursNote } from './HoursNote';

/**
 * One destination in the last step, with every way to hand the report over: call, text, an e-mail draft, or the
 * official form (opened in a new tab, the text on the clipboard, the form's fields listed beside it). Nothing is
 * sent by Vigie: each link records a hand-off in the draft when the teacher uses it.
 */

export interface HandOver {
  report: ReportData;
  ctx: BuildContext;
  onHandOff(destination: string, channel: HandOff['channel']): void;
  /** Copies `text`, records the hand-off and opens the form (StepSend.tsx). */
  openForm(id: string, url: string, text: string): void;
}

function MailtoLink({ id, address, name, via }: { id: string; address: string; name: string; via: HandOver }) {
  const m = buildMailto(address, via.report, via.ctx);
  return (
    <div>
      <a class="button" href={m.url} data-testid={`mailto-${id}`} onClick={() => via.onHandOff(id, 'mailto')}>
        {t('report_open_mail', [name])}
      </a>
      {m.dropped.length > 0 || m.truncated ? <p class="hint">{t('report_mail_dropped', [m.dropped.map((k) => t(`report_f_${k}`)).join(', ') || t('report_f_facts')])}</p> : null}
    </div>
  );
}

function FormBlock({ id, name, url, dest, via }: { id: string; name: string; url: string; dest: Destination | null; via: HandOver }) {
  const text = clipboardText(dest, via.report, via.ctx);
  const list = dest ? sideList(dest, via.report, via.ctx) : [];
  return (
    <div>
      <button type="button" data-testid={`form-${id}`} onClick={() => via.openForm(id, url, text)}>
        {t('report_open_form', [name])}
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
}

/** What to have at hand before calling a hotline. */
function CallPrompts({ id, report, ctx }: { id: string; report: ReportData; ctx: BuildContext }) {
  return (
    <details class="prompts" data-testid={`prompts-${id}`}>
      <summary>{t('report_call_prompts')}</summary>
      <ul>
        {callPrompts(report, ctx).map((p) => (
          <li key={p.label}>
            <strong>{p.label}</strong> {p.value || <span class="muted">{t('report_not_filled')}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The school's lead or the second contact. */
export function ContactCard({ id, lead, name, via }: { id: string; lead: LeadRoute; name: string; via: HandOver }) {
  return (
    <div class="dest" data-dest={id}>
      <h3>{name}</h3>
      {lead.phone && (
        <p>
          <a href={telHref(lead.phone)} onClick={() => via.onHandOff(id, 'tel')}>
            {t('report_call', [lead.phone])}
          </a>
        </p>
      )}
      {lead.email && <MailtoLink via={via} id={id} address={lead.email} name={name} />}
      {lead.formUrl && <FormBlock via={via} id={id} name={name} url={lead.formUrl} dest={null} />}
    </div>
  );
}

/** An outside service (hotline, authority, platform), with its channels for this region. */
export function DestinationCard({ d, channels, via }: { d: Destination; channels: readonly Channel[]; via: HandOver }) {
  const name = t(`report_dest_${d.id}_name`);
  return (
    <div class="dest" data-dest={d.id}>
      <h3>{name}</h3>
      {d.warning && <p class="warn">{t(d.warning)}</p>}
      {d.local && <p class="note">{t(d.local)}</p>}
      <HoursNote d={d} />
      {d.callPrompts && <CallPrompts id={d.id} report={via.report} ctx={via.ctx} />}
      {channels.map((c, i) =>
        c.kind === 'tel' ? (
          <p key={i}>
            <a href={telHref(c.number)} onClick={() => via.onHandOff(d.id, 'tel')}>
              {c.label ? `${t(c.label)} : ` : ''}
              {t('report_call', [c.display])}
            </a>
            {c.hours && <HoursNote d={d} c={c} />}
          </p>
        ) : c.kind === 'sms' ? (
          <p key={i}>
            <a href={smsHref(c.number)} onClick={() => via.onHandOff(d.id, 'tel')}>
              {t('report_text', [c.display])}
            </a>
          </p>
        ) : c.kind === 'mailto' ? (
          <div key={i}>
            <MailtoLink via={via} id={d.id} address={c.address} name={name} />
          </div>
        ) : (
          <div key={i}>
            <FormBlock via={via} id={d.id} name={name} url={formUrl(c, uiLanguage())} dest={d} />
          </div>
        ),
      )}
    </div>
  );
}
