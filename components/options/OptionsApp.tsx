import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { applyLanguageSettings, t } from '../../utils/i18n';
import { PLATFORM_IDS, REGIONS, SettingsSchema, type SettingKey, type Settings } from '../../utils/settings/schema';
import { getEffectiveSettings, type EffectiveSettings } from '../../utils/settings/effective';
import { userSettingsItem } from '../../utils/storage';
import { onPolicyChanged } from '../../utils/settings/policy/read';
import { DPJ_REGIONS, PROVINCES } from '../../utils/report/areas';
import { SelfHostedOrigins } from './SelfHostedOrigins';
import { BoundarySettings } from './BoundarySettings';
import { ForgetData } from './ForgetData';
import { SchoolPolicyPanel } from './SchoolPolicyPanel';

import { PLATFORM_LABELS } from '../../utils/platforms/ids';

export { PLATFORM_LABELS };

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];

/** The keys this page edits (others — self-hosted origins, policy-only keys — are edited elsewhere or untouched). */
const EDITED: SettingKey[] = ['language', 'region', 'lead', 'schoolHours', 'disabledPlatforms', 'dpjRegion', 'province', 'alternateLead'];

type Draft = Pick<Settings, 'language' | 'region' | 'lead' | 'schoolHours' | 'disabledPlatforms' | 'dpjRegion' | 'province' | 'alternateLead'>;
type Errors = Partial<Record<string, string>>;

/**
 * Checks the words a teacher typed before anything is saved. Returns one message per bad field; nothing is
 * saved while any remain, and the typed values stay in the form (nothing lost).
 */
export function validateDraft(draft: Draft): Errors {
  const errors: Errors = {};
  const { lead, schoolHours } = draft;
  if (lead.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(lead.email.trim())) errors['lead.email'] = t('opt_error_email');
  if (lead.phone.trim() && !/^[+()\d][\d\s().-]{2,39}$/.test(lead.phone.trim())) errors['lead.phone'] = t('opt_error_phone');
  if (lead.formUrl.trim() && !/^https:\/\/[^\s]+$/i.test(lead.formUrl.trim())) errors['lead.formUrl'] = t('opt_error_url');
  // The second contact (when the lead may be the person concerned): same rules as the lead.
  const alt = draft.alternateLead ?? { name: '', email: '', phone: '', formUrl: '' };
  if (alt.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alt.email.trim())) errors['alternateLead.email'] = t('opt_error_email');
  if (alt.phone.trim() && !/^[+()\d][\d\s().-]{2,39}$/.test(alt.phone.trim())) errors['alternateLead.phone'] = t('opt_error_phone');
  if (!isTimeZone(schoolHours.timeZone)) errors.timeZone = t('opt_error_timezone');
  for (const day of DAYS) {
    for (const range of schoolHours.days[day]) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(range.start) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(range.end) || range.start >= range.end) {
        errors[`day.${day}`] = t('opt_error_hours');
      }
    }
  }
  for (const key of EDITED) {
    const parsed = SettingsSchema.shape[key].safeParse(draft[key as keyof Draft]);
    if (!parsed.success && !Object.keys(errors).length) errors.form = t('opt_error_generic');
  }
  return errors;
}

function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function LockNote(props: { locked: boolean; org: string }): JSX.Element | null {
  if (!props.locked) return null;
  return (
    <p class="lock" data-testid="locked">
      <span aria-hidden="true">🔒 </span>
      {props.org ? t('policy_locked_by_org', [props.org]) : t('policy_locked_by_school')}
    </p>
  );
}

