import { useEffect, useState } from 'preact/hooks';
import { EncryptedExport, ImportPassphrase } from './EncryptedExport';
import { LogLock, useLockState } from './LogLock';
import { SharedComputerNote, SharedComputerOption, useSharedComputer } from './SharedComputer';
import type { IncidentStore } from '../../utils/incidents/db';
import { LogLockedError } from '../../utils/incidents/vault';
import { exportIncidents, isEncryptedExport, isQuotaError, MAX_IMPORT_BYTES, parseIncidentsFile, type Problem } from '../../utils/incidents/transfer';
import type { IncidentRecord, LogPrefs } from '../../utils/incidents/types';
import { t } from '../../utils/i18n';
import { categoryKey, reportHtml } from '../../utils/report/build';
import { downloadFile } from './download';

/**
 * The local incident log: on/off (off by default), retention, export (JSON + printable HTML), import (JSON, merged
 * by id: a report already on this device is kept as it is), delete one, delete all. Vigie is not the system of record: the school's safeguarding lead or system is (docs/reporting.md).
 */
export function IncidentLog({ store, lang, onBack }: { store: IncidentStore; lang: 'en' | 'fr'; onBack(): void }) {
  const [rows, setRows] = useState<IncidentRecord[] | null>(null);
  const [prefs, setPrefs] = useState<LogPrefs | null>(null);
  const [days, setDays] = useState('');
  const [status, setStatus] = useState('');
  const [confirmAll, setConfirmAll] = useState(false);
  const [importError, setImportError] = useState('');
  const [rejectedLines, setRejectedLines] = useState<string[]>([]);
  const [confirmPlain, setConfirmPlain] = useState<'' | 'json' | 'html'>('');
  const lock = useLockState(store);
  const shared = useSharedComputer();
  const [encryptedRaw, setEncryptedRaw] = useState<string | null>(null);

  const reload = async () => {
    const p = await store.getPrefs();
    setPrefs(p);
    setDays(String(p.retentionDays));
    // A locked log shows no report at all (and drops what this page had read).
    const list = await store.listIncidents().catch((e: unknown) => {
      if (e instanceof LogLockedError) return null;
      throw e;
    });
    setRows(list);
  };
  useEffect(() => {
    if (lock === 'locked') setRows(null);
    if (lock) reload().catch((e) => setStatus(t('report_error', [String(e)])));
  }, [lock]);

  const savePrefs = async (next: Omit<LogPrefs, 'id'>) => {
    await store.setPrefs(next);
    await reload();
    setStatus(t('report_log_saved_prefs'));
  };
  const onDays = (raw: string) => {
    setDays(raw);
    const n = Number(raw);
    if (!/^\d{1,4}$/.test(raw.trim()) || n > 3650) return setStatus(t('report_log_days_invalid'));
    if (prefs) void savePrefs({ keepLog: prefs.keepLog, retentionDays: n });
  };

  const ctx = { labels: (k: string, s?: string[]) => t(k, s), recordedAt: '' };
  const exportJson = () => downloadFile('vigie-incidents.json', 'application/json', exportIncidents(rows ?? []));
  // A protected log exported as plain JSON: said plainly, and a second click is the explicit choice.
  const plainGuard = (kind: 'json' | 'html', run: () => void) => () => {
    if (lock === 'unlocked' && confirmPlain !== kind) return setConfirmPlain(kind);
    setConfirmPlain('');
    run();
  };
  const say = (p: Problem) => t(p.key, p.subs);
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    setImportError('');
    setRejectedLines([]);
    setStatus('');
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setImportError(t('report_import_too_big', [String(MAX_IMPORT_BYTES / 1024 / 1024)]));
    let raw: string;
    try {
      raw = await file.text();
    } catch {
      return setImportError(t('report_import_read_failed'));
    }
    setEncryptedRaw(null);
    // An encrypted export asks for its passphrase first (ImportPassphrase), then comes back to importText.
    if (isEncryptedExport(raw)) return setEncryptedRaw(raw);
    await importText(raw);
  };
  const importText = async (raw: string) => {
    setEncryptedRaw(null);
    const parsed = parseIncidentsFile(raw);
    if (!parsed.ok) return setImportError(say(parsed.problem));
    let counts = { added: 0, existing: 0 };
    try {
      if (parsed.records.length) counts = await store.importIncidents(parsed.records);
    } catch (e) {
      return setImportError(isQuotaError(e) ? t('report_import_storage_full') : t('report_error', [String((e as Error)?.message ?? e)]));
    }
    await reload().catch(() => undefined);
    setRejectedLines(parsed.rejected.slice(0, 20).map((r) => t('report_import_rejected_entry', [r.id ? `${r.index} (${r.id})` : String(r.index), say(r.problem)])));
    // Retention applies to imported reports too: say so before it deletes any of them.
    const days = prefs?.retentionDays ?? 0;
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
    const old = days ? parsed.records.filter((r) => r.createdAt < cutoff).length : 0;
    setStatus([t('report_import_done', [String(counts.added), String(counts.existing), String(parsed.rejected.length)]), old ? t('report_import_retention_note', [String(old), String(days)]) : ''].filter(Boolean).join(' '));
  };
  const exportHtml = () =>
    downloadFile(
      'vigie-incidents.html',
      'text/html',
      (rows ?? [])
        .map((row) => reportHtml(row.report, { ...ctx, recordedAt: row.createdAt }, lang, row.handOffs.map((h) => h.destination)))
        .join('\n<hr style="page-break-after:always">\n'),
    );

  return (
    <section aria-labelledby="log-h">
      <h1 id="log-h">{t('report_log_h')}</h1>
      <p>
        <a href="#" onClick={(e) => (e.preventDefault(), onBack())}>
          {t('report_log_back')}
        </a>
      </p>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {shared.on && <SharedComputerNote />}
      <SharedComputerOption shared={shared} />
      {lock && !(shared.on && lock === 'plain') && <LogLock store={store} state={lock} onExport={exportJson} hasRows={!!rows?.length} />}
      {lock === 'locked' && <p class="note">{t('loglock_locked_list')}</p>}
      {prefs && !shared.on && (
        <>
          <div class="check">
            <label>
              <input type="checkbox" name="keepLog" checked={prefs.keepLog} onChange={(e) => void savePrefs({ keepLog: (e.currentTarget as HTMLInputElement).checked, retentionDays: prefs.retentionDays })} />
              {t('report_log_keep')}
            </label>
          </div>
          <p class="hint">{t('report_log_keep_help')}</p>
          <label for="retention">{t('report_log_retention')}</label>
          <input id="retention" type="number" min={0} max={3650} step={1} value={days} onChange={(e) => onDays((e.currentTarget as HTMLInputElement).value)} style="max-width:8rem" />
        </>
      )}
      <div class="import">
        <label for="import-file">{t('report_import_label')}</label>
        <p class="hint" id="import-hint">
          {t('report_import_help')}
        </p>
        <input id="import-file" name="import-file" type="file" accept="application/json,.json" aria-describedby="import-hint" onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
        {encryptedRaw !== null && <ImportPassphrase raw={encryptedRaw} onPlain={(text) => void importText(text)} onCancel={() => setEncryptedRaw(null)} />}
        <p class="error" role="alert" data-testid="import-error">
          {importError}
        </p>
        {rejectedLines.length > 0 && (
          <ul class="muted" data-testid="import-rejected">
            {rejectedLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {lock !== 'locked' && rows && rows.length === 0 && <p>{t('report_log_empty')}</p>}
      {lock !== 'locked' && rows && rows.length > 0 && (
        <>
          <div class="actions">
            <button type="button" class="secondary" onClick={plainGuard('json', exportJson)}>
              {t(confirmPlain === 'json' ? 'loglock_export_plain_confirm' : 'report_log_export_json')}
            </button>
            <button type="button" class="secondary" onClick={plainGuard('html', exportHtml)}>
              {t(confirmPlain === 'html' ? 'loglock_export_plain_confirm' : 'report_log_export_html')}
            </button>
            {lock === 'unlocked' && <EncryptedExport store={store} rows={rows} save={(text) => downloadFile('vigie-incidents-encrypted.json', 'application/json', text)} />}
            <button type="button" class="danger" onClick={() => (confirmAll ? void store.deleteAll().then(reload).then(() => setConfirmAll(false)) : setConfirmAll(true))}>
              {t(confirmAll ? 'report_log_delete_all_confirm' : 'report_log_delete_all')}
            </button>
          </div>
          <ul class="log">
            {rows.map((row) => (
              <li key={row.id} data-testid="incident">
                <strong>{t('report_log_entry', [row.report.category ? t(categoryKey(row.report.category)) : t('report_cat_none'), new Date(row.createdAt).toLocaleString(lang)])}</strong>
                {row.handOffs.length > 0 && <p class="muted">{t('report_log_sent', [[...new Set(row.handOffs.map((h) => h.destination))].join(', ')])}</p>}
                <button type="button" class="danger" onClick={() => void store.deleteIncident(row.id).then(reload)}>
                  {t('report_log_delete')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

