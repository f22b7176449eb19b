import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { IncidentStore } from '../../utils/incidents/db';
import { t } from '../../utils/i18n';
import { UnlockForm, useLockState } from './LogLock';

/**
 * Before the report page opens a draft saved sealed, it needs the passphrase. A teacher who cannot remember it
 * can still start a new report (after confirming that the sealed draft is deleted): reporting is never blocked.
 * `emergency`: the emergency numbers, shown while the gate checks the draft and above the unlock form, so a locked
 * draft never hides whom to call (issue 15: the numbers are on screen at once).
 */
export function DraftGate({ store, children, emergency }: { store: IncidentStore; children: ComponentChildren; emergency?: ComponentChildren }) {
  const [need, setNeed] = useState<boolean | null>(null);
  const [confirm, setConfirm] = useState(false);
  useLockState(store); // use of the page restarts the idle timer
  useEffect(() => {
    // Checked once: once the page holds the draft it keeps it, even if the log locks later.
    void store.draftNeedsUnlock().then(setNeed, () => setNeed(false));
  }, []);
  if (need === null)
    return (
      <>
        {emergency}
        <p aria-busy="true">{t('report_loading')}</p>
      </>
    );
  if (!need) return <>{children}</>;
  return (
    <section aria-labelledby="unlock-h" data-testid="draft-gate">
      <h1>{t('report_page_title')}</h1>
      {emergency}
      <p>{t('loglock_draft_locked')}</p>
      <UnlockForm store={store} onUnlocked={() => setNeed(false)} />
      <div class="actions">
        <button type="button" class="danger" onClick={() => (confirm ? void store.clearDraft().then(() => setNeed(false)) : setConfirm(true))}>
          {t(confirm ? 'loglock_discard_confirm' : 'loglock_discard')}
        </button>
      </div>
    </section>
  );
}
