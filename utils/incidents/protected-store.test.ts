import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_REPORT } from '../report/types';
import { incidentStore, openIncidentsDb } from './db';
import { LogLockedError } from './vault';
import type { IncidentRecord } from './types';

const CHILD = 'Zoé Gagnon-Planted';
const FACT = 'PLANTED-FACT asked for a photo';
const record = (id: string, createdAt = '2026-11-20T10:00:00.000Z'): IncidentRecord => ({ id, createdAt, updatedAt: createdAt, report: { ...EMPTY_REPORT, child: CHILD, facts: `${FACT} ${id}` }, handOffs: [], status: 'saved' });
const draft = (facts: string) => ({ id: 'current' as const, report: { ...EMPTY_REPORT, child: CHILD, facts }, step: 1, chosen: ['lead'], handOffs: [], startedAt: 'a', savedAt: 'b' });

function setup(now?: () => number) {
  const dbp = openIncidentsDb(`prot-${Math.random()}`);
  return { dbp, s: incidentStore(dbp, { iterations: 1_000, now }) };
}
async function rawDump(dbp: ReturnType<typeof openIncidentsDb>): Promise<string> {
  const db = await dbp;
  return JSON.stringify(await Promise.all([...db.objectStoreNames].map((n) => db.getAll(n))));
}

afterEach(() => void vi.useRealTimers());

