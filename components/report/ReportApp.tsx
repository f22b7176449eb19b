import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { isQuotaError } from '../../utils/incidents/transfer';
import type { HandOff } from '../../utils/incidents/types';
import { t, uiLanguage } from '../../utils/i18n';
import type { BuildContext } from '../../utils/report/build';
import { EMERGENCY } from '../../utils/report/destinations/regional';
import type { ReportData } from '../../utils/report/types';
import type { EffectiveSettings } from '../../utils/settings/effective';
import { Emergency } from './Emergency';
import { IncidentLog } from './IncidentLog';
import { store } from './log-store';
import { SaveStatus, StepList } from './Progress';
import { SharedComputerNote } from './SharedComputer';
import { StepDanger } from './StepDanger';
import { StepDone } from './StepDone';
import { StepSend } from './StepSend';
import { StepWhat } from './StepWhat';
import { StepWhere } from './StepWhere';
import { useDraft, withField } from './useDraft';
import { useReportSettings } from './useReportSettings';
import { sendRoute, useRoute } from './useRoute';
import { WhereRegion, WhereServices } from './WhereToSend';

/**
 * "Report a concern": emergency first, then what happened, where to send it, and a preview of exactly what will
 * be shared. The draft is saved as the teacher types (useDraft.ts). Nothing is sent: the teacher's click opens a
 * mailto: draft, a tel: link, or an official form in a new tab with the text on the clipboard.
 */

const labels = (key: string, subs?: string[]) => t(key, subs);

type Phase = 'loading' | 'writing' | 'done' | 'log';

export function ReportApp({ initial }: { initial?: EffectiveSettings; children?: ComponentChildren }) {
  const [phase, setPhase] = useState<Phase>(location.hash === '#log' ? 'log' : 'loading');
  const [status, setStatus] = useState('');
  const [doneKept, setDoneKept] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { settings, locked, final, quick, changeRegion } = useReportSettings(initial);
  const { draft, context, saveError, update, startOver, finish } = useDraft(quick, (restoredAt) => {
    if (restoredAt) setStatus(t('report_draft_restored', [new Date(restoredAt).toLocaleString(uiLanguage())]));
    if (location.hash !== '#log') setPhase('writing');
  });
  const { route: r, everywhere } = useRoute(draft, settings);

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
  const set = <K extends keyof ReportData>(key: K, value: ReportData[K]) => update(withField(draft, key, value));
  const choose = (chosen: string[]) => update({ ...draft, chosen });
  const recordHandOff = (destination: string, channel: HandOff['channel']) => update({ ...draft, handOffs: [...draft.handOffs, { destination, channel, at: new Date().toISOString() }] });
  const focusHeading = () => setTimeout(() => heading.current?.focus(), 0);
  const goStep = (step: number) => {
    update({ ...draft, step });
    setStatus('');
    focusHeading();
  };
  const startNew = async () => {
    await startOver(settings);
    setDoneKept(false);
    setPhase('writing');
    setStatus('');
  };
  const done = async () => {
    try {
      setDoneKept(await finish(settings.sharedComputer));
      setPhase('done');
      focusHeading();
    } catch (e) {
      setStatus(isQuotaError(e) ? t('report_storage_full_log') : t('report_error', [String((e as Error)?.message ?? e)]));
    }
  };

  return (
    <>
      <h1>{t('report_page_title')}</h1>
      {settings.sharedComputer && <SharedComputerNote />}
      {phase === 'done' ? (
        <StepDone kept={doneKept} headingRef={heading} onNew={() => void startNew()} />
      ) : (
        <>
          <Emergency route={r} compact={draft.step > 0} />
          <StepList step={draft.step} />
          <SaveStatus saveError={saveError} status={status} />
          {draft.step === 0 && <StepDanger route={r} headingRef={heading} onNext={() => goStep(1)} />}
          {draft.step === 1 && <StepWhat draft={draft} context={context} set={set} headingRef={heading} onBack={() => goStep(0)} onNext={() => goStep(2)} />}
          {draft.step === 2 && (
            <StepWhere
              draft={draft}
              route={r}
              headingRef={heading}
              onChoose={choose}
              onBack={() => goStep(1)}
              onNext={() => goStep(3)}
              picker={final ? <WhereRegion region={settings.region} locked={locked.includes('region')} onChange={changeRegion} /> : null}
              services={<WhereServices region={settings.region} route={r} groups={everywhere} ready={final} chosen={draft.chosen} onChoose={choose} />}
            />
          )}
          {draft.step === 3 && <StepSend draft={draft} route={sendRoute(r, everywhere)} ctx={ctx} headingRef={heading} onHandOff={recordHandOff} onStatus={setStatus} onBack={() => goStep(2)} onFinish={() => void done()} onDiscard={() => void startNew()} />}
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
