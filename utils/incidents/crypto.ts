/**
 * The incident log's encryption at rest (issue 23). Pure WebCrypto (globalThis.crypto.subtle): no storage here.
 *
 * Keys:
 * - The passphrase derives a key-encryption key (KEK) with PBKDF2-SHA-256, PBKDF2_ITERATIONS iterations (OWASP's
 *   2023 figure for PBKDF2-HMAC-SHA256) and a random 16-byte salt per log. The KEK is non-extractable.
 * - The log has its own ECDH P-256 key pair. The private key is stored only encrypted by the KEK (AES-GCM, so
 *   decrypting it is also the passphrase check: a wrong passphrase fails the GCM tag); the public key is stored
 *   plain. Once unlocked, the private key is re-imported NON-extractable and lives only in the page's memory.
 * - Each record (an incident, the draft) is sealed with a fresh ephemeral ECDH key: ECDH → HKDF-SHA-256 → an
 *   AES-256-GCM key, used once, with a fresh random 96-bit IV. The record's store, id and format version are the
 *   GCM additional data, so a ciphertext moved to another id (or store) does not decrypt.
 * Why a key pair: a report can be kept, and a draft saved on every keystroke, WITHOUT unlocking the log (only
 * reading needs the passphrase), so a teacher reporting an emergency is never stopped by a passphrase prompt.
 */

export const PBKDF2_ITERATIONS = 600_000;
export const SEAL_VERSION = 1;
const enc = new TextEncoder();
const dec = new TextDecoder();

export interface Box {
  iv: string;
  ct: string;
}

/** What is stored about the lock itself (no secret: the private key is only there encrypted). */
export interface VaultLock {
  v: 1;
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  publicKey: JsonWebKey;
  /** The private key's JWK, AES-GCM under the KEK, additional data 'vigie:vault-private:v1'. */
  wrappedPrivate: Box;
}

/** A sealed record: what the stores hold instead of the plain value. */
export interface Sealed {
  v: typeof SEAL_VERSION;
  epk: JsonWebKey;
  iv: string;
  ct: string;
}

export interface VaultKeys {
  publicKey: CryptoKey;
  /** Non-extractable. */
  privateKey: CryptoKey;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

const subtle = () => globalThis.crypto.subtle;
export const b64 = (bytes: ArrayBuffer | Uint8Array): string => {
  const u = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
};
export const unb64 = (s: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(s);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};
export const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(n)));
const PRIVATE_AAD = 'vigie:vault-private:v1';
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The additional data binding a sealed value to where it is stored. */
export function recordAad(store: string, id: string): string {
  return `vigie:${store}:${id}:v${SEAL_VERSION}`;
}

export async function deriveKek(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new lock for a log: a new salt and a new key pair. Returns what to store and the keys to keep in memory. */
export async function createVault(passphrase: string, iterations: number = PBKDF2_ITERATIONS): Promise<{ lock: VaultLock; keys: VaultKeys }> {
  const salt = random(16);
  const kek = await deriveKek(passphrase, salt, iterations);
  const pair = (await subtle().generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  const privateJwk = await subtle().exportKey('jwk', pair.privateKey);
  const publicKey = await subtle().exportKey('jwk', pair.publicKey);
  const iv = random(12);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(PRIVATE_AAD) }, kek, enc.encode(JSON.stringify(privateJwk)));
  const lock: VaultLock = { v: 1, kdf: { name: 'PBKDF2-SHA-256', iterations, salt: b64(salt) }, publicKey, wrappedPrivate: { iv: b64(iv), ct: b64(ct) } };
  // The extractable private key is dropped here; the one kept is re-imported non-extractable.
  return { lock, keys: await openVault(lock, passphrase) };
}

/** Unlock: the passphrase gives the private key, or WrongPassphraseError. */
export async function openVault(lock: VaultLock, passphrase: string): Promise<VaultKeys> {
  const kek = await deriveKek(passphrase, unb64(lock.kdf.salt), lock.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt({ name: 'AES-GCM', iv: unb64(lock.wrappedPrivate.iv), additionalData: enc.encode(PRIVATE_AAD) }, kek, unb64(lock.wrappedPrivate.ct));
  } catch {
    throw new WrongPassphraseError();
  }
  const jwk = JSON.parse(dec.decode(plain)) as JsonWebKey;
  const privateKey = await subtle().importKey('jwk', jwk, EC, false, ['deriveBits']);
  return { privateKey, publicKey: await importPublicKey(lock) };
}

export function importPublicKey(lock: VaultLock): Promise<CryptoKey> {
  return subtle().importKey('jwk', lock.publicKey, EC, true, []);
}

async function recordKey(privateKey: CryptoKey, publicKey: CryptoKey, aad: string): Promise<CryptoKey> {
  const shared = await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hk = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: enc.encode(aad) }, hk, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Seal a JSON value for the log's public key (no passphrase needed). */
export async function seal(logPublicKey: CryptoKey, aad: string, value: unknown): Promise<Sealed> {
  const eph = (await subtle().generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  const key = await recordKey(eph.privateKey, logPublicKey, aad);
  const iv = random(12);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, key, enc.encode(JSON.stringify(value)));
  return { v: SEAL_VERSION, epk: await subtle().exportKey('jwk', eph.publicKey), iv: b64(iv), ct: b64(ct) };
}

/** Open a sealed value with the unlocked private key. Throws if the ciphertext, IV or additional data differ. */
export async function unseal<T>(keys: VaultKeys, aad: string, sealed: Sealed): Promise<T> {
  if (sealed.v !== SEAL_VERSION) throw new Error(`unknown sealed format ${String(sealed.v)}`);
  const epk = await subtle().importKey('jwk', sealed.epk, EC, false, []);
  const key = await recordKey(keys.privateKey, epk, aad);
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: unb64(sealed.iv), additionalData: enc.encode(aad) }, key, unb64(sealed.ct));
  return JSON.parse(dec.decode(plain)) as T;
}

export function isSealed(v: unknown): v is Sealed {
  return !!v && typeof v === 'object' && (v as Sealed).v === SEAL_VERSION && typeof (v as Sealed).ct === 'string' && typeof (v as Sealed).iv === 'string' && !!(v as Sealed).epk;
}

/** Wrong tries: the first five are free; then each waits 30 s × 2^(n−5), at most one hour. Never wipes. */
export const FREE_TRIES = 5;
export function retryDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(30_000 * 2 ** (failures - FREE_TRIES), 3_600_000);
}
