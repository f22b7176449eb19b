import { afterEach, describe, expect, it, vi } from 'vitest';
import { incidentStore, openIncidentsDb } from '../../../utils/incidents/db';
import { exportIncidents, isQuotaError, parseIncidentsFile } from '../../../utils/incidents/transfer';
import type { IncidentRecord } from '../../../utils/incidents/types';
import { EMPTY_REPORT } from '../../../utils/report/types';

/** Incident log export → import: exact round trip, junk refused with a reason, one transaction, full quota. */

const fresh = () => incidentStore(openIncidentsDb(`transfer-${Math.random()}`));
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const full: IncidentRecord = {
  id: '0b8a4c1e-5d5e-4c61-9d7e-1f0c8b9e2a11',
  createdAt: '2026-11-20T09:12:44.123Z',
  updatedAt: '2026-11-20T09:31:02.000Z',
  report: {
    ...EMPTY_REPORT,
    category: 'peer-bullying',
    urgency: 'serious',
    incidentAt: '2026-11-20T09:05',
    platform: 'Jitsi Meet',
    url: 'https://meet.jit.si/francais3a',
    child: 'Year 8 pupil "L."',
    otherPerson: 'sk8r_boi',
    otherKind: 'pupil',
    facts: 'Line one.\nLine two with émoji 🙂 and a tab\there.',
    verbatim: '"nobody likes you"',
    actionsTaken: 'Removed from the room.',
    witnesses: 'Two pupils',
    selectedText: 'tu vas voir demain',
    evidenceNotes: 'Chat at 09:04',
    publicContent: true,
    platformReported: false,
    reporter: 'J. Martin',
  },
  handOffs: [
    { destination: 'lead', channel: 'mailto', at: '2026-11-20T09:20:00.000Z' },
    { destination: 'ceop', channel: 'form', at: '2026-11-20T09:25:00.000Z' },
  ],
  status: 'handed-off',
};
const plain = (id: string, createdAt: string): IncidentRecord => ({ id, createdAt, updatedAt: createdAt, report: { ...EMPTY_REPORT, facts: id }, handOffs: [], status: 'saved' });
const fileOf = (incidents: unknown[], extra: object = {}) => JSON.stringify({ format: 'vigie-incidents', version: 1, exportedAt: '2026-11-23T10:00:00.000Z', incidents, ...extra });

afterEach(() => vi.restoreAllMocks());

