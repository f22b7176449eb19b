import type { RefObject } from 'preact';
import { t } from '../../utils/i18n';

/** The report is finished: kept in the log or deleted, and a new one can begin. */
export function StepDone({ kept, headingRef, onNew }: { kept: boolean; headingRef: RefObject<HTMLHeadingElement>; onNew(): void }) {
  return (
    <section aria-labelledby="done-h">
      <h2 id="done-h" tabIndex={-1} ref={headingRef}>
        {t(kept ? 'report_finished_kept' : 'report_finished_deleted')}
      </h2>
      <div class="actions">
        <button type="button" onClick={onNew}>
          {t('report_new')}
        </button>
      </div>
    </section>
  );
}
