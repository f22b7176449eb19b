import { itemKey, type ItemId } from '../../utils/checklist/items';
import type { ScoredItem } from '../../utils/checklist/types';
import { steps, t, uiLanguage } from '../../utils/i18n';
import type { PlatformId } from '../../utils/platforms/types';

const STATE_KEY: Record<ScoredItem['state'], string> = { pass: 'popup_state_pass', fail: 'popup_state_fail', unknown: 'popup_state_unknown', 'n/a': 'popup_state_na' };

/** i18n key of this platform's steps for an item (fix_<platform>_<item>): one message, one step per line. */
export function fixKey(platform: PlatformId, id: ItemId): string {
  return `fix_${platform.replace(/-/g, '_')}_${itemKey(id)}`;
}

/** A confirmation's day in the popup's language ("23 November 2026" / "23 novembre 2026"). */
export function formatDay(at: string, lang: string = uiLanguage()): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at.slice(0, 10);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** Where the item's setting lives, so the teacher knows what one check covers (issue 17). */
export function ScopeLine(props: { item: ScoredItem; label: string }) {
  const scope = props.item.scope ?? 'room';
  return (
    <p class="scope" data-testid="scope" data-scope={scope}>
      {scope === 'room' ? t('popup_scope_room') : t(scope === 'account' ? 'popup_scope_account' : 'popup_scope_organisation', [props.label])}
    </p>
  );
}

/** "confirmed by you on 23 November 2026, for your Zoom account". */
export function confirmedWords(item: ScoredItem, label: string): string {
  const day = formatDay(item.confirmedAt ?? '');
  if (item.confirmedScope === 'account') return t('popup_confirmed_on_account', [day, label]);
  if (item.confirmedScope === 'organisation') return t('popup_confirmed_on_organisation', [day, label]);
  return t('popup_confirmed_on', [day]);
}

/**
 * One checklist item: its title in the summary of a <details> (keyboard and screen-reader friendly without
 * script), and inside it why it matters (paraphrasing the CCPE basis), what Vigie read, and numbered steps for
 * this platform. Items Vigie could not read offer "I checked this"; a confirmation can be undone.
 */
export function ItemRow(props: { item: ScoredItem; platform: PlatformId; adapter?: { label: string; settingsUrl?: string }; busy: boolean; maxAgeDays?: number; onConfirm: (id: ItemId, confirmed: boolean) => void }) {
  const { item, platform, adapter, busy, onConfirm } = props;
  const key = itemKey(item.id);
  const title = t(`item_${key}_title`);
  const fix = item.state === 'fail' || item.state === 'unknown' ? steps(fixKey(platform, item.id)) : [];
  return (
    <li class="item" data-item={item.id} data-state={item.state} data-by={item.by}>
      <details>
        <summary>
          <span class={`state state-${item.state === 'n/a' ? 'na' : item.state}`}>{t(STATE_KEY[item.state])}</span>
          <span class="sep" aria-hidden="true"> · </span>
          <span class="title">{title}</span>
          {item.by === 'teacher' && (
            <span class="muted" data-testid="confirmed-on">
              {' '}
              ({item.confirmedAt ? confirmedWords(item, adapter?.label ?? platform) : t('popup_confirmed_by_you')})
            </span>
          )}
        </summary>
        <div class="detail">
          <p>
            <strong>{t('popup_why_heading')}</strong> {t(`item_${key}_why`)}
          </p>
          {item.state === 'unknown' && item.staleConfirmationAt && <p class="warn-soft">{t('popup_stale', [formatDay(item.staleConfirmationAt), String(props.maxAgeDays ?? 90)])}</p>}
          {(item.state === 'unknown' || item.by === 'teacher') && <ScopeLine item={item} label={adapter?.label ?? platform} />}
          <p class="evidence">
            <strong>{t('popup_evidence_heading')}</strong> {item.by === 'teacher' ? t('popup_evidence_teacher') : item.evidence}
          </p>
          {fix.length > 0 && (
            <>
              <p class="steps-heading">
                <strong>{item.state === 'fail' ? t('popup_how_to_fix') : t('popup_how_to_check')}</strong>
              </p>
              <ol class="steps">
                {fix.map((s) => (
                  <li>{s}</li>
                ))}
              </ol>
            </>
          )}
          {fix.length > 0 && adapter?.settingsUrl && (
            <p>
              <a href={adapter.settingsUrl} target="_blank" rel="noreferrer">
                {t('popup_open_settings', [adapter.label])}
              </a>
            </p>
          )}
        </div>
      </details>
      {item.state === 'unknown' && (
        <button type="button" class="confirm" disabled={busy} onClick={() => onConfirm(item.id, true)} aria-label={t('popup_confirm_aria', [title])}>
          {t('popup_confirm')}
        </button>
      )}
      {item.by === 'teacher' && (
        <button type="button" class="undo" disabled={busy} onClick={() => onConfirm(item.id, false)} aria-label={t('popup_undo_aria', [title])}>
          {t('popup_undo')}
        </button>
      )}
    </li>
  );
}
