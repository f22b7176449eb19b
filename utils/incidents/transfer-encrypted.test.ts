import { describe, expect, it } from 'vitest';
import { EMPTY_REPORT } from '../report/types';
import { decryptExport, exportIncidents, exportIncidentsEncrypted, isEncryptedExport, parseIncidentsFile } from './transfer';
import type { IncidentRecord } from './types';

const rows: IncidentRecord[] = [{ id: 'r1', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', report: { ...EMPTY_REPORT, child: 'Noé PlantedName', facts: 'PLANTEDFACT' }, handOffs: [], status: 'saved' }];
const now = new Date('2026-11-30T12:00:00.000Z');

describe('encrypted export', () => {
  it('holds no plaintext, is recognised, and opens with the passphrase to exactly the plain export', async () => {
    const file = await exportIncidentsEncrypted(rows, 'export phrase here', now, 100_000);
    expect(file).not.toMatch(/Noé|PlantedName|PLANTEDFACT/);
    expect(isEncryptedExport(file)).toBe(true);
    expect(isEncryptedExport(exportIncidents(rows, now))).toBe(false);
    const opened = await decryptExport(file, 'export phrase here');
    expect(opened).toEqual({ ok: true, text: exportIncidents(rows, now) });
    const parsed = parseIncidentsFile(opened.ok ? opened.text : '');
    expect(parsed.ok && parsed.records).toEqual(rows);
  });

  it('a wrong passphrase or a changed byte is refused with a message; a damaged envelope too', async () => {
    const file = await exportIncidentsEncrypted(rows, 'right phrase', now, 100_000);
    expect(await decryptExport(file, 'wrong phrase')).toEqual({ ok: false, problem: { key: 'logexport_wrong_passphrase' } });
    const data = JSON.parse(file);
    const ct = data.encrypted.ct as string;
    data.encrypted.ct = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    expect(await decryptExport(JSON.stringify(data), 'right phrase')).toEqual({ ok: false, problem: { key: 'logexport_wrong_passphrase' } });
    expect(await decryptExport(JSON.stringify({ ...data, encrypted: { iv: 'x' } }), 'right phrase')).toEqual({ ok: false, problem: { key: 'logexport_damaged' } });
    expect(await decryptExport('{not json', 'right phrase')).toEqual({ ok: false, problem: { key: 'report_import_not_json' } });
  });

  it('a plain parse of an encrypted file is refused (no entries), never imported as empty', () => {
    const parsed = parseIncidentsFile(JSON.stringify({ format: 'vigie-incidents', version: 1, encrypted: {} }));
    expect(parsed).toEqual({ ok: false, problem: { key: 'report_import_no_entries' } });
  });
});
