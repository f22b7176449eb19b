import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { IncidentsDB } from '../types';

/**
 * Migration 1: the incident log and the drafts store.
 * Migrations are forward-only: never edit a shipped step; add the next numbered file instead.
 */
export const version = 1;

export function migrate(db: IDBPDatabase<IncidentsDB>, _tx: IDBPTransaction<IncidentsDB, StoreNames<IncidentsDB>[], 'versionchange'>): void {
  const incidents = db.createObjectStore('incidents', { keyPath: 'id' });
  incidents.createIndex('createdAt', 'createdAt');
  db.createObjectStore('drafts', { keyPath: 'id' });
}
