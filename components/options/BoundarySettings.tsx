import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { SettingsSchema, type Feature, type SettingKey, type Settings } from '../../utils/settings/schema';
import { getEffectiveSettings } from '../../utils/settings/effective';
import { userSettingsItem } from '../../utils/storage';
import { onPolicyChanged } from '../../utils/settings/policy/read';

/** The three boundaries reminders, each switchable by the teacher unless the school's policy locks the list. */
export const BOUNDARY_FEATURES = ['socialBanner', 'outOfHours', 'contactDetails'] as const satisfies readonly Feature[];

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** One message per bad line; the typed text stays in the box (nothing lost). */
export function validateBoundaryLists(domains: string[], channels: string[]): string[] {
  const errors: string[] = [];
  for (const d of domains) if (!SettingsSchema.shape.studentDomains.element.safeParse(d).success) errors.push(t('boundaries_opt_error_domain', [d]));
  for (const c of channels) {
    let ok = false;
    if (/^[a-z0-9.-]+\.[a-z]{2,63}$/i.test(c)) ok = true;
    else
      try {
        ok = new URL(c).protocol === 'https:' && c.length <= 2048;
      } catch {
        ok = false;
      }
    if (!ok) errors.push(t('boundaries_opt_error_channel', [c]));
  }
  if (domains.length > 50) errors.push(t('boundaries_opt_error_too_many', ['50']));
  if (channels.length > 100) errors.push(t('boundaries_opt_error_too_many', ['100']));
  return errors;
}

export function BoundarySettings(): JSX.Element {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [locked, setLocked] = useState<SettingKey[]>([]);
  const [org, setOrg] = useState('');
  const [off, setOff] = useState<Feature[]>([]);
  const [domains, setDomains] = useState('');
  const [channels, setChannels] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  const load = async () => {
    try {
      const e = await getEffectiveSettings();
      setSettings(e.settings);
      setLocked(e.locked);
      setOrg(e.settings.organisationName);
      setOff([...e.settings.disabledFeatures]);
      setDomains(e.settings.studentDomains.join('\n'));
      setChannels(e.settings.approvedChannels.join('\n'));
    } catch {
      setStatus(t('boundaries_opt_load_failed'));
    }
  };
  useEffect(() => {
    void load();
  }, []);
  // A policy change while the page is open: locks and locked values follow; what the teacher typed in unlocked
  // fields stays as typed.
  useEffect(
    () =>
      onPolicyChanged(() => {
        getEffectiveSettings()
          .then((e) => {
            setSettings(e.settings);
            setLocked(e.locked);
            setOrg(e.settings.organisationName);
            if (e.locked.includes('disabledFeatures')) setOff([...e.settings.disabledFeatures]);
            if (e.locked.includes('studentDomains')) setDomains(e.settings.studentDomains.join('\n'));
            if (e.locked.includes('approvedChannels')) setChannels(e.settings.approvedChannels.join('\n'));
          })
          .catch(() => setStatus(t('boundaries_opt_load_failed')));
      }),
    [],
  );

  if (!settings) return <p aria-busy="true">{status || t('boundaries_opt_loading')}</p>;
  const isLocked = (k: SettingKey) => locked.includes(k);
  const lockNote = (k: SettingKey) => (isLocked(k) ? <p class="lock">{org ? t('boundaries_opt_locked_by', [org]) : t('boundaries_opt_locked')}</p> : null);

  const onSave = async (event: Event) => {
    event.preventDefault();
    const d = lines(domains).map((x) => x.toLowerCase());
    const c = lines(channels);
    const found = validateBoundaryLists(isLocked('studentDomains') ? [] : d, isLocked('approvedChannels') ? [] : c);
    setErrors(found);
    if (found.length) {
      setStatus(t('boundaries_opt_not_saved'));
      return;
    }
    try {
      const user = (await userSettingsItem.getValue()) ?? {};
      const next: Partial<Settings> = { ...user };
      if (!isLocked('disabledFeatures')) next.disabledFeatures = off;
      if (!isLocked('studentDomains')) next.studentDomains = d;
      if (!isLocked('approvedChannels')) next.approvedChannels = c;
      await userSettingsItem.setValue(next);
      await load();
      setStatus(t('boundaries_opt_saved'));
    } catch {
      setStatus(t('boundaries_opt_save_failed'));
    }
  };

  return (
    <form onSubmit={onSave} noValidate aria-labelledby="boundaries-title" data-testid="boundaries">
      <h2 id="boundaries-title">{t('boundaries_opt_title')}</h2>
      <p class="muted">{t('boundaries_opt_intro')}</p>
      <fieldset disabled={isLocked('disabledFeatures')} data-key="disabledFeatures">
        <legend>{t('boundaries_opt_features')}</legend>
        {lockNote('disabledFeatures')}
        {BOUNDARY_FEATURES.map((f) => (
          <div>
            <input
              type="checkbox"
              id={`boundary-${f}`}
              checked={!off.includes(f)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setOff(on ? off.filter((x) => x !== f) : [...off, f]);
                setStatus('');
              }}
            />{' '}
            <label for={`boundary-${f}`} style="display:inline">
              {t(`boundaries_opt_feature_${f}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset disabled={isLocked('studentDomains')} data-key="studentDomains">
        <legend id="boundary-domains-legend">{t('boundaries_opt_student_domains')}</legend>
        {lockNote('studentDomains')}
        <p class="hint" id="boundary-domains-hint">
          {t('boundaries_opt_student_domains_hint')}
        </p>
        <textarea id="boundary-domains" rows={3} style="width:100%;max-width:420px;font:inherit" aria-labelledby="boundary-domains-legend" aria-describedby="boundary-domains-hint" value={domains} onInput={(e) => setDomains((e.currentTarget as HTMLTextAreaElement).value)} />
      </fieldset>
      <fieldset disabled={isLocked('approvedChannels')} data-key="approvedChannels">
        <legend id="boundary-channels-legend">{t('boundaries_opt_channels')}</legend>
        {lockNote('approvedChannels')}
        <p class="hint" id="boundary-channels-hint">
          {t('boundaries_opt_channels_hint')}
        </p>
        <textarea id="boundary-channels" rows={3} style="width:100%;max-width:420px;font:inherit" aria-labelledby="boundary-channels-legend" aria-describedby="boundary-channels-hint" value={channels} onInput={(e) => setChannels((e.currentTarget as HTMLTextAreaElement).value)} />
      </fieldset>
      {settings.outOfHoursMode === 'confirm' && <p class="hint">{t('boundaries_opt_confirm_mode')}</p>}
      {errors.length > 0 && (
        <ul class="error" role="alert" data-testid="boundary-errors">
          {errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('boundaries_opt_save')}
        </button>
        <p role="status" aria-live="polite" data-testid="boundary-status">
          {status}
        </p>
      </div>
    </form>
  );
}
