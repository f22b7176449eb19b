import { describe, expect, it } from 'vitest';
import { EMPTY_REPORT } from '../../report/types';
import { incidentStore, openIncidentsDb } from '../db';

describe('migration 003: the vault store', () => {
  it('adds an empty vault store and keeps version-2 rows, prefs and the draft as they were (still plain)', async () => {
    const name = `m003-${Math.random()}`;
    const v2 = await openIncidentsDb(name, 2);
    await v2.put('incidents', { id: 'a', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', report: { ...EMPTY_REPORT, child: 'Léa Martin' }, handOffs: [], status: 'saved' });
    await v2.put('prefs', { id: 'prefs', keepLog: true, retentionDays: 7 });
    await v2.put('drafts', { id: 'current', report: { ...EMPTY_REPORT, facts: 'typed before the update' }, step: 1, chosen: [], handOffs: [], startedAt: 'x', savedAt: 'y' });
    v2.close();

    const db = await openIncidentsDb(name, 3);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'incidents', 'prefs', 'vault']);
    expect(db.transaction('vault').store.keyPath).toBe('id');
    expect(await db.count('vault')).toBe(0);
    expect(await db.get('incidents', 'a')).toMatchObject({ report: { child: 'Léa Martin' } });
    expect(await db.get('prefs', 'prefs')).toEqual({ id: 'prefs', keepLog: true, retentionDays: 7 });
    db.close();
  });

  it('after the update, setting a passphrase seals the old plain rows and the draft; the passphrase opens them', async () => {
    const name = `m003b-${Math.random()}`;
    const v2 = await openIncidentsDb(name, 2);
    await v2.put('incidents', { id: 'a', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', report: { ...EMPTY_REPORT, child: 'Léa Martin' }, handOffs: [], status: 'handed-off' });
    await v2.put('drafts', { id: 'current', report: { ...EMPTY_REPORT, facts: 'typed before the update' }, step: 1, chosen: [], handOffs: [], startedAt: 'x', savedAt: 'y' });
    v2.close();
    const dbp = openIncidentsDb(name, 3);
    const s = incidentStore(dbp, { iterations: 1_000 });
    await s.protect('a long passphrase');
    const db = await dbp;
    const raw = JSON.stringify([await db.getAll('incidents'), await db.getAll('drafts')]);
    expect(raw).not.toMatch(/Léa|Martin|typed before/);
    expect(await db.getAllKeysFromIndex('incidents', 'status', 'handed-off')).toEqual(['a']);
    s.lock();
    expect((await s.unlock('a long passphrase')).ok).toBe(true);
    expect((await s.listIncidents())[0].report.child).toBe('Léa Martin');
    expect((await s.loadDraft())?.report.facts).toBe('typed before the update');
  });
});
