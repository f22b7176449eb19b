import { useEffect, useState } from 'preact/hooks';
import { applyLanguageSettings, t } from '../../utils/i18n';
import { PLATFORM_IDS, type SettingKey, type Settings } from '../../utils/settings/schema';
import { getEffectiveSettings, type EffectiveSettings } from '../../utils/settings/effective';
import { userSettingsItem } from '../../utils/storage';
import { onPolicyChanged } from '../../utils/settings/policy/read';
import { PLATFORM_LABELS } from '../../utils/platforms/ids';
import { SelfHostedOrigins } from './SelfHostedOrigins';
import { BoundarySettings } from './BoundarySettings';
import { ForgetData } from './ForgetData';
import { SchoolPolicyPanel } from './SchoolPolicyPanel';
import { ContactFields } from './ContactFields';
import { FieldError, SettingFieldset, type SectionProps } from './fields';
import { EDITED, validateDraft, type Draft, type Errors } from './options-draft';
import { PlaceFields } from './PlaceFields';
import { SchoolHoursField } from './SchoolHoursField';

/**
 * The options page: the teacher's settings form (each setting a school's policy locks is shown locked, with who
 * set it), then the sections that save on their own (self-hosted origins, boundaries, forget my data, school policy).
 */

export function OptionsApp(props: { initialStatus?: string; onLanguageChange?: (status: string) => void }) {
  const [effective, setEffective] = useState<EffectiveSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState(props.initialStatus ?? '');
  const [loadError, setLoadError] = useState(false);

  const reload = async () => {
    try {
      const e = await getEffectiveSettings();
      setEffective(e);
      const s = e.settings;
      setDraft({ language: s.language, region: s.region, lead: { ...s.lead }, schoolHours: structuredClone(s.schoolHours), disabledPlatforms: [...s.disabledPlatforms], dpjRegion: s.dpjRegion, province: s.province, alternateLead: { ...s.alternateLead } });
    } catch {
      setLoadError(true);
    }
  };
  useEffect(() => {
    void reload();
  }, []);
  // The school's policy can change while this page is open (Admin console push, a new policies file): the locks
  // and the locked values follow at once; what the teacher is typing in unlocked fields stays as typed.
  useEffect(
    () =>
      onPolicyChanged(() => {
        getEffectiveSettings()
          .then((e) => {
            setEffective(e);
            setDraft((d) => {
              if (!d) return d;
              const next = { ...d } as Record<string, unknown>;
              for (const key of EDITED) if (e.locked.includes(key)) next[key] = structuredClone(e.settings[key]);
              return next as Draft;
            });
            setStatus(t('opt_policy_changed'));
          })
          .catch(() => setLoadError(true));
      }),
    [],
  );

  if (loadError) return <p role="alert">{t('opt_load_failed')}</p>;
  if (!effective || !draft) return <p aria-busy="true">{t('opt_loading')}</p>;

  const isLocked = (key: SettingKey) => effective.locked.includes(key);
  const org = effective.settings.organisationName;
  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setStatus('');
  };
  const togglePlatform = (id: (typeof PLATFORM_IDS)[number], on: boolean) =>
    update({ disabledPlatforms: on ? draft.disabledPlatforms.filter((p) => p !== id) : [...draft.disabledPlatforms, id] });

  const onSave = async (event: Event) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      setStatus(t('opt_not_saved', [String(Object.keys(found).length)]));
      return;
    }
    try {
      const user = (await userSettingsItem.getValue()) ?? {};
      const next: Partial<Settings> = { ...user };
      const clean: Draft = {
        ...draft,
        lead: { name: draft.lead.name.trim(), email: draft.lead.email.trim(), phone: draft.lead.phone.trim(), formUrl: draft.lead.formUrl.trim() },
        alternateLead: { name: draft.alternateLead.name.trim(), email: draft.alternateLead.email.trim(), phone: draft.alternateLead.phone.trim(), formUrl: draft.alternateLead.formUrl.trim() },
      };
      for (const key of EDITED) if (!isLocked(key)) (next as Record<string, unknown>)[key] = clean[key as keyof Draft];
      await userSettingsItem.setValue(next);
      const languageChanged = draft.language !== effective.settings.language || draft.region !== effective.settings.region;
      if (languageChanged && props.onLanguageChange) {
        // Every word is drawn again in the new language; the page says "Saved" in that language.
        await applyLanguageSettings(draft, document);
        props.onLanguageChange(t('opt_saved'));
        return;
      }
      await reload();
      setStatus(t('opt_saved'));
    } catch {
      setStatus(t('opt_save_failed'));
    }
  };

  const section: SectionProps = { draft, update, isLocked, org, errors };

  return (
    <>
    <form onSubmit={onSave} noValidate aria-labelledby="opt-title">
      <h1 id="opt-title">{t('opt_title')}</h1>
      <p class="muted">{t('opt_intro')}</p>
      {effective.policy && (
        <p class="policy" data-testid="policy-origin">
          {effective.policy.origin === 'managed' ? t('policy_origin_managed') : effective.policy.origin === 'cache' ? t('policy_origin_cache', [effective.policy.readAt ?? '']) : t('policy_origin_none')}
        </p>
      )}
      {effective.problems.length > 0 && (
        <ul class="problems" data-testid="problems">
          {effective.problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      )}

      <PlaceFields {...section} />
      <ContactFields {...section} />
      <SchoolHoursField {...section} />

      <SettingFieldset name="disabledPlatforms" legend={t('opt_platforms_legend')} isLocked={isLocked} org={org}>
        <p class="hint">{t('opt_platforms_hint')}</p>
        <ul class="platforms">
          {PLATFORM_IDS.map((id) => (
            <li>
              <label>
                <input type="checkbox" data-platform={id} checked={!draft.disabledPlatforms.includes(id)} onChange={(e) => togglePlatform(id, (e.currentTarget as HTMLInputElement).checked)} /> {PLATFORM_LABELS[id] ?? id}
              </label>
            </li>
          ))}
        </ul>
      </SettingFieldset>

      <div class="actions">
        <button type="submit" class="primary">
          {t('opt_save')}
        </button>
        <p role="status" aria-live="polite" data-testid="status">
          {status}
        </p>
        <FieldError id="err-form" text={errors.form} />
      </div>

    </form>
    <div class="selfhosted">
      <SelfHostedOrigins />
    </div>
    <div class="boundaries">
      <BoundarySettings />
    </div>
    <div class="forget">
      <ForgetData />
    </div>
    <SchoolPolicyPanel effective={effective} />
    </>
  );
}