function FieldError(props: { id: string; text?: string }) {
  return props.text ? (
    <p class="error" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

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
  const setLead = (field: keyof Draft['lead'], value: string) => update({ lead: { ...draft.lead, [field]: value } });
  const setDay = (day: Day, patch: { open?: boolean; start?: string; end?: string }) => {
    const ranges = draft.schoolHours.days[day];
    const first = ranges[0] ?? { start: '08:00', end: '16:30' };
    let next = ranges;
    if (patch.open === false) next = [];
    else if (patch.open === true) next = [first];
    else next = [{ start: patch.start ?? first.start, end: patch.end ?? first.end }, ...ranges.slice(1)];
    update({ schoolHours: { ...draft.schoolHours, days: { ...draft.schoolHours.days, [day]: next } } });
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

  const err = (key: string) => errors[key];
  const described = (key: string) => (err(key) ? { 'aria-invalid': true, 'aria-describedby': `err-${key.replace('.', '-')}` } : {});

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

      <fieldset disabled={isLocked('language')} data-key="language">
        <legend>{t('opt_language_legend')}</legend>
        <LockNote locked={isLocked('language')} org={org} />
        <label for="language">{t('opt_language_label')}</label>
        <select id="language" value={draft.language} onChange={(e) => update({ language: (e.currentTarget as HTMLSelectElement).value as Draft['language'] })}>
          <option value="auto">{t('opt_language_auto')}</option>
          <option value="fr" lang="fr">
            Français
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </fieldset>

      <fieldset disabled={isLocked('region')} data-key="region">
        <legend>{t('opt_region_legend')}</legend>
        <LockNote locked={isLocked('region')} org={org} />
        <label for="region">{t('opt_region_label')}</label>
        <select id="region" value={draft.region} aria-describedby="region-hint" onChange={(e) => update({ region: (e.currentTarget as HTMLSelectElement).value as Draft['region'] })}>
          {REGIONS.map((r) => (
            <option value={r}>{t(`opt_region_${r}`)}</option>
          ))}
        </select>
        <p class="hint" id="region-hint" data-testid="region-hint">
          {t(`opt_region_hint_${draft.region}`)}
        </p>
        {/* The welcome page (issue 15): where you teach and your lead, in two questions. */}
        <p>
          <a href="welcome.html" data-testid="reopen-welcome">
            {t('welcome_reopen')}
          </a>
        </p>
      </fieldset>

      {draft.region === 'qc' && (
        <fieldset disabled={isLocked('dpjRegion')} data-key="dpjRegion">
          <legend>{t('opt_dpj_legend')}</legend>
          <LockNote locked={isLocked('dpjRegion')} org={org} />
          <label for="dpjRegion">{t('opt_dpj_label')}</label>
          <select id="dpjRegion" value={draft.dpjRegion} aria-describedby="dpj-hint" onChange={(e) => update({ dpjRegion: (e.currentTarget as HTMLSelectElement).value as Draft['dpjRegion'] })}>
            <option value="">{t('opt_area_all')}</option>
            {DPJ_REGIONS.map((r) => (
              <option value={r}>{t(`opt_dpj_${r.replace(/-/g, '_')}`)}</option>
            ))}
          </select>
          <p class="hint" id="dpj-hint">
            {t('opt_dpj_hint')}
          </p>
        </fieldset>
      )}

      {draft.region === 'ca' && (
        <fieldset disabled={isLocked('province')} data-key="province">
          <legend>{t('opt_province_legend')}</legend>
          <LockNote locked={isLocked('province')} org={org} />
          <label for="province">{t('opt_province_label')}</label>
          <select id="province" value={draft.province} aria-describedby="province-hint" onChange={(e) => update({ province: (e.currentTarget as HTMLSelectElement).value as Draft['province'] })}>
            <option value="">{t('opt_area_all')}</option>
            {PROVINCES.map((p) => (
              <option value={p}>{t(`opt_province_${p}`)}</option>
            ))}
          </select>
          <p class="hint" id="province-hint">
            {t('opt_province_hint')}
          </p>
        </fieldset>
      )}

      <fieldset disabled={isLocked('lead')} data-key="lead">
        <legend>{t('opt_lead_legend')}</legend>
        <LockNote locked={isLocked('lead')} org={org} />
        <p class="hint">{t('opt_lead_hint')}</p>
        {(['name', 'email', 'phone', 'formUrl'] as const).map((field) => (
          <div class="row">
            <label for={`lead-${field}`}>{t(`opt_lead_${field}`)}</label>
            <input
              id={`lead-${field}`}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : field === 'formUrl' ? 'url' : 'text'}
              autocomplete="off"
              value={draft.lead[field]}
              onInput={(e) => setLead(field, (e.currentTarget as HTMLInputElement).value)}
              {...described(`lead.${field}`)}
            />
            <FieldError id={`err-lead-${field}`} text={err(`lead.${field}`)} />
          </div>
        ))}
      </fieldset>

      <fieldset disabled={isLocked('alternateLead')} data-key="alternateLead">
        <legend>{t('opt_alt_legend')}</legend>
        <LockNote locked={isLocked('alternateLead')} org={org} />
        <p class="hint">{t('opt_alt_hint')}</p>
        {(['name', 'email', 'phone'] as const).map((field) => (
          <div class="row">
            <label for={`alt-${field}`}>{t(`opt_lead_${field}`)}</label>
            <input
              id={`alt-${field}`}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
              autocomplete="off"
              value={draft.alternateLead[field]}
              onInput={(e) => update({ alternateLead: { ...draft.alternateLead, [field]: (e.currentTarget as HTMLInputElement).value } })}
              {...described(`alternateLead.${field}`)}
            />
            <FieldError id={`err-alt-${field}`} text={err(`alternateLead.${field}`)} />
          </div>
        ))}
      </fieldset>

      <fieldset disabled={isLocked('schoolHours')} data-key="schoolHours">
        <legend>{t('opt_hours_legend')}</legend>
        <LockNote locked={isLocked('schoolHours')} org={org} />
        <p class="hint">{t('opt_hours_hint')}</p>
        <div class="row">
          <label for="timezone">{t('opt_hours_timezone')}</label>
          <input id="timezone" type="text" value={draft.schoolHours.timeZone} onInput={(e) => update({ schoolHours: { ...draft.schoolHours, timeZone: (e.currentTarget as HTMLInputElement).value.trim() } })} {...described('timeZone')} />
          <FieldError id="err-timeZone" text={err('timeZone')} />
        </div>
        <table class="hours">
          <caption class="sr-only">{t('opt_hours_legend')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('opt_hours_day')}</th>
              <th scope="col">{t('opt_hours_open')}</th>
              <th scope="col">{t('opt_hours_start')}</th>
              <th scope="col">{t('opt_hours_end')}</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((day) => {
              const range = draft.schoolHours.days[day][0];
              const dayName = t(`opt_day_${day}`);
              return (
                <tr data-day={day}>
                  <th scope="row">{dayName}</th>
                  <td>
                    <input type="checkbox" aria-label={t('opt_hours_open_aria', [dayName])} checked={!!range} onChange={(e) => setDay(day, { open: (e.currentTarget as HTMLInputElement).checked })} />
                  </td>
                  <td>
                    {range && <input type="time" aria-label={t('opt_hours_start_aria', [dayName])} value={range.start} onInput={(e) => setDay(day, { start: (e.currentTarget as HTMLInputElement).value })} {...described(`day.${day}`)} />}
                  </td>
                  <td>
                    {range && <input type="time" aria-label={t('opt_hours_end_aria', [dayName])} value={range.end} onInput={(e) => setDay(day, { end: (e.currentTarget as HTMLInputElement).value })} {...described(`day.${day}`)} />}
                    <FieldError id={`err-day-${day}`} text={err(`day.${day}`)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset disabled={isLocked('disabledPlatforms')} data-key="disabledPlatforms">
        <legend>{t('opt_platforms_legend')}</legend>
        <LockNote locked={isLocked('disabledPlatforms')} org={org} />
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
      </fieldset>

      <div class="actions">
        <button type="submit" class="primary">
          {t('opt_save')}
        </button>
        <p role="status" aria-live="polite" data-testid="status">
          {status}
        </p>
        <FieldError id="err-form" text={err('form')} />
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
