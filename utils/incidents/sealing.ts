import { isSealed, recordAad, seal, unseal, type VaultKeys } from './crypto';
import type { Draft, IncidentRecord, SealedDraftRow, SealedIncidentRow } from './types';

/**
 * Rows of the protected log, sealed and opened (utils/incidents/crypto.ts does the cryptography): an incident keeps
 * its id, date and status in clear (for the index and retention), everything else sealed; the draft is sealed whole.
 * Each sealed row is bound to its store and id (recordAad), so a row moved elsewhere does not open.
 */

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const sealIncident = async (pub: CryptoKey, r: IncidentRecord): Promise<SealedIncidentRow> => ({ id: r.id, createdAt: r.createdAt, status: r.status, sealed: await seal(pub, recordAad('incidents', r.id), r) });
export const sealDraft = async (pub: CryptoKey, d: Draft): Promise<SealedDraftRow> => ({ id: 'current', sealed: await seal(pub, recordAad('drafts', 'current'), d) });
export const openIncident = (k: VaultKeys, row: IncidentRecord | SealedIncidentRow) => ('sealed' in row && isSealed(row.sealed) ? unseal<IncidentRecord>(k, recordAad('incidents', row.id), row.sealed) : Promise.resolve(row as IncidentRecord));
export const openDraft = (k: VaultKeys, row: Draft | SealedDraftRow) => ('sealed' in row && isSealed(row.sealed) ? unseal<Draft>(k, recordAad('drafts', 'current'), row.sealed) : Promise.resolve(row as Draft));

/** Abort a transaction that may already be aborted (by the failed request). */
export function abortQuietly(tx: { abort(): void }) {
  try {
    tx.abort();
  } catch {
    // already aborted by the failed request
  }
}
