import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';
import { applyLanguageSettings, t } from '../../utils/i18n';
import { getQuickSettings } from '../../utils/settings/quick';

// The browser's language (or the one the teacher or school chose), applied before the first word.
void getQuickSettings()
  .then((q) => applyLanguageSettings(q.settings, document), () => applyLanguageSettings({ language: 'auto', region: 'other' }, document))
  .finally(() => {
    document.title = `${t('welcome_title')} – Vigie`;
    render(<WelcomeApp optionsUrl={browser.runtime.getURL('/options.html' as '/')} />, document.getElementById('app')!);
  });
