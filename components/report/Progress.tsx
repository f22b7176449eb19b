import { t } from '../../utils/i18n';
import type { SaveError } from './useDraft';

/** The four steps, the current one marked for screen readers. */
export function StepList({ step }: { step: number }) {
  return (
    <ol class="steps" aria-label={t('report_steps_label')}>
      {[1, 2, 3, 4].map((n) => (
        <li key={n} aria-current={step === n - 1 ? 'step' : undefined}>
          {n}. {t(`report_step_${n}`)}
        </li>
      ))}
    </ol>
  );
}

/** Whether the draft is saved (a full disk is said plainly), then the page's last message. */
export function SaveStatus({ saveError, status }: { saveError: SaveError; status: string }) {
  return (
    <p class="status" role="status" aria-live="polite" data-testid="status">
      {saveError && <span class="error">{t(saveError === 'full' ? 'report_storage_full' : 'report_save_failed')}</span>}
      {saveError && status ? ' ' : ''}
      {status}
    </p>
  );
}
