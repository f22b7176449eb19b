import type { ComponentChildren, RefObject } from 'preact';
import type { Draft } from '../../utils/incidents/types';
import { t } from '../../utils/i18n';
import type { LeadRoute, Route } from '../../utils/report/route';
import { EmergencyFirst } from './Emergency';

/** The school's lead or the second contact, as a card in "Where to send". */
function LeadCard({ id, lead, name, checked, onToggle, note }: { id: string; lead: LeadRoute; name: string; checked: boolean; onToggle(v: boolean): void; note?: string }) {
  return (
    <div class="dest" data-dest={id}>
      <h3>
        <label>
          <input type="checkbox" checked={checked} disabled={!lead.configured} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} /> {name}
        </label>
      </h3>
      <p>{t(id === 'lead' ? 'report_dest_lead_scope' : 'report_dest_alternate_scope')}</p>
      {note && <p class="warn">{t(note)}</p>}
      {!lead.configured && <p class="warn">{t('report_lead_missing')}</p>}
    </div>
  );
}

/** Step 3: where to send it. `picker` is the region choice, `services` the outside services (WhereToSend.tsx). */
export function StepWhere({ draft, route: r, headingRef, onChoose, onBack, onNext, picker, services }: { draft: Draft; route: Route; headingRef: RefObject<HTMLHeadingElement>; onChoose(c: string[]): void; onBack(): void; onNext(): void; picker: ComponentChildren; services: ComponentChildren }) {
  const toggle = (id: string) => (on: boolean) => onChoose(on ? [...new Set([...draft.chosen, id])] : draft.chosen.filter((c) => c !== id));
  // Never blocks (issue 15): with no destination ticked, or only a lead without a contact, the next step still
  // lets the teacher copy the text, download it, or go back and open a service's form or call it.
  const nothingUsable = !draft.chosen.some((c) => (c !== 'lead' || r.lead.configured) && (c !== 'alternate' || !!r.alternate));
  return (
    <section aria-labelledby="s3">
      <h2 id="s3" tabIndex={-1} ref={headingRef}>
        {t('report_step_3')}
      </h2>
      {r.emergencyFirst && <EmergencyFirst route={r} />}
      {picker}
      <p class="note">{t(r.duty)}</p>
      {r.staff && (
        <div class="note" data-testid="staff-route">
          <h3>{t('report_staff_route_h')}</h3>
          <ol>
            {r.staff.steps.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ol>
        </div>
      )}
      <LeadCard id="lead" lead={r.lead} name={r.lead.name || t('report_dest_lead_name')} checked={draft.chosen.includes('lead')} onToggle={toggle('lead')} note={r.leadConcerned ? 'report_lead_concerned_note' : undefined} />
      {r.alternate && <LeadCard id="alternate" lead={r.alternate} name={r.alternate.name || t('report_dest_alternate_name')} checked={draft.chosen.includes('alternate')} onToggle={toggle('alternate')} />}
      {r.leadConcerned && !r.alternate && <p class="warn">{t('report_alt_missing')}</p>}
      {services}
      {nothingUsable && <p class="hint" data-testid="where-none-chosen">{t('report_where_none_chosen')}</p>}
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('report_back')}
        </button>
        <button type="button" onClick={onNext}>
          {t('report_next')}
        </button>
      </div>
    </section>
  );
}
