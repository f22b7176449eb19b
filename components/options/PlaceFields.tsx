import { t } from '../../utils/i18n';
import { DPJ_REGIONS, PROVINCES } from '../../utils/settings/areas';
import { REGIONS } from '../../utils/settings/schema';
import { SettingFieldset, type SectionProps } from './fields';
import type { Draft } from './options-draft';

/** The language, the region, and within the region the DPJ region (Québec) or the province (rest of Canada). */
export function PlaceFields({ draft, update, isLocked, org }: SectionProps) {
  const lock = { isLocked, org };
  return (
    <>
      <SettingFieldset name="language" legend={t('opt_language_legend')} {...lock}>
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
      </SettingFieldset>

      <SettingFieldset name="region" legend={t('opt_region_legend')} {...lock}>
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
      </SettingFieldset>

      {draft.region === 'qc' && (
        <SettingFieldset name="dpjRegion" legend={t('opt_dpj_legend')} {...lock}>
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
        </SettingFieldset>
      )}

      {draft.region === 'ca' && (
        <SettingFieldset name="province" legend={t('opt_province_legend')} {...lock}>
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
        </SettingFieldset>
      )}
    </>
  );
}
