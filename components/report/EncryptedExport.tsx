import { useState } from 'preact/hooks';
import type { IncidentStore } from '../../utils/incidents/db';
import { decryptExport, exportIncidentsEncrypted } from '../../utils/incidents/transfer';
import type { IncidentRecord } from '../../utils/incidents/types';
import { t } from '../../utils/i18n';
import { PassphraseForm } from './Passphrase';

/**
 * Encrypted export of a protected log (with the log's own passphrase, checked first), and the passphrase prompt
 * an encrypted export file needs before it is imported. utils/incidents/transfer.ts holds the format.
 */

export function EncryptedExport({ store, rows, save }: { store: IncidentStore; rows: IncidentRecord[]; save(text: string): void }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t('logexport_encrypted')}
      </button>
    );
  const run = async (pass: string, clear: () => void) => {
    const r = await store.verifyPassphrase(pass);
    if (!r.ok) return t(r.reason === 'wait' ? 'logexport_wait' : 'loglock_wrong');
    save(await exportIncidentsEncrypted(rows, pass));
    clear();
    setOpen(false);
    return '';
  };
  return (
    <PassphraseForm form={{ 'data-testid': 'encrypted-export', 'aria-label': t('logexport_encrypted'), style: 'flex-basis:100%' }} inputId="export-pass" label={t('logexport_passphrase')} narrow submit="logexport_do" onCancel={() => setOpen(false)} run={run} />
  );
}

export function ImportPassphrase({ raw, onPlain, onCancel }: { raw: string; onPlain(text: string): void; onCancel(): void }) {
  const run = async (pass: string) => {
    const r = await decryptExport(raw, pass);
    if (!r.ok) return t(r.problem.key, r.problem.subs);
    onPlain(r.text);
    return '';
  };
  return (
    <PassphraseForm form={{ 'data-testid': 'import-passphrase', 'aria-label': t('logexport_import_h') }} inputId="import-pass" label={t('logexport_import_passphrase')} narrow submit="logexport_open" errorTestId="import-pass-error" onCancel={onCancel} run={run}>
      <p>{t('logexport_import_h')}</p>
    </PassphraseForm>
  );
}
