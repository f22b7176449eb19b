import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { applyLanguageSettings } from '../../utils/i18n';
import { getEffectiveSettings } from '../../utils/settings/effective';

// The teacher's language and region (options page) apply before the first word is drawn.
void getEffectiveSettings()
  .then((e) => applyLanguageSettings(e.settings, document), () => applyLanguageSettings({ language: 'auto', region: 'other' }, document))
  .finally(() => render(<PopupApp />, document.getElementById('app')!));
