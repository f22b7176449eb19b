import { useEffect, useState } from 'preact/hooks';
import type { IncidentStore } from '../../utils/incidents/db';
import { LogChangedError, type LockState, type UnlockResult } from '../../utils/incidents/vault';
import { t } from '../../utils/i18n';
import { Passphrase, PassphraseForm } from './Passphrase';

/**
 * The incident log's passphrase (issue 23): set one (with the plain warning that it cannot be recovered, and an
 * export offered first), unlock, lock now, the idle time, change it. docs/privacy.md says what this protects.
 */

export const MIN_PASSPHRASE = 10;
const IDLE_CHOICES = [5, 15, 30, 60];

/** The store's lock state, kept current (idle lock, lock now, another part of the page unlocking). */
export function useLockState(store: IncidentStore): LockState | null {
  const [state, setState] = useState<LockState | null>(null);
  useEffect(() => {
    let live = true;
    void store.lockState().then((s) => live && setState(s), () => live && setState('locked'));
    const off = store.onLockChange((s) => setState(s));
    // Any use of the page restarts the idle timer.
    const touch = () => store.touch();
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    events.forEach((e) => addEventListener(e, touch, { passive: true }));
    return () => {
      live = false;
      off();
      events.forEach((e) => removeEventListener(e, touch));
    };
  }, [store]);
  return state;
}

function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s >= 120 ? t('loglock_wait_minutes', [String(Math.ceil(s / 60))]) : t('loglock_wait_seconds', [String(s)]);
}

function resultText(r: UnlockResult): string {
  if (r.ok) return '';
  if (r.reason === 'none') return t('loglock_not_protected');
  if (r.reason === 'wait') return t('loglock_too_many', [waitText(r.waitMs)]);
  return r.waitMs ? t('loglock_wrong_wait', [String(r.failures), waitText(r.waitMs)]) : t('loglock_wrong');
}

/** The unlock form. */
export function UnlockForm({ store, onUnlocked }: { store: IncidentStore; onUnlocked?(): void }) {
  const run = async (pass: string, clear: () => void) => {
    try {
      const r = await store.unlock(pass);
      clear();
      if (r.ok) onUnlocked?.();
      return resultText(r);
    } catch (err) {
      return t('report_error', [String((err as Error)?.message ?? err)]);
    }
  };
  return (
    <PassphraseForm form={{ 'data-testid': 'unlock-form', 'aria-labelledby': 'unlock-h' }} inputId="unlock-pass" label={t('loglock_passphrase')} describedBy="unlock-hint" submit="loglock_unlock" errorTestId="unlock-error" run={run}>
      <h2 id="unlock-h">{t('loglock_unlock_h')}</h2>
      <p class="hint" id="unlock-hint">
        {t('loglock_unlock_help')}
      </p>
    </PassphraseForm>
  );
}

/** Set a passphrase on a plain log. `onExport` offers an export first. */
function ProtectForm({ store, onExport, hasRows }: { store: IncidentStore; onExport(): void; hasRows: boolean }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (a.length < MIN_PASSPHRASE) return setError(t('loglock_too_short', [String(MIN_PASSPHRASE)]));
    if (a !== b) return setError(t('loglock_mismatch'));
    if (!understood) return setError(t('loglock_must_understand'));
    setBusy(true);
    setError('');
    try {
      await store.protect(a);
      setA('');
      setB('');
    } catch (err) {
      setError(err instanceof LogChangedError ? t('loglock_changed_retry') : t('report_error', [String((err as Error)?.message ?? err)]));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="protect-h" data-testid="protect-form">
      <h2 id="protect-h">{t('loglock_protect_h')}</h2>
      <p>{t('loglock_protect_help')}</p>
      <p class="warn" id="protect-warn">
        <strong>{t('loglock_no_recovery')}</strong>
      </p>
      {hasRows && (
        <p>
          <button type="button" class="secondary" onClick={onExport}>
            {t('loglock_export_first')}
          </button>
        </p>
      )}
      <Passphrase id="new-pass" label={t('loglock_new_passphrase', [String(MIN_PASSPHRASE)])} value={a} onInput={setA} autoComplete="new-password" describedBy="protect-warn" />
      <Passphrase id="new-pass-2" label={t('loglock_repeat')} value={b} onInput={setB} autoComplete="new-password" />
      <div class="check">
        <label>
          <input type="checkbox" name="understood" checked={understood} onChange={(e) => setUnderstood((e.currentTarget as HTMLInputElement).checked)} />
          {t('loglock_understood')}
        </label>
      </div>
      <p class="error" aria-live="assertive" data-testid="protect-error">
        {error}
      </p>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t(busy ? 'loglock_working' : 'loglock_protect')}
        </button>
      </div>
    </form>
  );
}

