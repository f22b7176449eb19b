import { t } from '../../utils/i18n';
import { described, FieldError, SettingFieldset, type SectionProps } from './fields';
import { DAYS, type Day } from './options-draft';

/** The school's hours and time zone, one range per day (the boundaries reminders use them). */
export function SchoolHoursField({ draft, update, isLocked, org, errors }: SectionProps) {
  const setDay = (day: Day, patch: { open?: boolean; start?: string; end?: string }) => {
    const ranges = draft.schoolHours.days[day];
    const first = ranges[0] ?? { start: '08:00', end: '16:30' };
    let next = ranges;
    if (patch.open === false) next = [];
    else if (patch.open === true) next = [first];
    else next = [{ start: patch.start ?? first.start, end: patch.end ?? first.end }, ...ranges.slice(1)];
    update({ schoolHours: { ...draft.schoolHours, days: { ...draft.schoolHours.days, [day]: next } } });
  };
  return (
    <SettingFieldset name="schoolHours" legend={t('opt_hours_legend')} isLocked={isLocked} org={org}>
      <p class="hint">{t('opt_hours_hint')}</p>
      <div class="row">
        <label for="timezone">{t('opt_hours_timezone')}</label>
        <input id="timezone" type="text" value={draft.schoolHours.timeZone} onInput={(e) => update({ schoolHours: { ...draft.schoolHours, timeZone: (e.currentTarget as HTMLInputElement).value.trim() } })} {...described(errors, 'timeZone')} />
        <FieldError id="err-timeZone" text={errors.timeZone} />
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
                  {range && <input type="time" aria-label={t('opt_hours_start_aria', [dayName])} value={range.start} onInput={(e) => setDay(day, { start: (e.currentTarget as HTMLInputElement).value })} {...described(errors, `day.${day}`)} />}
                </td>
                <td>
                  {range && <input type="time" aria-label={t('opt_hours_end_aria', [dayName])} value={range.end} onInput={(e) => setDay(day, { end: (e.currentTarget as HTMLInputElement).value })} {...described(errors, `day.${day}`)} />}
                  <FieldError id={`err-day-${day}`} text={errors[`day.${day}`]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SettingFieldset>
  );
}
