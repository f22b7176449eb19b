import { useEffect, useRef, useState } from 'preact/hooks';
import { itemKey, type ItemId } from '../../utils/checklist/items';
import type { ScoredItem } from '../../utils/checklist/types';
import { steps, t } from '../../utils/i18n';
import type { PlatformId } from '../../utils/platforms/types';
import { fixKey, formatDay, ScopeLine } from './ItemRow';

/**
 * "Check the rest" (issue 17): the items still to confirm, one screen each, heaviest first: why it matters, where the
 * setting lives (a Zoom account confirmation covers all of that account's rooms), the platform's steps, and one
 * click. Each screen's heading takes the focus, so a screen reader reads it at once; everything is a real button.
 */
export function CheckTheRest(props: {
  items: readonly ScoredItem[];
  platform: PlatformId;
  adapter: { label: string; settingsUrl?: string };
  maxAgeDays: number;
  busy: boolean;
  onConfirm: (id: ItemId) => Promise<boolean>;
  onClose: () => void;
}) {
  const { platform, adapter } = props;
  // The walk is fixed when it starts: confirming an item must not reshuffle the screens still to come.
  const [queue] = useState(() => props.items.filter((i) => i.state === 'unknown').map((i) => i.id));
  const [index, setIndex] = useState(0);
  const [skipped, setSkipped] = useState<ItemId[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [index]);

  if (index >= queue.length) {
    return (
      <section class="walk" aria-labelledby="walk-title" data-testid="walk-done">
        <h2 id="walk-title" tabIndex={-1} ref={heading}>
          {t('popup_walk_done')}
        </h2>
        {skipped.length > 0 && <p>{t('popup_walk_done_skipped', [skipped.map((id) => t(`item_${itemKey(id)}_title`)).join(', ')])}</p>}
        <button type="button" class="primary" onClick={props.onClose} data-testid="walk-close">
          {t('popup_walk_back')}
        </button>
      </section>
    );
  }

  const id = queue[index];
  const item = props.items.find((i) => i.id === id);
  const key = itemKey(id);
  const title = t(`item_${key}_title`);
  const list = steps(fixKey(platform, id));
  const next = () => setIndex((i) => i + 1);
  return (
    <section class="walk" aria-labelledby="walk-title" data-testid="walk" data-item={id}>
      <p class="muted" data-testid="walk-progress">
        {t('popup_walk_progress', [String(index + 1), String(queue.length)])}
      </p>
      <h2 id="walk-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <p>
        <strong>{t('popup_why_heading')}</strong> {t(`item_${key}_why`)}
      </p>
      {item && <ScopeLine item={item} label={adapter.label} />}
      {item?.staleConfirmationAt && (
        <p class="warn-soft" data-testid="walk-stale">
          {t('popup_stale', [formatDay(item.staleConfirmationAt), String(props.maxAgeDays)])}
        </p>
      )}
      <p class="steps-heading">
        <strong>{t('popup_how_to_check')}</strong>
      </p>
      {list.length > 0 ? (
        <ol class="steps">
          {list.map((s) => (
            <li>{s}</li>
          ))}
        </ol>
      ) : (
        <p>{t('popup_no_steps', [adapter.label])}</p>
      )}
      {adapter.settingsUrl && (
        <p>
          <a href={adapter.settingsUrl} target="_blank" rel="noreferrer">
            {t('popup_open_settings', [adapter.label])}
          </a>
        </p>
      )}
      <div class="walk-actions">
        <button
          type="button"
          class="primary"
          disabled={props.busy}
          data-testid="walk-confirm"
          aria-label={t('popup_confirm_aria', [title])}
          onClick={() => void props.onConfirm(id).then((ok) => ok && next())}
        >
          {t('popup_confirm')}
        </button>
        <button
          type="button"
          disabled={props.busy}
          data-testid="walk-skip"
          onClick={() => {
            setSkipped((s) => [...s, id]);
            next();
          }}
        >
          {t('popup_walk_skip')}
        </button>
        <button type="button" class="link" onClick={props.onClose} data-testid="walk-back">
          {t('popup_walk_back')}
        </button>
      </div>
    </section>
  );
}
