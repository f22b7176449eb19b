import { t } from '../../utils/i18n';
import { hoursOf, hoursText, isOpen } from '../../utils/report/destinations/hours';
import type { Channel, Destination } from '../../utils/report/destinations/schema';

const labels = (key: string, subs?: string[]) => t(key, subs);

/** Hours of a destination (or one of its channels), and what to do instead when it is closed now. */
export function HoursNote({ d, c }: { d: Destination; c?: Channel }) {
  const hours = hoursOf(d, c);
  const open = isOpen(hours, new Date());
  return (
    <p class="hint" data-testid="hours">
      {t('report_hours_label', [hoursText(hours, labels)])}
      {open === false && d.outOfHours ? <strong class="warn"> {t('report_closed_now')} {t(d.outOfHours)}</strong> : null}
      {open === null && d.outOfHours ? <span> {t(d.outOfHours)}</span> : null}
    </p>
  );
}
