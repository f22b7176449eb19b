import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { IncidentsDB } from '../types';

/**
 * Migration 3: a `vault` store for the log's lock (salt, iteration count, public key, the private key encrypted
 * by the passphrase, wrong-try counter, idle time). Existing rows are NOT touched here: encrypting them needs the
 * passphrase, so it happens when the teacher sets one (utils/incidents/db.ts `protect`, one transaction, verified
 * before the plain copy is replaced) or, for any plain row left over, on the next unlock.
 * Forward-only: never edit a shipped step; add the next numbered file instead.
 */
export const version = 3;

export function migrate(db: IDBPDatabase<IncidentsDB>, _tx: IDBPTransaction<IncidentsDB, StoreNames<IncidentsDB>[], 'versionchange'>): void {
  db.createObjectStore('vault', { keyPath: 'id' });
}
