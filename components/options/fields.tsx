import type { ComponentChildren, JSX } from 'preact';
import { t } from '../../utils/i18n';
import type { SettingKey } from '../../utils/settings/schema';
import type { Draft, Errors } from './options-draft';

/** What every section of the options form receives from OptionsApp. */
export interface SectionProps {
  draft: Draft;
  update(patch: Partial<Draft>): void;
  isLocked(key: SettingKey): boolean;
  /** The school's organisation name, for "Set by …". */
  org: string;
  errors: Errors;
}

export function LockNote(props: { locked: boolean; org: string }): JSX.Element | null {
  if (!props.locked) return null;
  return (
    <p class="lock" data-testid="locked">
      <span aria-hidden="true">🔒 </span>
      {props.org ? t('policy_locked_by_org', [props.org]) : t('policy_locked_by_school')}
    </p>
  );
}

/** One setting's fieldset: disabled, with the reason, when the school's policy locks it. */
export function SettingFieldset({ name, legend, isLocked, org, children }: { name: SettingKey; legend: string; isLocked(key: SettingKey): boolean; org: string; children: ComponentChildren }) {
  return (
    <fieldset disabled={isLocked(name)} data-key={name}>
      <legend>{legend}</legend>
      <LockNote locked={isLocked(name)} org={org} />
      {children}
    </fieldset>
  );
}

export function FieldError(props: { id: string; text?: string }) {
  return props.text ? (
    <p class="error" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

/** An input's error attributes, pointing at its FieldError, when it has one. */
export function described(errors: Errors, key: string) {
  return errors[key] ? { 'aria-invalid': true, 'aria-describedby': `err-${key.replace('.', '-')}` } : {};
}