function ChangeForm({ store }: { store: IncidentStore }) {
  const [cur, setCur] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setDone('');
    if (a.length < MIN_PASSPHRASE) return setError(t('loglock_too_short', [String(MIN_PASSPHRASE)]));
    if (a !== b) return setError(t('loglock_mismatch'));
    setBusy(true);
    setError('');
    try {
      const r = await store.changePassphrase(cur, a);
      if (!r.ok) return setError(resultText(r));
      setCur('');
      setA('');
      setB('');
      setDone(t('loglock_changed'));
    } catch (err) {
      setError(err instanceof LogChangedError ? t('loglock_changed_retry') : t('report_error', [String((err as Error)?.message ?? err)]));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>{t('loglock_change_h')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="change-form" aria-label={t('loglock_change_h')}>
        <p class="hint">{t('loglock_change_help')}</p>
        <Passphrase id="cur-pass" label={t('loglock_current')} value={cur} onInput={setCur} autoComplete="current-password" />
        <Passphrase id="chg-pass" label={t('loglock_new_passphrase', [String(MIN_PASSPHRASE)])} value={a} onInput={setA} autoComplete="new-password" />
        <Passphrase id="chg-pass-2" label={t('loglock_repeat')} value={b} onInput={setB} autoComplete="new-password" />
        <p class="error" aria-live="assertive" data-testid="change-error">
          {error}
        </p>
        <p class="status" aria-live="polite" data-testid="change-done">
          {done}
        </p>
        <div class="actions">
          <button type="submit" disabled={busy} aria-busy={busy}>
            {t(busy ? 'loglock_working' : 'loglock_change')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The lock panel of the incident log page. */
export function LogLock({ store, state, onExport, hasRows }: { store: IncidentStore; state: LockState; onExport(): void; hasRows: boolean }) {
  const [idle, setIdle] = useState<number | null>(null);
  useEffect(() => {
    if (state === 'unlocked') void store.getIdleMinutes().then(setIdle, () => setIdle(null));
  }, [state]);
  if (state === 'plain') return <ProtectForm store={store} onExport={onExport} hasRows={hasRows} />;
  if (state === 'locked') return <UnlockForm store={store} />;
  return (
    <section aria-labelledby="lock-h" data-testid="lock-panel">
      <h2 id="lock-h">{t('loglock_unlocked_h')}</h2>
      <p class="hint">{t('loglock_unlocked_help')}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => store.lock()} data-testid="lock-now">
          {t('loglock_lock_now')}
        </button>
      </div>
      <label for="idle-minutes">{t('loglock_idle')}</label>
      <select id="idle-minutes" value={String(idle ?? 15)} style="max-width:12rem" onChange={(e) => void store.setIdleMinutes(Number((e.currentTarget as HTMLSelectElement).value)).then(() => store.getIdleMinutes().then(setIdle))}>
        {IDLE_CHOICES.map((m) => (
          <option key={m} value={String(m)}>
            {t('loglock_idle_minutes', [String(m)])}
          </option>
        ))}
      </select>
      <ChangeForm store={store} />
    </section>
  );
}
