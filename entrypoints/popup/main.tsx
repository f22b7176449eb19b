import { render } from 'preact';
import { PopupApp, prefetchPopupState } from '../../components/popup/PopupApp';
import { applyLanguageSettings } from '../../utils/i18n';
import { getLanguageSettings } from '../../utils/settings/language';

// Read the tab's state while the language settings load; the teacher's language and region apply before the
// first word is drawn.
// From here on the time is Vigie's own (before it: the browser opening the page and loading the modules).
performance.mark('vigie:popup-script');
const state = prefetchPopupState();
// A zod-free read of just these two settings (utils/settings/language.ts): the popup must open fast.
const language = getLanguageSettings().then(
  (settings) => applyLanguageSettings(settings, document),
  () => applyLanguageSettings({ language: 'auto', region: 'other' }, document),
);
void Promise.allSettled([state, language]).then(async () => {
  render(<PopupApp initial={await state.catch(() => undefined)} />, document.getElementById('app')!);
  // The first useful render, read by `npm run bench` (budget: 100 ms from opening the popup).
  performance.mark('vigie:popup-rendered');
});
