import { t } from '../../utils/i18n';
import { HoursNote } from './HoursNote';
import type { Destination } from '../../utils/report/destinations/schema';
import { countryOf, coverage, servicesEverywhere, type CountryGroup } from '../../utils/report/fallback';
import type { Route } from '../../utils/report/route';
import type { ReportData } from '../../utils/report/types';
import { REGIONS, type Region, type Settings } from '../../utils/settings/schema';

/**
 * The parts of "Where to send" that make sure a report reaches a real service (issue 15):
 * - the region, changeable right here (the teacher never has to leave the report);
 * - with no region known, every region's services for the concern, grouped by country, national hotlines first;
 * - with a region that has nothing for this concern, whom to call instead, and what other countries offer;
 * - "No outside service matches" only when it is true in every region.
 */

export function everywhereFor(settings: Pick<Settings, 'enabledDestinations' | 'lead'>, report: Pick<ReportData, 'category' | 'publicContent' | 'platformReported' | 'otherKind' | 'urgency' | 'strangerPrivate'>): CountryGroup[] {
  return servicesEverywhere({ category: report.category, publicContent: report.publicContent, platformReported: report.platformReported, otherKind: report.otherKind, urgency: report.urgency, strangerPrivate: report.strangerPrivate, enabledDestinations: settings.enabledDestinations, lead: settings.lead });
}

export function WhereRegion({ region, locked, onChange }: { region: Region; locked: boolean; onChange(r: Region): void }) {
  return (
    <div class="where-region" data-testid="where-region">
      {locked ? (
        <p>{t('report_where_region_locked', [t(`report_where_region_${region}`)])}</p>
      ) : (
        <>
          <label for="where-region">{t('report_where_region_label')}</label>
          <p class="hint" id="where-region-hint">
            {t('report_where_region_hint')}
          </p>
          <select id="where-region" aria-describedby="where-region-hint" value={region} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Region)}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`report_where_region_${r}`)}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}

function ServiceCard({ d, checked, onToggle, reason, note }: { d: Destination; checked?: boolean; onToggle?(v: boolean): void; reason?: string; note?: string }) {
  const name = t(`report_dest_${d.id}_name`);
  return (
    <div class="dest" data-dest={d.id}>
      <h4>
        {onToggle ? (
          <label>
            <input type="checkbox" checked={checked} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} /> {name}
          </label>
        ) : (
          name
        )}
      </h4>
      {note && <p class="muted">{note}</p>}
      <p>{t(`report_dest_${d.id}_scope`)}</p>
      {reason && <p class="muted">{t(reason)}</p>}
      {d.warning && <p class="warn">{t(d.warning)}</p>}
      {d.local && <p class="note">{t(d.local)}</p>}
      <HoursNote d={d} />
    </div>
  );
}

function Groups({ groups, chosen, toggle }: { groups: readonly CountryGroup[]; chosen: readonly string[]; toggle(id: string): (on: boolean) => void }) {
  return (
    <>
      {groups.map((g) => (
        <section key={g.country} aria-labelledby={`where-country-${g.country}`} data-country={g.country}>
          <h4 id={`where-country-${g.country}`}>{t(`report_where_country_${g.country}`)}</h4>
          {g.services.map((s) => (
            <ServiceCard
              key={s.destination.id}
              d={s.destination}
              note={s.reach === 'qc' ? t('report_where_reach_qc') : undefined}
              reason={s.held}
              checked={s.held ? undefined : chosen.includes(s.destination.id)}
              onToggle={s.held ? undefined : toggle(s.destination.id)}
            />
          ))}
        </section>
      ))}
    </>
  );
}

export function WhereServices(props: { region: Region; route: Route; groups: readonly CountryGroup[]; ready: boolean; chosen: readonly string[]; onChoose(c: string[]): void }) {
  const { region, route: r, groups, chosen } = props;
  const toggle = (id: string) => (on: boolean) => props.onChoose(on ? [...new Set([...chosen, id])] : chosen.filter((c) => c !== id));
  // The school's policy may restrict where reports go: wait for it (seconds at most, on a fresh profile only).
  if (!props.ready)
    return (
      <p class="hint" aria-busy="true" data-testid="where-waiting">
        {t('report_where_waiting')}
      </p>
    );
  const cov = coverage(region, r.suggested.length, r.held.length, groups);
  const callInstead = (lead: string) => (
    <>
      <p class="note" data-testid="call-instead">
        {lead} {t(`report_where_call_instead_${region}`)}
      </p>
      {r.gap && <p class="hint" data-testid="gap">{t(r.gap)}</p>}
    </>
  );
  const others = r.others.length > 0 && (
    <details>
      <summary>{t('report_others')}</summary>
      {r.others.map((d) => (
        <ServiceCard key={d.id} d={d} checked={chosen.includes(d.id)} onToggle={toggle(d.id)} />
      ))}
    </details>
  );
  if (cov === 'none') return callInstead(t('report_where_no_match'));
  if (cov === 'everywhere')
    return (
      <div data-testid="where-everywhere">
        <h3>{t('report_where_everywhere_h')}</h3>
        <p class="hint">{t('report_where_everywhere_help')}</p>
        <Groups groups={groups} chosen={chosen} toggle={toggle} />
      </div>
    );
  if (cov === 'elsewhere-only') {
    const own = countryOf(region);
    return (
      <>
        {callInstead(t('report_where_none_here', [t(`report_where_region_${region}`)]))}
        {others}
        <details data-testid="where-elsewhere">
          <summary>{t('report_where_elsewhere')}</summary>
          <Groups groups={groups.filter((g) => g.country !== own)} chosen={chosen} toggle={toggle} />
        </details>
      </>
    );
  }
  return (
    <>
      {r.suggested.length ? <h3>{t('report_suggested')}</h3> : callInstead(t('report_where_none_here', [t(`report_where_region_${region}`)]))}
      {r.suggested.map((d) => (
        <ServiceCard key={d.id} d={d} checked={chosen.includes(d.id)} onToggle={toggle(d.id)} />
      ))}
      {r.held.length > 0 && (
        <>
          <h3>{t('report_held')}</h3>
          {r.held.map((h) => (
            <ServiceCard key={h.destination.id} d={h.destination} reason={h.reason} />
          ))}
        </>
      )}
      {others}
    </>
  );
}
