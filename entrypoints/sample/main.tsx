import { render } from 'preact';
import { SampleApp, sampleTabId } from '../../components/sample/SampleApp';
import { applyLanguageSettings, t } from '../../utils/i18n';
import { getLanguageSettings } from '../../utils/settings/language';

// The teacher's language and region apply before the first word is drawn.
void getLanguageSettings()
  .then((settings) => applyLanguageSettings(settings, document), () => applyLanguageSettings({ language: 'auto', region: 'other' }, document))
  .finally(() => {
    document.title = `${t('sample_title')} – Vigie`;
    render(<SampleApp tabId={sampleTabId()} />, document.getElementById('app')!);
  });
