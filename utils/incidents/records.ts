import type { IDBPDatabase } from 'idb';
import { abortQuietly, openDraft, openIncident, sealDraft, sealIncident } from './sealing';
import { DEFAULT_PREFS, type Draft, type IncidentRecord, type IncidentsDB, type LogPrefs, type SealedIncidentRow } from './types';
import type { logVault } from './vault';

/**
 * The records of the incident log: the report draft, the log's preferences, and the kept reports (add, import,
 * list, delete, retention). On a protected log a row is sealed on write with the public key (no unlock needed)
 * and opened on read with the unlocked keys (vault.ts).
 */
export function logRecords(dbp: Promise<IDBPDatabase<IncidentsDB>>, vault: ReturnType<typeof logVault>) {
  const { getVault, currentKeys, publicKeyOrNull } = vault;
  const getPrefs = async (): Promise<LogPrefs> => {
    const stored = await (await dbp).get('prefs', 'prefs');
    return { ...DEFAULT_PREFS, ...(stored ?? {}), id: 'prefs' };
  };

  return {
    /** Is there a saved draft this page cannot read until the log is unlocked? */
    async draftNeedsUnlock(): Promise<boolean> {
      const row = await (await dbp).get('drafts', 'current');
      return !!row && 'sealed' in row && (await vault.api.lockState()) !== 'unlocked';
    },
    async loadDraft(): Promise<Draft | undefined> {
      const row = await (await dbp).get('drafts', 'current');
      if (!row) return undefined;
      if (!('sealed' in row)) return row;
      return openDraft(await currentKeys(), row);
    },
    async saveDraft(draft: Draft): Promise<void> {
      const pub = await publicKeyOrNull();
      await (await dbp).put('drafts', pub ? await sealDraft(pub, draft) : draft);
    },
    async clearDraft(): Promise<void> {
      await (await dbp).delete('drafts', 'current');
    },
    getPrefs,
    async setPrefs(prefs: Omit<LogPrefs, 'id'>): Promise<void> {
      const days = Number.isInteger(prefs.retentionDays) && prefs.retentionDays >= 0 && prefs.retentionDays <= 3650 ? prefs.retentionDays : DEFAULT_PREFS.retentionDays;
      await (await dbp).put('prefs', { id: 'prefs', keepLog: !!prefs.keepLog, retentionDays: days });
    },
    /** Keep a finished report. On a protected log it is sealed with the public key: no unlock needed. */
    async addIncident(record: IncidentRecord): Promise<void> {
      const pub = await publicKeyOrNull();
      await (await dbp).put('incidents', pub ? await sealIncident(pub, record) : record);
    },
    /**
     * Import records (already validated: utils/incidents/transfer.ts) in ONE transaction: all are written or none.
     * Merge rule: an id already on this device keeps the device's copy (an import restores, it never overwrites).
     * On a protected log every record is sealed BEFORE the transaction opens (WebCrypto is not an IndexedDB
     * request: awaiting it inside would let the transaction commit half-way).
     */
    async importIncidents(records: IncidentRecord[]): Promise<{ added: number; existing: number }> {
      const pub = await publicKeyOrNull();
      const rows: (IncidentRecord | SealedIncidentRow)[] = [];
      for (const r of records) rows.push(pub ? await sealIncident(pub, r) : r);
      const tx = (await dbp).transaction('incidents', 'readwrite');
      let added = 0;
      let existing = 0;
      try {
        for (const record of rows) {
          if ((await tx.store.count(record.id)) > 0) existing++;
          else {
            await tx.store.add(record);
            added++;
          }
        }
        await tx.done;
      } catch (error) {
        abortQuietly(tx);
        await tx.done.catch(() => undefined);
        throw error;
      }
      return { added, existing };
    },
    /** Newest first. On a protected, locked log: LogLockedError. */
    async listIncidents(): Promise<IncidentRecord[]> {
      const rows = (await (await dbp).getAllFromIndex('incidents', 'createdAt')).reverse();
      if (!rows.some((r) => 'sealed' in r) && !(await getVault())) return rows as IncidentRecord[];
      const k = await currentKeys();
      const out: IncidentRecord[] = [];
      for (const row of rows) out.push(await openIncident(k, row));
      return out;
    },
    async deleteIncident(id: string): Promise<void> {
      await (await dbp).delete('incidents', id);
    },
    async deleteAll(): Promise<void> {
      await (await dbp).clear('incidents');
    },
    /** Delete kept reports older than the retention period (createdAt stays plain for this). Returns how many. */
    async applyRetention(at: Date): Promise<number> {
      const { retentionDays } = await getPrefs();
      if (!retentionDays) return 0;
      const cutoff = new Date(at.getTime() - retentionDays * 86_400_000).toISOString();
      const db = await dbp;
      const tx = db.transaction('incidents', 'readwrite');
      let cursor = await tx.store.index('createdAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
      let n = 0;
      while (cursor) {
        await cursor.delete();
        n++;
        cursor = await cursor.continue();
      }
      await tx.done;
      return n;
    },
  };
}
