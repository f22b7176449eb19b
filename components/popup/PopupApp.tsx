import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { itemKey, type ItemId } from '../../utils/checklist/items';
import type { ScoredItem } from '../../utils/checklist/types';
import { t } from '../../utils/i18n';
import { sendMessage, type TabState } from '../../utils/messaging';
import { platformById } from '../../utils/platforms';
import { ItemRow } from './ItemRow';

/** The tab this popup speaks about: the active tab, or ?tab=<id> when opened as a page (tests, keyboard users). */
async function resolveTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

type Load = { status: 'loading' } | { status: 'none' } | { status: 'ready'; tabId: number; state: TabState };

const ORDER: Record<ScoredItem['state'], number> = { fail: 0, unknown: 1, pass: 2, 'n/a': 3 };

export function PopupApp() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    void (async () => {
      const tabId = await resolveTabId();
      const state = tabId === null ? null : await sendMessage('popup.getTabState', tabId).catch(() => null);
      setLoad(state && tabId !== null ? { status: 'ready', tabId, state } : { status: 'none' });
    })();
  }, []);

  if (load.status === 'loading') return <p aria-busy="true">{t('popupLoading')}</p>;
  if (load.status === 'none') {
    return (
      <section aria-labelledby="title">
        <h1 id="title">Vigie</h1>
        <p>{t('popupNoMeeting')}</p>
      </section>
    );
  }

  const { state, tabId } = load;
  const { result } = state;
  const platform = platformById(state.platform);
  const setConfirmed = async (itemId: ItemId, confirmed: boolean) => {
    const next = await sendMessage('popup.setConfirmation', { tabId, itemId, confirmed }).catch(() => null);
    if (next) setLoad({ status: 'ready', tabId, state: next });
  };
  const items = [...result.items].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
  const band = result.known ? result.band : 'neutral';

  return (
    <section aria-labelledby="title">
      <div class="head">
        <span class={`score band-${band}`} role="img" aria-label={result.known ? t('badgeLabel', [String(result.score)]) : t('badgeLabelUnknown')}>
          {result.known ? result.score : '?'}
        </span>
        <div>
          <h1 id="title">{platform?.label ?? state.platform}</h1>
          <p class="muted">{t('popupPotential', [String(result.potential)])}</p>
        </div>
      </div>
      {result.nextStep && (
        <p class="next" data-testid="next-step">
          <strong>{t('popupNextStep')}</strong> {t(`item_${itemKey(result.nextStep.id)}_${result.nextStep.action}`)}
        </p>
      )}
      <h2>{t('popupItemsHeading')}</h2>
      <ul>
        {items.map((item) => (
          <ItemRow key={item.id} item={item} platform={state.platform} onConfirm={setConfirmed} />
        ))}
      </ul>
    </section>
  );
}
