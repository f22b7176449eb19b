import { useState } from 'preact/hooks';
import type { IncidentStore } from '../../utils/incidents/db';
import { decryptExport, exportIncidentsEncrypted } from '../../utils/incidents/transfer';
import type { IncidentRecord } from '../../utils/incidents/types';
import { t } from '../../utils/i18n';

/**
 * Encrypted export of a protected log (with the log's own passphrase, checked first), and the passphrase prompt
 * an encrypted export file needs before it is imported. utils/incidents/transfer.ts holds the format.
 */
const field = 'width:100%;max-width:24rem;font:inherit;padding:.45rem .55rem;border:1px solid var(--line);border-radius:6px;color:var(--fg);background:var(--bg)';

export function EncryptedExport({ store, rows, save }: { store: IncidentStore; rows: IncidentRecord[]; save(text: string): void }) {
  const [open, setOpen] = useState(false);
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t('logexport_encrypted')}
      </button>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const r = await store.verifyPassphrase(pass);
      if (!r.ok) return setError(t(r.reason === 'wait' ? 'logexport_wait' : 'loglock_wrong'));
      save(await exportIncidentsEncrypted(rows, pass));
      setPass('');
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="encrypted-export" aria-label={t('logexport_encrypted')} style="flex-basis:100%">
      <label for="export-pass">{t('logexport_passphrase')}</label>
      <input id="export-pass" type="password" autoComplete="current-password" value={pass} style={field} onInput={(e) => setPass((e.currentTarget as HTMLInputElement).value)} />
      <p class="error" aria-live="assertive">
        {error}
      </p>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t(busy ? 'loglock_working' : 'logexport_do')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('logexport_cancel')}
        </button>
      </div>
    </form>
  );
}

export function ImportPassphrase({ raw, onPlain, onCancel }: { raw: string; onPlain(text: string): void; onCancel(): void }) {
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const r = await decryptExport(raw, pass);
      if (r.ok) onPlain(r.text);
      else setError(t(r.problem.key, r.problem.subs));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="import-passphrase" aria-label={t('logexport_import_h')}>
      <p>{t('logexport_import_h')}</p>
      <label for="import-pass">{t('logexport_import_passphrase')}</label>
      <input id="import-pass" type="password" autoComplete="current-password" value={pass} style={field} onInput={(e) => setPass((e.currentTarget as HTMLInputElement).value)} />
      <p class="error" aria-live="assertive" data-testid="import-pass-error">
        {error}
      </p>
      <div class="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t(busy ? 'loglock_working' : 'logexport_open')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('logexport_cancel')}
        </button>
      </div>
    </form>
  );
}
