import { describe, expect, it } from 'vitest';
import { createVault, openVault, PBKDF2_ITERATIONS, recordAad, retryDelayMs, seal, unseal, WrongPassphraseError } from './crypto';

// Node's own WebCrypto (globalThis.crypto.subtle). Few iterations for speed, except where the default is checked.
const IT = 1_000;

describe('incident log crypto', () => {
  it('a new lock uses PBKDF2-SHA-256 with 600 000 iterations and a 16-byte random salt by default', async () => {
    const a = await createVault('correct horse battery staple');
    const b = await createVault('correct horse battery staple');
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(a.lock.kdf).toMatchObject({ name: 'PBKDF2-SHA-256', iterations: 600_000 });
    expect(atob(a.lock.kdf.salt)).toHaveLength(16);
    expect(a.lock.kdf.salt).not.toBe(b.lock.kdf.salt);
    expect(a.lock.wrappedPrivate.ct).not.toBe(b.lock.wrappedPrivate.ct);
  });

  it('round trip: sealed with the public key, opened with the passphrase', async () => {
    const { lock, keys } = await createVault('pass phrase one', IT);
    const value = { child: 'Amélie Tremblay', facts: 'asked to move to a private chat' };
    const s = await seal(keys.publicKey, recordAad('incidents', 'r1'), value);
    expect(s.ct).not.toContain('Amélie');
    expect(JSON.stringify(s)).not.toMatch(/Tremblay|private chat/);
    const reopened = await openVault(lock, 'pass phrase one');
    expect(await unseal(reopened, recordAad('incidents', 'r1'), s)).toEqual(value);
  });

  it('the private key is not extractable once unlocked', async () => {
    const { lock } = await createVault('p', IT);
    const keys = await openVault(lock, 'p');
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow();
  });

  it('a wrong passphrase fails with WrongPassphraseError', async () => {
    const { lock } = await createVault('the right one', IT);
    await expect(openVault(lock, 'the wrong one')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(openVault(lock, '')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('each seal uses a fresh IV and a fresh ephemeral key', async () => {
    const { keys } = await createVault('p', IT);
    const a = await seal(keys.publicKey, 'x', { n: 1 });
    const b = await seal(keys.publicKey, 'x', { n: 1 });
    expect(atob(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.epk.x).not.toBe(b.epk.x);
    expect(a.ct).not.toBe(b.ct);
  });

  it('a tampered ciphertext, IV or a swapped id (additional data) does not decrypt', async () => {
    const { keys } = await createVault('p', IT);
    const s = await seal(keys.publicKey, recordAad('incidents', 'a'), { facts: 'x' });
    const bytes = Uint8Array.from(atob(s.ct), (c) => c.charCodeAt(0));
    bytes[0] ^= 1;
    const tampered = { ...s, ct: btoa(String.fromCharCode(...bytes)) };
    await expect(unseal(keys, recordAad('incidents', 'a'), tampered)).rejects.toThrow();
    const otherIv = { ...s, iv: btoa('\0'.repeat(12)) };
    await expect(unseal(keys, recordAad('incidents', 'a'), otherIv)).rejects.toThrow();
    await expect(unseal(keys, recordAad('incidents', 'b'), s)).rejects.toThrow();
    await expect(unseal(keys, recordAad('drafts', 'a'), s)).rejects.toThrow();
    expect(await unseal(keys, recordAad('incidents', 'a'), s)).toEqual({ facts: 'x' });
  });

  it("another log's key cannot open a record", async () => {
    const one = await createVault('same', IT);
    const two = await createVault('same', IT);
    const s = await seal(one.keys.publicKey, 'aad', { a: 1 });
    await expect(unseal(two.keys, 'aad', s)).rejects.toThrow();
  });

  it('wrong tries: five are free, then 30 s, 60 s, 120 s… capped at one hour', () => {
    expect([0, 1, 4].map(retryDelayMs)).toEqual([0, 0, 0]);
    expect(retryDelayMs(5)).toBe(30_000);
    expect(retryDelayMs(6)).toBe(60_000);
    expect(retryDelayMs(7)).toBe(120_000);
    expect(retryDelayMs(40)).toBe(3_600_000);
  });
});