describe('protected incident log', () => {
  it('stores no plaintext of a planted child name or fact, in incidents or in the draft', async () => {
    const { dbp, s } = setup();
    await s.addIncident(record('before'));
    await s.protect('pass phrase');
    await s.addIncident(record('after'));
    await s.saveDraft(draft(`${FACT} draft`));
    const raw = await rawDump(dbp);
    expect(raw).not.toContain('Zoé');
    expect(raw).not.toContain('Gagnon');
    expect(raw).not.toContain('PLANTED');
    expect((await s.listIncidents()).map((r) => r.report.facts).sort()).toEqual([`${FACT} after`, `${FACT} before`]);
  });

  it('writing a report and a draft needs no unlock; reading does', async () => {
    const { s } = setup();
    await s.protect('pass phrase');
    s.lock();
    expect(await s.lockState()).toBe('locked');
    await s.addIncident(record('x'));
    await s.saveDraft(draft('typed while locked'));
    await expect(s.listIncidents()).rejects.toBeInstanceOf(LogLockedError);
    await expect(s.loadDraft()).rejects.toBeInstanceOf(LogLockedError);
    expect(await s.draftNeedsUnlock()).toBe(true);
    expect(await s.unlock('pass phrase')).toEqual({ ok: true });
    expect(await s.lockState()).toBe('unlocked');
    expect((await s.loadDraft())?.report.facts).toBe('typed while locked');
    expect((await s.listIncidents()).map((r) => r.id)).toEqual(['x']);
  });

  it('a second store on the same database (another tab, the page reopened) starts locked: the key is in memory only', async () => {
    const { dbp, s } = setup();
    await s.protect('pass phrase');
    await s.addIncident(record('x'));
    const other = incidentStore(dbp, { iterations: 1_000 });
    expect(await other.lockState()).toBe('locked');
    await expect(other.listIncidents()).rejects.toBeInstanceOf(LogLockedError);
  });

  it('five wrong tries are free; the sixth waits 30 s, then 60 s; the wait is persisted; the log is never wiped', async () => {
    let t = 1_000_000;
    const { dbp, s } = setup(() => t);
    await s.addIncident(record('kept'));
    await s.protect('right');
    s.lock();
    for (let i = 1; i <= 4; i++) expect(await s.unlock('wrong')).toEqual({ ok: false, reason: 'wrong', failures: i, waitMs: 0 });
    expect(await s.unlock('wrong')).toEqual({ ok: false, reason: 'wrong', failures: 5, waitMs: 30_000 });
    // Even the right passphrase waits; a fresh store (page reopened) sees the same wait.
    expect(await s.unlock('right')).toMatchObject({ ok: false, reason: 'wait', waitMs: 30_000 });
    const reopened = incidentStore(dbp, { iterations: 1_000, now: () => t });
    expect(await reopened.unlock('right')).toMatchObject({ ok: false, reason: 'wait' });
    t += 30_000;
    expect(await s.unlock('wrong')).toMatchObject({ ok: false, failures: 6, waitMs: 60_000 });
    t += 60_000;
    expect(await s.unlock('right')).toEqual({ ok: true });
    expect((await s.listIncidents()).map((r) => r.id)).toEqual(['kept']);
    s.lock();
    expect(await s.unlock('wrong')).toMatchObject({ failures: 1, waitMs: 0 });
  });

  it('locks itself after the idle time (default 15 minutes), and touch() restarts the timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { s } = setup();
    await s.protect('p');
    const seen: string[] = [];
    s.onLockChange((state) => seen.push(state));
    vi.advanceTimersByTime(14 * 60_000);
    s.touch();
    vi.advanceTimersByTime(14 * 60_000);
    expect(await s.lockState()).toBe('unlocked');
    vi.advanceTimersByTime(60_001);
    expect(await s.lockState()).toBe('locked');
    expect(seen).toEqual(['locked']);
    await s.unlock('p');
    await s.setIdleMinutes(2);
    expect(await s.getIdleMinutes()).toBe(2);
    vi.advanceTimersByTime(2 * 60_000 + 1);
    expect(await s.lockState()).toBe('locked');
  });

  it('changing the passphrase re-encrypts every row: the old one stops working, the new one opens everything', async () => {
    const { dbp, s } = setup();
    await s.protect('old phrase');
    for (const id of ['a', 'b', 'c']) await s.addIncident(record(id));
    await s.saveDraft(draft('draft text'));
    const before = await rawDump(dbp);
    expect(await s.changePassphrase('not it', 'new phrase')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await s.changePassphrase('old phrase', 'new phrase')).toEqual({ ok: true });
    const after = await rawDump(dbp);
    expect(after).not.toBe(before);
    expect(after).not.toContain('PLANTED');
    s.lock();
    expect(await s.unlock('old phrase')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await s.unlock('new phrase')).toEqual({ ok: true });
    expect((await s.listIncidents()).map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    expect((await s.loadDraft())?.report.facts).toBe('draft text');
  });

  it('a passphrase change interrupted midway (transaction aborted after two rows) loses nothing: the old passphrase still opens all', async () => {
    const { dbp, s } = setup();
    await s.protect('old phrase');
    for (const id of ['a', 'b', 'c', 'd']) await s.addIncident(record(id));
    const before = await rawDump(dbp);
    await expect(s.changePassphrase('old phrase', 'new phrase', (i, abort) => i === 2 && abort())).rejects.toThrow();
    expect(await rawDump(dbp)).toBe(before);
    const fresh = incidentStore(dbp, { iterations: 1_000 });
    expect(await fresh.unlock('new phrase')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await fresh.unlock('old phrase')).toEqual({ ok: true });
    expect((await fresh.listIncidents()).map((r) => r.report.facts).sort()).toEqual(['a', 'b', 'c', 'd'].map((id) => `${FACT} ${id}`));
  });

  it('another tab changing the passphrase locks this one instead of reading with a stale key', async () => {
    const { dbp, s } = setup();
    await s.protect('one');
    await s.addIncident(record('a'));
    const tab2 = incidentStore(dbp, { iterations: 1_000 });
    await tab2.changePassphrase('one', 'two');
    await expect(s.listIncidents()).rejects.toBeInstanceOf(LogLockedError);
    expect(await s.lockState()).toBe('locked');
    await s.addIncident(record('b'));
    expect(await s.unlock('two')).toEqual({ ok: true });
    expect((await s.listIncidents()).map((r) => r.id).sort()).toEqual(['a', 'b']);
  });

  it('an import into a protected log is sealed, and merges by id as before', async () => {
    const { dbp, s } = setup();
    await s.protect('p');
    await s.addIncident(record('a'));
    expect(await s.importIncidents([record('a'), record('z')])).toEqual({ added: 1, existing: 1 });
    expect(await rawDump(dbp)).not.toContain('PLANTED');
    expect((await s.listIncidents()).map((r) => r.id).sort()).toEqual(['a', 'z']);
  });

  it('a ciphertext moved to another id does not open (the id is bound as additional data)', async () => {
    const { dbp, s } = setup();
    await s.protect('p');
    await s.addIncident(record('a'));
    await s.addIncident(record('b'));
    const db = await dbp;
    const a = await db.get('incidents', 'a');
    await db.put('incidents', { ...(a as object), id: 'b' } as never);
    await expect(s.listIncidents()).rejects.toThrow();
  });

  it('retention still deletes old sealed reports (createdAt stays plain), even while locked', async () => {
    const { s } = setup();
    await s.protect('p');
    s.lock();
    await s.addIncident(record('old', '2026-01-01T00:00:00.000Z'));
    await s.addIncident(record('new', '2026-11-20T00:00:00.000Z'));
    expect(await s.applyRetention(new Date('2026-11-23T00:00:00.000Z'))).toBe(1);
    await s.unlock('p');
    expect((await s.listIncidents()).map((r) => r.id)).toEqual(['new']);
  });
});
