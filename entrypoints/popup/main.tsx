import { render } from 'preact';
import { PopupApp, prefetchPopupState } from '../../components/popup/PopupApp';
import { applyLanguageSettings } from '../../utils/i18n';
import { getEffectiveSettings } from '../../utils/settings/effective';

// Read the tab's state while the language settings load; the teacher's language and region apply before the
// first word is drawn.
const state = prefetchPopupState();
const language = getEffectiveSettings().then(
  (e) => applyLanguageSettings(e.settings, document),
  () => applyLanguageSettings({ language: 'auto', region: 'other' }, document),
);
void Promise.allSettled([state, language]).then(async () => {
  render(<PopupApp initial={await state.catch(() => undefined)} />, document.getElementById('app')!);
  // The first useful render, read by `npm run bench` (budget: 100 ms from opening the popup).
  performance.mark('vigie:popup-rendered');
});
