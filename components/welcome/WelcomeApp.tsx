import { useEffect, useState } from 'preact/hooks';
import { policySets } from '../../utils/background/welcome';
import { t } from '../../utils/i18n';
import { isEmail } from '../../utils/report/route';
import { getEffectiveSettings, type EffectiveSettings } from '../../utils/settings/effective';
import { userSettingsItem } from '../../utils/storage';
import { browserRegion, browserTimeZone, type RegionGuess } from '../../utils/settings/region-inference';
import { REGIONS, type Region, type Settings } from '../../utils/settings/schema';

/**
 * The welcome page, opened once on install (utils/background/welcome.ts) and from the options page: where the
 * teacher teaches, pre-selected from the browser's language and time zone, and, optionally, their safeguarding
 * lead. What the school's policy sets is shown read-only. Saving writes only these keys to the teacher's layer.
 */

type Lead = Settings['lead'];

export function WelcomeApp(props: { guess?: RegionGuess; timeZone?: string; optionsUrl?: string; onLanguageChange?(): void }) {
  const guess = props.guess ?? browserRegion();
  const timeZone = props.timeZone ?? browserTimeZone();
  const [eff, setEff] = useState<EffectiveSettings | null>(null);
  const [failed, setFailed] = useState(false);
  const [region, setRegion] = useState<Region>(guess.region);
  const [lead, setLead] = useState<Lead>({ name: '', email: '', phone: '', formUrl: '' });
  const [emailError, setEmailError] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    getEffectiveSettings().then(
      (e) => {
        setEff(e);
        // The teacher's earlier choice or the school's wins over the guess.
        setRegion(e.source.region ? e.settings.region : guess.region);
        setLead({ ...e.settings.lead });
      },
      () => setFailed(true),
    );
  }, []);

  if (failed) return <p role="alert">{t('welcome_load_failed')}</p>;
  if (!eff) return <p aria-busy="true">{t('welcome_loading')}</p>;

  const regionSet = policySets(eff, 'region');
  const leadSet = policySets(eff, 'lead');
  const org = eff.settings.organisationName.trim();
  const setBy = org ? t('welcome_set_by', [org]) : t('welcome_set_by_school');
  const guessed = !eff.source.region && guess.from !== 'none';

  const save = async (event: Event) => {
    event.preventDefault();
    const clean: Lead = { name: lead.name.trim(), email: lead.email.trim(), phone: lead.phone.trim(), formUrl: lead.formUrl.trim() };
    if (!leadSet && clean.email && !isEmail(clean.email)) {
      setEmailError(true);
      setStatus(t('welcome_not_saved'));
      document.getElementById('welcome-lead-email')?.focus();
      return;
    }
    setEmailError(false);
    try {
      const user = (await userSettingsItem.getValue()) ?? {};
      const next: Partial<Settings> = { ...(user && typeof user === 'object' ? user : {}) };
      if (!regionSet) next.region = region;
      if (!leadSet) next.lead = clean;
      await userSettingsItem.setValue(next);
      setStatus(t('welcome_saved'));
    } catch {
      setStatus(t('welcome_save_failed'));
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome_title')}</h1>
      <p>{t('welcome_intro')}</p>

      <fieldset data-key="region">
        <legend>{t('welcome_region_legend')}</legend>
        {regionSet ? (
          <p class="lock" data-testid="welcome-region-locked">
            {setBy} {t(`report_where_region_${eff.settings.region}`)}
          </p>
        ) : (
          <>
            <p class="hint" id="welcome-region-hint" data-testid="welcome-guess">
              {guessed ? t('welcome_region_guessed') : t('welcome_region_pick')}
              {guessed && region === 'ca' && guess.region === 'ca' && guess.province ? ` ${t('welcome_province', [t(`welcome_province_${guess.province}`)])}` : ''}
            </p>
            {REGIONS.map((r) => (
              <label key={r} class="choice">
                <input type="radio" name="region" value={r} checked={region === r} onChange={() => setRegion(r)} /> {t(`report_where_region_${r}`)}
              </label>
            ))}
          </>
        )}
      </fieldset>

      <fieldset data-key="lead">
        <legend>{t('welcome_lead_legend')}</legend>
        {leadSet ? (
          <p class="lock" data-testid="welcome-lead-locked">
            {setBy} {[eff.settings.lead.name, eff.settings.lead.email, eff.settings.lead.phone].filter((v) => v.trim()).join(', ') || t('welcome_lead_none')}
          </p>
        ) : (
          <>
            <p class="hint">{t('welcome_lead_hint')}</p>
            {(['name', 'email', 'phone'] as const).map((field) => (
              <div class="row" key={field}>
                <label for={`welcome-lead-${field}`}>{t(`welcome_lead_${field}`)}</label>
                <input
                  id={`welcome-lead-${field}`}
                  type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                  autocomplete="off"
                  value={lead[field]}
                  maxLength={field === 'email' ? 254 : field === 'phone' ? 40 : 120}
                  aria-invalid={field === 'email' && emailError ? 'true' : undefined}
                  aria-describedby={field === 'email' && emailError ? 'welcome-email-error' : undefined}
                  onInput={(e) => {
                    const value = (e.currentTarget as HTMLInputElement).value;
                    setLead((l) => ({ ...l, [field]: value }));
                  }}
                />
                {field === 'email' && emailError && (
                  <p class="error" id="welcome-email-error">
                    {t('welcome_email_invalid')}
                  </p>
                )}
              </div>
            ))}
          </>
        )}
      </fieldset>

      <p class="hint" data-testid="welcome-timezone">
        {eff.source.schoolHours ? t('welcome_hours_set', [eff.settings.schoolHours.timeZone]) : t('welcome_hours', [timeZone])}
      </p>

      <div class="actions">
        <button type="submit" class="primary">
          {t('welcome_save')}
        </button>
        <a href={props.optionsUrl ?? 'options.html'}>{t('welcome_more_options')}</a>
      </div>
      <p role="status" aria-live="polite" data-testid="welcome-status">
        {status}
      </p>
    </form>
  );
}
