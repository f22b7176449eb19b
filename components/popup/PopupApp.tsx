import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { glance } from '../../utils/checklist/glance';
import { itemKey, type ItemId } from '../../utils/checklist/items';
import type { ScoredItem } from '../../utils/checklist/types';
import { t } from '../../utils/i18n';
import { sendMessage, type TabState } from '../../utils/messaging';
import { tabStatesItem, badgePrefsItem, readBadgePrefs, setSiteHidden } from '../../utils/storage';
import { CheckTheRest } from './CheckTheRest';
import { ItemRow } from './ItemRow';

/** The tab this popup speaks about: the active tab, or ?tab=<id> when opened as a page (tests, keyboard users). */
export async function resolveTabId(search = location.search): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** Where "Report a concern" goes: the report page, told which tab the concern is about. */
export function reportUrl(tabId: number | null): string {
  const base = browser.runtime.getURL('/report.html' as '/');
  return tabId === null ? base : `${base}?tab=${tabId}`;
}

/**
 * The tab's state straight from session storage (no round trip to a service worker that may be asleep: the
 * popup budget is 100 ms); the background's answer when storage has nothing (e.g. storage was full).
 */
export async function loadTabState(tabId: number): Promise<TabState | null> {
  const stored = await tabStatesItem.getValue().catch(() => null);
  const state = stored && typeof stored === 'object' ? stored[String(tabId)] : undefined;
  return state ?? (await sendMessage('popup.getTabState', tabId).catch(() => null));
}

let early: Promise<{ tabId: number | null; state: TabState | null }> | undefined;

/** Start reading the tab and its state at once (main.tsx calls this before the language settings load). */
export function prefetchPopupState(): Promise<{ tabId: number | null; state: TabState | null }> {
  early ??= resolveTabId().then(async (tabId) => ({ tabId, state: tabId === null ? null : await loadTabState(tabId) }));
  return early;
}

type Load = { status: 'loading' } | { status: 'none'; tabId: number | null } | { status: 'ready'; tabId: number; state: TabState };

/** Items in the order a teacher acts on them: fix now, then to confirm, then good; heaviest first within a group. */
export function groupItems(items: readonly ScoredItem[]): { fix: ScoredItem[]; confirm: ScoredItem[]; good: ScoredItem[]; na: ScoredItem[] } {
  const byWeight = (a: ScoredItem, b: ScoredItem) => b.weight - a.weight;
  return {
    fix: items.filter((i) => i.state === 'fail').sort(byWeight),
    confirm: items.filter((i) => i.state === 'unknown').sort(byWeight),
    good: items.filter((i) => i.state === 'pass').sort(byWeight),
    na: items.filter((i) => i.state === 'n/a'),
  };
}

function ReportButton(props: { tabId: number | null }) {
  const url = reportUrl(props.tabId);
  return (
    <button
      type="button"
      class="report"
      data-href={url}
      onClick={() => {
        void browser.tabs.create({ url }).then(() => window.close(), () => undefined);
      }}
    >
      {t('popup_report')}
    </button>
  );
}

/** When the teacher hid the in-page badge on this site, say so and offer to bring it back (it reappears live). */
function HiddenBadgeNotice(props: { url: string }) {
  let site = '';
  try {
    site = new URL(props.url).hostname;
  } catch {
    /* no site: nothing to show */
  }
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (!site) return;
    void readBadgePrefs().then((p) => setHidden(p.hiddenSites.includes(site)));
    return badgePrefsItem.watch(() => void readBadgePrefs().then((p) => setHidden(p.hiddenSites.includes(site))));
  }, [site]);
  if (!hidden) return null;
  return (
    <p class="hidden-badge" data-testid="badge-hidden">
      {t('popup_badge_hidden', [site])}{' '}
      <button type="button" onClick={() => void setSiteHidden(site, false).catch(() => undefined)}>
        {t('popup_badge_show')}
      </button>
    </p>
  );
}

/** Opens the page-sample page for this tab (entrypoints/sample/): nothing is read until that page asks. */
function SampleLink(props: { tabId: number | null }) {
  if (props.tabId === null) return null;
  const url = `${browser.runtime.getURL('/sample.html' as '/')}?tab=${props.tabId}`;
  return (
    <button type="button" class="link" data-href={url} data-testid="sample-link" onClick={() => void browser.tabs.create({ url }).then(() => window.close(), () => undefined)}>
      {t('sample_popup_link')}
    </button>
  );
}

function SettingsLink() {
  return (
    <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
      {t('popup_open_options')}
    </button>
  );
}

function toLoad({ tabId, state }: { tabId: number | null; state: TabState | null }): Load {
  return state && state.isMeeting && tabId !== null ? { status: 'ready', tabId, state } : { status: 'none', tabId };
}

