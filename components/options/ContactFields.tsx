import { t } from '../../utils/i18n';
import { described, FieldError, SettingFieldset, type SectionProps } from './fields';
import type { Draft } from './options-draft';

/** The school's lead for reports of concern, and the second contact for when the lead may be the person concerned. */
export function ContactFields({ draft, update, isLocked, org, errors }: SectionProps) {
  const setLead = (field: keyof Draft['lead'], value: string) => update({ lead: { ...draft.lead, [field]: value } });
  return (
    <>
      <SettingFieldset name="lead" legend={t('opt_lead_legend')} isLocked={isLocked} org={org}>
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
              {...described(errors, `lead.${field}`)}
            />
            <FieldError id={`err-lead-${field}`} text={errors[`lead.${field}`]} />
          </div>
        ))}
      </SettingFieldset>

      <SettingFieldset name="alternateLead" legend={t('opt_alt_legend')} isLocked={isLocked} org={org}>
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
              {...described(errors, `alternateLead.${field}`)}
            />
            <FieldError id={`err-alt-${field}`} text={errors[`alternateLead.${field}`]} />
          </div>
        ))}
      </SettingFieldset>
    </>
  );
}
