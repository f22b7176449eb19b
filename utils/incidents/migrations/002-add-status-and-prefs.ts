import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { IncidentsDB, IncidentRecord } from '../types';

/**
 * Migration 2: a `status` on each incident (indexed, so retention and the log can filter), set on existing rows
 * from whether they were handed off; and a `prefs` store for the log's on/off and retention.
 * Forward-only: never edit a shipped step; add the next numbered file instead.
 */
export const version = 2;

export async function migrate(db: IDBPDatabase<IncidentsDB>, tx: IDBPTransaction<IncidentsDB, StoreNames<IncidentsDB>[], 'versionchange'>): Promise<void> {
  db.createObjectStore('prefs', { keyPath: 'id' });
  const incidents = tx.objectStore('incidents');
  incidents.createIndex('status', 'status');
  let cursor = await incidents.openCursor();
  while (cursor) {
    const row = cursor.value as Partial<IncidentRecord> & { id: string };
    if (row.status !== 'saved' && row.status !== 'handed-off') {
      await cursor.update({ ...(row as IncidentRecord), handOffs: row.handOffs ?? [], status: row.handOffs?.length ? 'handed-off' : 'saved' });
    }
    cursor = await cursor.continue();
  }
}
