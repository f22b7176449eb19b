import { render } from 'preact';
import { applyLanguageSettings, t } from '../../utils/i18n';
import { getQuickSettings } from '../../utils/settings/quick';
import { DraftGate } from '../../components/report/DraftGate';
import { store } from '../../components/report/log-store';
import { EMERGENCY } from '../../utils/report/destinations/regional';
import { Emergency } from '../../components/report/Emergency';
import { ReportApp } from '../../components/report/ReportApp';

performance.mark('vigie:report-script');

// The teacher's language and region apply before the first word is drawn, from what is already on disk (their
// choices, the school policy's last good copy): never wait for managed storage, which takes seconds to answer on
// a fresh profile (utils/settings/quick.ts). ReportApp applies the final settings when they arrive.
void getQuickSettings()
  .then(
    async (q) => {
      await applyLanguageSettings(q.settings, document);
      return q;
    },
    async () => {
      await applyLanguageSettings({ language: 'auto', region: 'other' }, document);
      return null;
    },
  )
  .then((quick) => {
    document.title = `${t('report_page_title')} – Vigie`;
    const app = document.getElementById('app')!;
    // The static emergency block (index.html) goes in the same task as the report draws, so no frame is empty.
    app.replaceChildren();
    render(
      <DraftGate store={store} emergency={<Emergency route={{ emergency: EMERGENCY[quick?.settings.region ?? 'other'] ?? EMERGENCY.other }} compact={false} />}>
        <ReportApp initial={quick ?? undefined} />
      </DraftGate>,
      app,
    );
    performance.mark('vigie:report-rendered');
  });
