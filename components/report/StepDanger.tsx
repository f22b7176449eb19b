import type { RefObject } from 'preact';
import { t } from '../../utils/i18n';
import type { Route } from '../../utils/report/route';

/** Step 1: is someone in danger right now? (The emergency numbers are above, on every step.) */
export function StepDanger({ route: r, headingRef, onNext }: { route: Route; headingRef: RefObject<HTMLHeadingElement>; onNext(): void }) {
  return (
    <section aria-labelledby="s1">
      <h2 id="s1" tabIndex={-1} ref={headingRef}>
        {t('report_danger_q')}
      </h2>
      <p>{t('report_danger_help')}</p>
      <p class="note">{t(r.duty)}</p>
      <div class="actions">
        <button type="button" onClick={onNext}>
          {t('report_danger_no')}
        </button>
      </div>
    </section>
  );
}
