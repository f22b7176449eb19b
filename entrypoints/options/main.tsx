import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { applyLanguageSettings, t } from '../../utils/i18n';
import { getEffectiveSettings } from '../../utils/settings/effective';

const root = document.getElementById('app')!;

/** Re-render from scratch when the teacher changes the language or region: every word is read again. */
function draw(status = ''): void {
  document.title = t('opt_page_title');
  render(null, root);
  render(<OptionsApp initialStatus={status} onLanguageChange={draw} />, root);
}

void getEffectiveSettings()
  .then((e) => applyLanguageSettings(e.settings, document), () => applyLanguageSettings({ language: 'auto', region: 'other' }, document))
  .finally(() => draw());