/** `initial`: the prefetched tab state when main.tsx already has it, so the first render is the real one. */
export function PopupApp(props: { initial?: { tabId: number | null; state: TabState | null } }) {
  const [load, setLoad] = useState<Load>(props.initial ? toLoad(props.initial) : { status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [walking, setWalking] = useState(false);

  useEffect(() => {
    if (load.status !== 'loading') return;
    void prefetchPopupState().then((p) => setLoad(toLoad(p)));
  }, []);

  if (load.status === 'loading') {
    return (
      <p aria-busy="true" class="loading">
        {t('popup_loading')}
      </p>
    );
  }
  if (load.status === 'none') {
    return (
      <>
        <header class="head">
          <span class="score band-neutral" aria-hidden="true">
            –
          </span>
          <h1 id="title">{t('popup_title')}</h1>
        </header>
        <p data-testid="no-meeting">{t('popup_no_meeting')}</p>
        <ReportButton tabId={load.tabId} />
        <footer>
          <SettingsLink />
          <SampleLink tabId={load.tabId} />
        </footer>
      </>
    );
  }

  const { state, tabId } = load;
  const { result } = state;
  const adapter = { label: state.platformLabel ?? state.platform, settingsUrl: state.settingsUrl };
  const setConfirmed = async (itemId: ItemId, confirmed: boolean) => {
    setBusy(true);
    const next = await sendMessage('popup.setConfirmation', { tabId, itemId, confirmed }).catch(() => null);
    setBusy(false);
    if (!next) {
      setAnnounce(t('popup_confirm_failed'));
      return false;
    }
    setLoad({ status: 'ready', tabId, state: next });
    const title = t(`item_${itemKey(itemId)}_title`);
    const after = glance(next.result);
    setAnnounce(t(confirmed ? 'popup_confirmed_announce' : 'popup_undone_announce', [title, after.number === null ? t(after.headlineKey) : String(after.number)]));
    return true;
  };
  const groups = groupItems(result.items);
  // At a glance (issue 17): the kind of room in words, the number for what is known (or "?"), the coverage mark.
  const g = glance(result);
  const scoreLabel = !result.known ? t('popup_score_unknown') : g.number === null ? t('popup_score_not_checked') : t('popup_score_label', [String(g.number)]);
  const coverage = t('coverage_mark', [String(g.coverage.checked), String(g.coverage.total)]);
  const maxAgeDays = state.confirmationMaxAgeDays ?? 90;
  const section = (id: string, heading: string, items: ScoredItem[], empty?: string) =>
    items.length > 0 || empty ? (
      <section class={`group group-${id}`} aria-labelledby={`h-${id}`} data-group={id}>
        <h2 id={`h-${id}`}>
          {heading} <span class="count">({items.length})</span>
        </h2>
        {items.length > 0 ? (
          <ul>
            {items.map((item) => (
              <ItemRow key={item.id} item={item} platform={state.platform} adapter={adapter} busy={busy} maxAgeDays={maxAgeDays} onConfirm={setConfirmed} />
            ))}
          </ul>
        ) : (
          <p class="muted">{empty}</p>
        )}
      </section>
    ) : null;

  return (
    <>
      <header class="head">
        <span class={`score band-${g.band}`} role="img" aria-label={`${scoreLabel}. ${coverage}`} data-testid="score" data-kind={g.kind}>
          {g.text}
        </span>
        <div>
          <h1 id="title">{adapter?.label ?? state.platform}</h1>
          <p class={`insight insight-${g.kind}`} data-testid="insight">
            {t(g.headlineKey)}
          </p>
          <p class="muted" data-testid="coverage">
            {coverage}
          </p>
          <p class="muted">{t(state.role === 'host' ? 'popup_role_host' : state.role === 'participant' ? 'popup_role_participant' : 'popup_role_unknown')}</p>
        </div>
      </header>
      {state.storageProblem && (
        <p class="warn" role="alert">
          {t('popup_storage_problem')}
        </p>
      )}
      {state.belowMinimum !== undefined && result.known && (
        <p class="warn" data-testid="below-minimum">
          {t('popup_below_minimum', [String(state.belowMinimum), String(result.score)])}
        </p>
      )}
      <p class="next" data-testid="next-step">
        <strong>{t('popup_next_step')}</strong>{' '}
        {result.nextStep ? t(`item_${itemKey(result.nextStep.id)}_${result.nextStep.action}`) : t('popup_nothing_left')}
      </p>
      {walking ? (
        <CheckTheRest
          items={result.items}
          platform={state.platform}
          adapter={adapter}
          maxAgeDays={maxAgeDays}
          busy={busy}
          onConfirm={(id) => setConfirmed(id, true)}
          onClose={() => setWalking(false)}
        />
      ) : (
        <>
      {groups.confirm.length > 0 && (
        <button type="button" class="primary check-rest" data-testid="check-rest" onClick={() => setWalking(true)}>
          {t('popup_check_rest', [String(groups.confirm.length)])}
        </button>
      )}
      {result.known && result.potential > result.score && (
        <p class="potential" data-testid="potential">
          {t('popup_potential', [String(result.potential)])}
        </p>
      )}
      <ReportButton tabId={tabId} />
      {section('fix', t('popup_group_fix'), groups.fix)}
      {section('confirm', t('popup_group_confirm'), groups.confirm)}
      {section('good', t('popup_group_good'), groups.good)}
      {section('na', t('popup_group_na'), groups.na)}
        </>
      )}
      <p class="sr-only" role="status" aria-live="polite" data-testid="announce">
        {announce}
      </p>
      <footer>
        <HiddenBadgeNotice url={state.url} />
        <SettingsLink />
        <SampleLink tabId={tabId} />
      </footer>
    </>
  );
}
