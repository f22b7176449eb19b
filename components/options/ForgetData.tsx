import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { badgePrefsItem, boundaryDismissalsItem, confirmationsItem, rememberedSettingsItem } from '../../utils/storage';

/**
 * "What Vigie remembers on this device", and a way to forget it without removing the extension. A teacher who
 * hands over a laptop, or a lead asked "what does this keep?", should not need to uninstall to find out.
 * Settings (this page) and the report page's draft and incident log are managed where they are edited; this
 * section links there instead of wiping them behind the teacher's back.
 */
export interface Remembered {
  confirmedRooms: number;
  rememberedPages: number;
  hiddenSites: number;
  dismissals: number;
}

const count = (v: unknown): number => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).length : 0);

export async function readRemembered(now = Date.now()): Promise<Remembered> {
  const [conf, remembered, prefs, dismissals] = await Promise.all([
    confirmationsItem.getValue().catch(() => ({})),
    rememberedSettingsItem.getValue().catch(() => ({})),
    badgePrefsItem.getValue().catch(() => null),
    boundaryDismissalsItem.getValue().catch(() => ({})),
  ]);
  const hidden = prefs && Array.isArray(prefs.hiddenSites) ? prefs.hiddenSites.length : 0;
  const live = dismissals && typeof dismissals === 'object' ? Object.values(dismissals).filter((until) => typeof until === 'string' && Date.parse(until) > now).length : 0;
  return { confirmedRooms: count(conf), rememberedPages: count(remembered), hiddenSites: hidden, dismissals: live };
}

/** Removes each item; one failing (storage trouble) does not stop the others. Returns how many could not be removed. */
export async function forgetRemembered(): Promise<number> {
  const results = await Promise.allSettled([confirmationsItem.removeValue(), rememberedSettingsItem.removeValue(), badgePrefsItem.removeValue(), boundaryDismissalsItem.removeValue()]);
  return results.filter((r) => r.status === 'rejected').length;
}

export function ForgetData(): JSX.Element {
  const [known, setKnown] = useState<Remembered | null>(null);
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState('');

  const reload = () => readRemembered().then(setKnown, () => setStatus(t('opt_forget_read_failed')));
  useEffect(() => void reload(), []);

  const forget = async () => {
    setAsking(false);
    const failed = await forgetRemembered();
    setStatus(failed ? t('opt_forget_partial') : t('opt_forget_done'));
    await reload();
  };

  const empty = known && !known.confirmedRooms && !known.rememberedPages && !known.hiddenSites && !known.dismissals;
  return (
    <section aria-labelledby="forget-h" data-testid="forget">
      <h2 id="forget-h">{t('opt_forget_h')}</h2>
      <p class="hint">{t('opt_forget_intro')}</p>
      {known && (
        <ul data-testid="forget-counts">
          <li>{t('opt_forget_confirmed', [String(known.confirmedRooms)])}</li>
          <li>{t('opt_forget_remembered', [String(known.rememberedPages)])}</li>
          <li>{t('opt_forget_hidden', [String(known.hiddenSites)])}</li>
          <li>{t('opt_forget_dismissed', [String(known.dismissals)])}</li>
        </ul>
      )}
      <p class="hint">
        {t('opt_forget_report_note')}{' '}
        <a href={`${browser.runtime.getURL('/report.html')}#log`} target="_blank" rel="noopener">
          {t('opt_forget_report_link')}
        </a>
      </p>
      <div class="actions">
        {!asking ? (
          <button type="button" disabled={!!empty} onClick={() => setAsking(true)}>
            {t('opt_forget_button')}
          </button>
        ) : (
          <>
            <button type="button" class="primary" onClick={() => void forget()}>
              {t('opt_forget_confirm')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('opt_forget_cancel')}
            </button>
          </>
        )}
        <p role="status" aria-live="polite" data-testid="forget-status">
          {status}
        </p>
      </div>
    </section>
  );
}
