import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { ReportApp } from './ReportApp';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
document.title = `${t('report_page_title')} – Vigie`;
render(<ReportApp />, document.getElementById('app')!);
