import { render } from 'preact';
import { applyLanguageSettings, t } from '../../utils/i18n';
import { getEffectiveSettings } from '../../utils/settings/effective';
import { DraftGate } from '../../components/report/LogLock';
import { store } from '../../components/report/log-store';
import { ReportApp } from './ReportApp';

// The teacher's language and region (options page or school policy) apply before the first word is drawn.
void getEffectiveSettings()
  .then((e) => applyLanguageSettings(e.settings, document), () => applyLanguageSettings({ language: 'auto', region: 'other' }, document))
  .finally(() => {
    document.title = `${t('report_page_title')} – Vigie`;
    render(
      <DraftGate store={store}>
        <ReportApp />
      </DraftGate>,
      document.getElementById('app')!,
    );
  });