describe('incident log export and import', () => {
  it('export → import into an empty database gives exactly the same log, and the same bytes on export again', async () => {
    const source = fresh();
    for (const r of [full, plain('b', '2026-11-01T08:00:00.000Z'), plain('c', '2026-11-22T18:30:00.000Z')]) await source.addIncident(r);
    const original = await source.listIncidents();
    const file = exportIncidents(original, new Date('2026-11-23T10:00:00.000Z'));

    const parsed = parseIncidentsFile(file);
    expect(parsed).toMatchObject({ ok: true, rejected: [] });
    const target = fresh();
    expect(await target.importIncidents(parsed.ok ? parsed.records : [])).toEqual({ added: 3, existing: 0 });
    const restored = await target.listIncidents();
    expect(restored).toEqual(original);
    expect(restored.map((r) => r.id)).toEqual(['c', full.id, 'b']);
    expect(exportIncidents(restored, new Date('2026-11-23T10:00:00.000Z'))).toBe(file);
  });

  it('merges by id: a report already on the device keeps the device copy; counts added and already there', async () => {
    const s = fresh();
    const onDevice = { ...plain('b', '2026-11-01T08:00:00.000Z'), report: { ...EMPTY_REPORT, facts: 'device copy' } };
    await s.addIncident(onDevice);
    const parsed = parseIncidentsFile(fileOf([plain('a', '2026-11-02T08:00:00.000Z'), plain('b', '2026-11-01T08:00:00.000Z')]));
    expect(await s.importIncidents(parsed.ok ? parsed.records : [])).toEqual({ added: 1, existing: 1 });
    expect((await s.listIncidents()).find((r) => r.id === 'b')?.report.facts).toBe('device copy');
    // Importing the same file again adds nothing.
    expect(await s.importIncidents(parsed.ok ? parsed.records : [])).toEqual({ added: 0, existing: 2 });
  });

  it.each([
    ['empty file', '', 'report_import_not_json'],
    ['cut off mid-way', fileOf([full]).slice(0, 200), 'report_import_not_json'],
    ['not JSON at all', 'PK\u0003\u0004 zip bytes', 'report_import_not_json'],
    ['a JSON array', JSON.stringify([full]), 'report_import_wrong_format'],
    ['another format', JSON.stringify({ format: 'vigie-report', version: 1, report: EMPTY_REPORT }), 'report_import_wrong_format'],
    ['null', 'null', 'report_import_wrong_format'],
    ['a newer version', fileOf([full], { version: 2 }), 'report_import_wrong_version'],
    ['no version', JSON.stringify({ format: 'vigie-incidents', incidents: [full] }), 'report_import_wrong_version'],
    ['incidents not a list', fileOf([], { incidents: { a: full } }), 'report_import_no_entries'],
  ])('refuses a whole file that is %s with a clear reason, and writes nothing', async (_name, raw, key) => {
    const parsed = parseIncidentsFile(raw);
    expect(parsed).toEqual({ ok: false, problem: expect.objectContaining({ key }) });
    const s = fresh();
    // The page never calls the store for a refused file; the database stays empty.
    expect(await s.listIncidents()).toEqual([]);
  });

  it('rejects each bad entry with where it is wrong, imports the good ones', () => {
    const { report: _r, ...noReport } = full;
    const parsed = parseIncidentsFile(
      fileOf([
        plain('ok-1', '2026-11-01T08:00:00.000Z'),
        'a string',
        noReport,
        { ...full, id: 'bad-cat', report: { ...full.report, category: 'gossip' } },
        { ...full, id: 'bad-date', createdAt: 'yesterday' },
        { ...full, id: 'extra', report: { ...full.report, script: '<img onerror=alert(1)>' } },
        { ...full, id: 'bad-handoff', handOffs: [{ destination: 'lead', channel: 'fax', at: full.updatedAt }] },
        plain('ok-1', '2026-11-01T08:00:00.000Z'),
        { ...full, id: 'huge', report: { ...full.report, facts: 'x'.repeat(100_001) } },
      ]),
    );
    if (!parsed.ok) throw new Error('file refused');
    expect(parsed.records.map((r) => r.id)).toEqual(['ok-1']);
    expect(parsed.rejected).toEqual([
      { index: 2, id: undefined, problem: { key: 'report_import_entry_not_object' } },
      { index: 3, id: full.id, problem: { key: 'report_import_entry_missing', subs: ['report'] } },
      { index: 4, id: 'bad-cat', problem: { key: 'report_import_entry_invalid', subs: ['report.category'] } },
      { index: 5, id: 'bad-date', problem: { key: 'report_import_entry_invalid', subs: ['createdAt'] } },
      { index: 6, id: 'extra', problem: { key: 'report_import_entry_extra', subs: ['report.script'] } },
      { index: 7, id: 'bad-handoff', problem: { key: 'report_import_entry_invalid', subs: ['handOffs.0.channel'] } },
      { index: 8, id: 'ok-1', problem: { key: 'report_import_entry_duplicate' } },
      { index: 9, id: 'huge', problem: { key: 'report_import_entry_invalid', subs: ['report.facts'] } },
    ]);
  });

  it('refuses a file too large or with too many entries before parsing entries', () => {
    expect(parseIncidentsFile(' '.repeat(20 * 1024 * 1024 + 1))).toMatchObject({ ok: false, problem: { key: 'report_import_too_big' } });
    expect(parseIncidentsFile(fileOf(new Array(10_001).fill(0)))).toMatchObject({ ok: false, problem: { key: 'report_import_too_many' } });
  });

  it('never throws, whatever the text', () => {
    for (const raw of ['{', '"x"', '1', 'true', '{"format":"vigie-incidents","version":1,"incidents":[null,1,[],{}]}', '{"__proto__":{"format":"vigie-incidents"}}']) {
      expect(() => parseIncidentsFile(raw)).not.toThrow();
    }
  });
});

describe('a full quota loses nothing', () => {
  it('recognises the DOMException a full storage gives', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new DOMException('x', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('an import that hits the quota part-way writes nothing (one transaction) and says why', async () => {
    const s = fresh();
    await s.addIncident(plain('kept', '2026-10-01T08:00:00.000Z'));
    const realAdd = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (++calls === 3) throw quota();
      return realAdd.apply(this, args);
    });
    const parsed = parseIncidentsFile(fileOf([plain('a', '2026-11-01T08:00:00.000Z'), plain('b', '2026-11-02T08:00:00.000Z'), plain('c', '2026-11-03T08:00:00.000Z')]));
    const error = await s.importIncidents(parsed.ok ? parsed.records : []).catch((e: unknown) => e);
    expect(isQuotaError(error)).toBe(true);
    expect(calls).toBe(3);
    vi.restoreAllMocks();
    expect((await s.listIncidents()).map((r) => r.id)).toEqual(['kept']);
  });

  it('saveDraft and addIncident reject with the quota error and leave what was stored before intact', async () => {
    const s = fresh();
    await s.saveDraft({ id: 'current', report: { ...EMPTY_REPORT, facts: 'saved before' }, step: 1, chosen: ['lead'], handOffs: [], startedAt: 'a', savedAt: 'b' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const draftError = await s.saveDraft({ id: 'current', report: { ...EMPTY_REPORT, facts: 'typed when full' }, step: 1, chosen: ['lead'], handOffs: [], startedAt: 'a', savedAt: 'c' }).catch((e: unknown) => e);
    expect(isQuotaError(draftError)).toBe(true);
    expect(isQuotaError(await s.addIncident(plain('x', '2026-11-01T08:00:00.000Z')).catch((e: unknown) => e))).toBe(true);
    vi.restoreAllMocks();
    expect((await s.loadDraft())?.report.facts).toBe('saved before');
    expect(await s.listIncidents()).toEqual([]);
  });
});
