import type { IDBPDatabase } from 'idb';
import { createVault, importPublicKey, openVault, PBKDF2_ITERATIONS, retryDelayMs, WrongPassphraseError, type VaultKeys } from './crypto';
import { abortQuietly, openDraft, openIncident, sameJson, sealDraft, sealIncident } from './sealing';
import { DEFAULT_IDLE_MINUTES, type IncidentRecord, type IncidentsDB, type SealedIncidentRow, type VaultRow } from './types';

/**
 * The lock of the protected log: the passphrase, the keys kept in memory only (never in storage) until lock(), the
 * idle time or the page closing, the slow-down after wrong tries, and the one-transaction sealing and re-sealing
 * of every row. utils/incidents/db.ts puts it together with the records (records.ts) as incidentStore.
 */

/** Reading the protected log (or its draft) needs the passphrase first. */
export class LogLockedError extends Error {
  constructor() {
    super('the incident log is locked');
    this.name = 'LogLockedError';
  }
}

/** Rows changed while they were being re-encrypted (another tab wrote): nothing was written; try again. */
export class LogChangedError extends Error {
  constructor() {
    super('the incident log changed during the operation; nothing was written');
    this.name = 'LogChangedError';
  }
}

export type LockState = 'plain' | 'locked' | 'unlocked';
export type UnlockResult = { ok: true } | { ok: false; reason: 'wrong' | 'wait'; failures: number; waitMs: number } | { ok: false; reason: 'none' };

export interface StoreOptions {
  /** PBKDF2 iterations for a NEW lock (tests use few; the product uses PBKDF2_ITERATIONS). */
  iterations?: number;
  now?: () => number;
}

/** Test hook: called before each row is written by a passphrase change; calling abort() aborts the transaction. */
export type WriteHook = (index: number, abort: () => void) => void;

/**
 * The lock over one open database. `api` is the lock's part of incidentStore; the records (records.ts) use
 * getVault, currentKeys (LogLockedError when locked) and publicKeyOrNull (writing needs only the public key).
 */
