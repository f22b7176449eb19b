import { openDB, type IDBPDatabase } from 'idb';
import * as m001 from './migrations/001-create-incidents';
import * as m002 from './migrations/002-add-status-and-prefs';
import { DEFAULT_PREFS, type Draft, type IncidentRecord, type IncidentsDB, type LogPrefs } from './types';

/**
 * The local incident log and the report draft, in IndexedDB (the extension's own origin: written by the report
 * page itself, so a stopped service worker cannot lose a draft). Numbered, forward-only migrations.
 */
export const MIGRATIONS = [m001, m002] as const;
export const DB_VERSION = MIGRATIONS.length;
export const DB_NAME = 'vigie-incidents';

export async function openIncidentsDb(name: string = DB_NAME, upTo: number = DB_VERSION): Promise<IDBPDatabase<IncidentsDB>> {
  return openDB<IncidentsDB>(name, upTo, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (const step of MIGRATIONS) if (step.version > oldVersion && step.version <= upTo) await step.migrate(db, tx);
    },
  });
}

/** A small store API over one open database. Every call catches nothing on purpose: the page shows the error. */
export function incidentStore(dbp: Promise<IDBPDatabase<IncidentsDB>>) {
  return {
    async loadDraft(): Promise<Draft | undefined> {
      return (await dbp).get('drafts', 'current');
    },
    async saveDraft(draft: Draft): Promise<void> {
      await (await dbp).put('drafts', draft);
    },
    async clearDraft(): Promise<void> {
      await (await dbp).delete('drafts', 'current');
    },
    async getPrefs(): Promise<LogPrefs> {
      const stored = await (await dbp).get('prefs', 'prefs');
      return { ...DEFAULT_PREFS, ...(stored ?? {}), id: 'prefs' };
    },
    async setPrefs(prefs: Omit<LogPrefs, 'id'>): Promise<void> {
      const days = Number.isInteger(prefs.retentionDays) && prefs.retentionDays >= 0 && prefs.retentionDays <= 3650 ? prefs.retentionDays : DEFAULT_PREFS.retentionDays;
      await (await dbp).put('prefs', { id: 'prefs', keepLog: !!prefs.keepLog, retentionDays: days });
    },
    async addIncident(record: IncidentRecord): Promise<void> {
      await (await dbp).put('incidents', record);
    },
    /**
     * Import records (already validated: utils/incidents/transfer.ts) in ONE transaction: all are written or none.
     * Merge rule: an id already on this device keeps the device's copy (an import restores, it never overwrites).
     */
    async importIncidents(records: IncidentRecord[]): Promise<{ added: number; existing: number }> {
      const tx = (await dbp).transaction('incidents', 'readwrite');
      let added = 0;
      let existing = 0;
      try {
        for (const record of records) {
          if ((await tx.store.count(record.id)) > 0) existing++;
          else {
            await tx.store.add(record);
            added++;
          }
        }
        await tx.done;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // already aborted by the failed request
        }
        await tx.done.catch(() => undefined);
        throw error;
      }
      return { added, existing };
    },
    async listIncidents(): Promise<IncidentRecord[]> {
      return (await (await dbp).getAllFromIndex('incidents', 'createdAt')).reverse();
    },
    async deleteIncident(id: string): Promise<void> {
      await (await dbp).delete('incidents', id);
    },
    async deleteAll(): Promise<void> {
      await (await dbp).clear('incidents');
    },
    /** Delete kept reports older than the retention period. Returns how many were deleted. */
    async applyRetention(now: Date): Promise<number> {
      const { retentionDays } = await this.getPrefs();
      if (!retentionDays) return 0;
      const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
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

export type IncidentStore = ReturnType<typeof incidentStore>;
