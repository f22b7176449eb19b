import { t } from '../../utils/i18n';
import { emergencyHref } from '../../utils/report/destinations/links';
import type { Route } from '../../utils/report/route';

/**
 * The emergency numbers for the region, on every step (compact after the first). report.html carries a static copy
 * for the first paint, before any script runs; main.tsx replaces it with this one.
 */
export function Emergency({ route: r, compact }: { route: Pick<Route, 'emergency'>; compact: boolean }) {
  return (
    <aside class={`emergency${compact ? ' compact' : ''}`} aria-label={t('report_danger_q')}>
      {compact && <strong>{t('report_emergency_short')} </strong>}
      <ul>
        {r.emergency.map((e) => (
          <li key={e.number}>
            <a class="call" href={emergencyHref(e)} data-testid="emergency">
              {t(e.sms ? 'report_text' : 'report_call', [e.number])}
            </a>
            {!compact && <span class="muted"> — {t(e.label)}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** In "Where to send", when the concern calls for it: call the emergency services first. */
export function EmergencyFirst({ route: r }: { route: Pick<Route, 'emergency'> }) {
  return (
    <aside class="emergency" data-testid="emergency-first" aria-label={t('report_immediate_h')}>
      <strong>{t('report_immediate_h')}</strong>
      <ul>
        {r.emergency.map((e) => (
          <li key={e.number}>
            <a class="call" href={emergencyHref(e)}>
              {t(e.sms ? 'report_text' : 'report_call', [e.number])}
            </a>
            <span class="muted"> — {t(e.label)}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