export function logVault(dbp: Promise<IDBPDatabase<IncidentsDB>>, options: StoreOptions = {}) {
  const now = options.now ?? (() => Date.now());
  let keys: VaultKeys | null = null;
  /** Which lock the in-memory keys belong to (another tab may change the passphrase). */
  let keysFor = '';
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let idleMs = DEFAULT_IDLE_MINUTES * 60_000;
  const listeners = new Set<(state: LockState) => void>();

  const getVault = async (): Promise<VaultRow | undefined> => (await dbp).get('vault', 'vault');
  const notify = (state: LockState) => listeners.forEach((fn) => fn(state));
  const lockNow = () => {
    clearTimeout(idleTimer);
    const was = keys;
    keys = null;
    keysFor = '';
    if (was) notify('locked');
  };
  const armIdle = () => {
    clearTimeout(idleTimer);
    if (keys) idleTimer = setTimeout(lockNow, idleMs);
  };
  /** The keys, if they still belong to the stored lock; else locked. */
  const currentKeys = async (): Promise<VaultKeys> => {
    const v = await getVault();
    if (!keys || !v || v.lock.wrappedPrivate.ct !== keysFor) {
      lockNow();
      throw new LogLockedError();
    }
    armIdle();
    return keys;
  };
  const publicKeyOrNull = async () => {
    const v = await getVault();
    return v ? importPublicKey(v.lock) : null;
  };

  /**
   * Seal every plain row with `pub`, verify each sealed copy opens to the same value with `k`, then replace the
   * plain rows in ONE transaction, after checking no row changed meanwhile (else nothing is written).
   */
  async function sealPlainRows(pub: CryptoKey, k: VaultKeys, extraVault?: VaultRow): Promise<number> {
    const db = await dbp;
    const plainIncidents = (await db.getAll('incidents')).filter((r): r is IncidentRecord => !('sealed' in r));
    const draft = await db.get('drafts', 'current');
    const plainDraft = draft && !('sealed' in draft) ? draft : undefined;
    if (!plainIncidents.length && !plainDraft && !extraVault) return 0;
    const sealed: SealedIncidentRow[] = [];
    for (const r of plainIncidents) {
      const s = await sealIncident(pub, r);
      if (!sameJson(await openIncident(k, s), r)) throw new Error(`verification failed for ${r.id}`);
      sealed.push(s);
    }
    const sealedDraft = plainDraft ? await sealDraft(pub, plainDraft) : undefined;
    if (plainDraft && sealedDraft && !sameJson(await openDraft(k, sealedDraft), plainDraft)) throw new Error('verification failed for the draft');
    const tx = db.transaction(['incidents', 'drafts', 'vault'], 'readwrite');
    try {
      const inc = tx.objectStore('incidents');
      for (let i = 0; i < sealed.length; i++) {
        if (!sameJson(await inc.get(sealed[i].id), plainIncidents[i])) throw new LogChangedError();
        await inc.put(sealed[i]);
      }
      if (sealedDraft) {
        const drafts = tx.objectStore('drafts');
        if (!sameJson(await drafts.get('current'), plainDraft)) throw new LogChangedError();
        await drafts.put(sealedDraft);
      }
      if (extraVault) {
        if (await tx.objectStore('vault').get('vault')) throw new Error('the log is already protected');
        await tx.objectStore('vault').put(extraVault);
      }
      await tx.done;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw error;
    }
    return sealed.length + (sealedDraft ? 1 : 0);
  }

  /** Count a wrong try (persisted, so closing the page does not reset the slow-down). */
  async function wrongTry(v: VaultRow): Promise<UnlockResult> {
    const failures = v.failures + 1;
    const waitMs = retryDelayMs(failures);
    await (await dbp).put('vault', { ...v, failures, nextTryAt: now() + waitMs });
    return { ok: false, reason: 'wrong', failures, waitMs };
  }

  /** Check a passphrase against the lock, honouring and updating the slow-down. */
  async function tryPassphrase(passphrase: string): Promise<{ result: UnlockResult; keys?: VaultKeys; vault?: VaultRow }> {
    const v = await getVault();
    if (!v) return { result: { ok: false, reason: 'none' } };
    if (now() < v.nextTryAt) return { result: { ok: false, reason: 'wait', failures: v.failures, waitMs: v.nextTryAt - now() } };
    try {
      const k = await openVault(v.lock, passphrase);
      const fresh = { ...v, failures: 0, nextTryAt: 0 };
      if (v.failures || v.nextTryAt) await (await dbp).put('vault', fresh);
      return { result: { ok: true }, keys: k, vault: fresh };
    } catch (error) {
      if (error instanceof WrongPassphraseError) return { result: await wrongTry(v) };
      throw error;
    }
  }

  const api = {
    async lockState(): Promise<LockState> {
      const v = await getVault();
      if (!v) return 'plain';
      return keys && v.lock.wrappedPrivate.ct === keysFor ? 'unlocked' : 'locked';
    },
    onLockChange(fn: (state: LockState) => void): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Forget the key now (the "Lock now" button, the idle timer). */
    lock(): void {
      lockNow();
    },
    /** The teacher is using the page: restart the idle timer. */
    touch(): void {
      armIdle();
    },
    async getIdleMinutes(): Promise<number> {
      return (await getVault())?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
    },
    async setIdleMinutes(minutes: number): Promise<void> {
      const v = await getVault();
      const m = Number.isInteger(minutes) && minutes >= 1 && minutes <= 240 ? minutes : DEFAULT_IDLE_MINUTES;
      if (v) await (await dbp).put('vault', { ...v, idleMinutes: m });
      idleMs = m * 60_000;
      armIdle();
    },
    /**
     * Set a passphrase on a plain log: a new lock, and every existing row (and the draft) sealed, verified and
     * replaced in ONE transaction with the lock itself. Leaves the log unlocked.
     */
    async protect(passphrase: string): Promise<void> {
      if (await getVault()) throw new Error('the log is already protected');
      const { lock, keys: k } = await createVault(passphrase, options.iterations ?? PBKDF2_ITERATIONS);
      const row: VaultRow = { id: 'vault', lock, failures: 0, nextTryAt: 0, idleMinutes: Math.round(idleMs / 60_000) };
      await sealPlainRows(k.publicKey, k, row);
      keys = k;
      keysFor = lock.wrappedPrivate.ct;
      armIdle();
      notify('unlocked');
    },
    /** Unlock with the passphrase. A right one also seals any plain row left from before the update. */
    async unlock(passphrase: string): Promise<UnlockResult> {
      const { result, keys: k, vault } = await tryPassphrase(passphrase);
      if (!result.ok || !k || !vault) return result;
      await sealPlainRows(k.publicKey, k);
      keys = k;
      keysFor = vault.lock.wrappedPrivate.ct;
      idleMs = vault.idleMinutes * 60_000;
      armIdle();
      notify('unlocked');
      return result;
    },
    /**
     * New passphrase: a new salt and a new key pair, every row re-sealed, and the new lock written, all in ONE
     * transaction: if it is interrupted (page closed, browser killed, abort), the old passphrase still opens
     * everything and nothing is lost. The current passphrase is asked again (and counts as a try).
     */
    async changePassphrase(current: string, next: string, hook?: WriteHook): Promise<UnlockResult> {
      const { result, keys: oldKeys, vault } = await tryPassphrase(current);
      if (!result.ok || !oldKeys || !vault) return result;
      const db = await dbp;
      const rows = await db.getAll('incidents');
      const draft = await db.get('drafts', 'current');
      const { lock, keys: k } = await createVault(next, options.iterations ?? PBKDF2_ITERATIONS);
      const resealed: SealedIncidentRow[] = [];
      for (const row of rows) {
        const plain = await openIncident(oldKeys, row);
        const s = await sealIncident(k.publicKey, plain);
        if (!sameJson(await openIncident(k, s), plain)) throw new Error(`verification failed for ${row.id}`);
        resealed.push(s);
      }
      const newDraft = draft ? await sealDraft(k.publicKey, await openDraft(oldKeys, draft)) : undefined;
      const tx = db.transaction(['incidents', 'drafts', 'vault'], 'readwrite');
      try {
        const inc = tx.objectStore('incidents');
        if (!sameJson(await tx.objectStore('vault').get('vault'), vault)) throw new LogChangedError();
        if ((await inc.count()) !== rows.length) throw new LogChangedError();
        for (let i = 0; i < resealed.length; i++) {
          hook?.(i, () => tx.abort());
          if (!sameJson(await inc.get(rows[i].id), rows[i])) throw new LogChangedError();
          await inc.put(resealed[i]);
        }
        if (newDraft) {
          if (!sameJson(await tx.objectStore('drafts').get('current'), draft)) throw new LogChangedError();
          await tx.objectStore('drafts').put(newDraft);
        }
        await tx.objectStore('vault').put({ ...vault, lock });
        await tx.done;
      } catch (error) {
        abortQuietly(tx);
        await tx.done.catch(() => undefined);
        throw error;
      }
      keys = k;
      keysFor = lock.wrappedPrivate.ct;
      armIdle();
      notify('unlocked');
      return result;
    },
    /** Check the log's passphrase (counts as a try, like unlocking) without changing the lock state. */
    async verifyPassphrase(passphrase: string): Promise<UnlockResult> {
      return (await tryPassphrase(passphrase)).result;
    },
  };

  return { api, getVault, currentKeys, publicKeyOrNull };
}
