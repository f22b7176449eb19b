import { describe, expect, it } from 'vitest';
import { incidentStore, openIncidentsDb } from '../../../utils/incidents/db';
import type { IncidentRecord } from '../../../utils/incidents/types';
import { EMPTY_REPORT } from '../../../utils/report/types';

const fresh = () => incidentStore(openIncidentsDb(`store-${Math.random()}`));
const record = (id: string, createdAt: string): IncidentRecord => ({ id, createdAt, updatedAt: createdAt, report: { ...EMPTY_REPORT, facts: id }, handOffs: [], status: 'saved' });

describe('incident store', () => {
  it('saves, restores and clears the one current draft', async () => {
    const s = fresh();
    expect(await s.loadDraft()).toBeUndefined();
    await s.saveDraft({ id: 'current', report: { ...EMPTY_REPORT, facts: 'first' }, step: 1, chosen: ['lead'], handOffs: [], startedAt: 'a', savedAt: 'b' });
    await s.saveDraft({ id: 'current', report: { ...EMPTY_REPORT, facts: 'second' }, step: 2, chosen: ['lead', 'ceop'], handOffs: [], startedAt: 'a', savedAt: 'c' });
    const d = await s.loadDraft();
    expect(d).toMatchObject({ step: 2, chosen: ['lead', 'ceop'], report: { facts: 'second' } });
    await s.clearDraft();
    expect(await s.loadDraft()).toBeUndefined();
  });

  it('the log is off by default, with a 30-day retention; bad retention values fall back', async () => {
    const s = fresh();
    expect(await s.getPrefs()).toEqual({ id: 'prefs', keepLog: false, retentionDays: 30 });
    await s.setPrefs({ keepLog: true, retentionDays: 7 });
    expect(await s.getPrefs()).toEqual({ id: 'prefs', keepLog: true, retentionDays: 7 });
    await s.setPrefs({ keepLog: true, retentionDays: -3 });
    expect((await s.getPrefs()).retentionDays).toBe(30);
  });

  it('lists newest first, deletes one, deletes all', async () => {
    const s = fresh();
    await s.addIncident(record('old', '2026-01-01T00:00:00.000Z'));
    await s.addIncident(record('new', '2026-02-01T00:00:00.000Z'));
    expect((await s.listIncidents()).map((r) => r.id)).toEqual(['new', 'old']);
    await s.deleteIncident('new');
    expect((await s.listIncidents()).map((r) => r.id)).toEqual(['old']);
    await s.deleteAll();
    expect(await s.listIncidents()).toEqual([]);
  });

  it('retention deletes reports older than N days, keeps the rest; 0 keeps everything', async () => {
    const s = fresh();
    const now = new Date('2026-11-23T12:00:00.000Z');
    await s.addIncident(record('40-days', '2026-10-14T12:00:00.000Z'));
    await s.addIncident(record('10-days', '2026-11-13T12:00:00.000Z'));
    await s.setPrefs({ keepLog: true, retentionDays: 0 });
    expect(await s.applyRetention(now)).toBe(0);
    await s.setPrefs({ keepLog: true, retentionDays: 30 });
    expect(await s.applyRetention(now)).toBe(1);
    expect((await s.listIncidents()).map((r) => r.id)).toEqual(['10-days']);
  });
});
