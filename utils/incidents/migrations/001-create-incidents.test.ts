import { describe, expect, it } from 'vitest';
import { openIncidentsDb } from '../db';

describe('migration 001: create incidents and drafts', () => {
  it('creates the incidents store (keyed by id, indexed by createdAt) and the drafts store from nothing', async () => {
    const name = `m001-${Math.random()}`;
    const db = await openIncidentsDb(name, 1);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'incidents']);
    const tx = db.transaction('incidents');
    expect(tx.store.keyPath).toBe('id');
    expect([...tx.store.indexNames]).toEqual(['createdAt']);
    db.close();
  });
});
