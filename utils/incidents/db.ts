import { openDB, type IDBPDatabase } from 'idb';
import * as m001 from './migrations/001-create-incidents';
import * as m002 from './migrations/002-add-status-and-prefs';
import * as m003 from './migrations/003-add-vault';
import { logRecords } from './records';
import type { IncidentsDB } from './types';
import { logVault, type StoreOptions } from './vault';

/**
 * The local incident log and the report draft, in IndexedDB (the extension's own origin: written by the report
 * page itself, so a stopped service worker cannot lose a draft). Numbered, forward-only migrations.
 */
export const MIGRATIONS = [m001, m002, m003] as const;
export const DB_VERSION = MIGRATIONS.length;
export const DB_NAME = 'vigie-incidents';

export async function openIncidentsDb(name: string = DB_NAME, upTo: number = DB_VERSION): Promise<IDBPDatabase<IncidentsDB>> {
  return openDB<IncidentsDB>(name, upTo, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (const step of MIGRATIONS) if (step.version > oldVersion && step.version <= upTo) await step.migrate(db, tx);
    },
  });
}

/**
 * A small store API over one open database. Every call catches nothing on purpose: the page shows the error.
 * When the log is protected (a `vault` row exists), incidents and the draft are stored sealed (utils/incidents/
 * sealing.ts, crypto.ts); writing needs only the public key, reading needs the unlocked private key, which the
 * lock (vault.ts) keeps in memory only (never in storage) until lock(), the idle time, or the page closing. The
 * records (drafts, prefs, kept reports) are in records.ts.
 */
export function incidentStore(dbp: Promise<IDBPDatabase<IncidentsDB>>, options: StoreOptions = {}) {
  const vault = logVault(dbp, options);
  return { ...vault.api, ...logRecords(dbp, vault) };
}

export type IncidentStore = ReturnType<typeof incidentStore>;
