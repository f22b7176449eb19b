import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { EMPTY_REPORT } from '../../report/types';
import { openIncidentsDb } from '../db';
import type { Draft, IncidentRecord } from '../types';

describe('migration 002: status on incidents, prefs store', () => {
  it('keeps version-1 rows and drafts, and sets status from whether each row was handed off', async () => {
    const name = `m002-${Math.random()}`;
    const v1 = await openIncidentsDb(name, 1);
    // Rows as version 1 wrote them: no status field.
    await v1.put('incidents', { id: 'a', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', report: EMPTY_REPORT, handOffs: [{ destination: 'lead', channel: 'mailto', at: '2026-11-01T10:05:00.000Z' }] } as never);
    await v1.put('incidents', { id: 'b', createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z', report: EMPTY_REPORT } as never);
    await v1.put('drafts', { id: 'current', report: { ...EMPTY_REPORT, facts: 'typed before the update' }, step: 1, chosen: [], handOffs: [], startedAt: 'x', savedAt: 'y' });
    v1.close();

    const db = await openIncidentsDb(name, 2);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'incidents', 'prefs']);
    const a = await db.get('incidents', 'a');
    const b = await db.get('incidents', 'b');
    expect(a?.status).toBe('handed-off');
    expect(b?.status).toBe('saved');
    expect((b as IncidentRecord | undefined)?.handOffs).toEqual([]);
    expect(await db.getAllKeysFromIndex('incidents', 'status', 'saved')).toEqual(['b']);
    expect(((await db.get('drafts', 'current')) as Draft | undefined)?.report.facts).toBe('typed before the update');
    db.close();
  });

  it('leaves a row that already has a valid status untouched', async () => {
    const name = `m002b-${Math.random()}`;
    const v1 = await openDB(name, 1, { upgrade: (d) => void d.createObjectStore('incidents', { keyPath: 'id' }).createIndex('createdAt', 'createdAt') });
    await v1.put('incidents', { id: 'c', createdAt: 'z', status: 'saved', handOffs: [{ destination: 'x', channel: 'copy', at: 'z' }] });
    v1.close();
    const db = await openIncidentsDb(name, 2);
    expect((await db.get('incidents', 'c'))?.status).toBe('saved');
    db.close();
  });
});
