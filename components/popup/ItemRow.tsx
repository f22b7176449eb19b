import { itemKey, type ItemId } from '../../utils/checklist/items';
import type { ScoredItem } from '../../utils/checklist/types';
import { steps, t } from '../../utils/i18n';
import type { PlatformId } from '../../utils/platforms/types';

const STATE_KEY: Record<ScoredItem['state'], string> = { pass: 'statePass', fail: 'stateFail', unknown: 'stateUnknown', 'n/a': 'stateNa' };
const STATE_CLASS: Record<ScoredItem['state'], string> = { pass: 'pass', fail: 'fail', unknown: 'unknown', 'n/a': 'na' };

export function ItemRow(props: { item: ScoredItem; platform: PlatformId; onConfirm: (id: ItemId, confirmed: boolean) => void }) {
  const { item, platform, onConfirm } = props;
  const key = itemKey(item.id);
  const fix = steps(`fix_${platform.replace(/-/g, '_')}_${key}`);
  return (
    <li class="item" data-item={item.id} data-state={item.state}>
      <div>
        <span class={`state state-${STATE_CLASS[item.state]}`}>{t(STATE_KEY[item.state])}</span> {t(`item_${key}_title`)}
        {item.by === 'teacher' && <span class="muted"> · {t('confirmedByYou')}</span>}
      </div>
      <div class="evidence">{t('evidenceLabel')} {item.evidence}</div>
      {(item.state === 'fail' || item.state === 'unknown') && fix.length > 0 && (
        <details>
          <summary>{item.state === 'fail' ? t('howToFix') : t('howToCheck')}</summary>
          <ol class="steps">
            {fix.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
        </details>
      )}
      {item.state === 'unknown' && (
        <button type="button" onClick={() => onConfirm(item.id, true)}>
          {t('confirmButton')}
        </button>
      )}
      {item.by === 'teacher' && (
        <button type="button" onClick={() => onConfirm(item.id, false)}>
          {t('undoConfirmButton')}
        </button>
      )}
    </li>
  );
}
