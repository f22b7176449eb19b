import { h, render } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeLocale } from '../../../wxt.config';
import { IncidentLog } from '../../../components/report/IncidentLog';
import { ReportApp } from '../../../components/report/ReportApp';
import { DB_NAME, incidentStore, openIncidentsDb } from '../../../utils/incidents/db';
import { exportIncidents } from '../../../utils/incidents/transfer';
import type { IncidentRecord } from '../../../utils/incidents/types';
import { setMessages } from '../../../utils/i18n';
import { EMPTY_REPORT } from '../../../utils/report/types';

/** The report page and the log view in happy-dom: a full quota keeps the typed text; import from the log view. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(read: () => T | null | undefined | false, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}
const button = (name: RegExp) => [...document.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement | undefined;
function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeAll(() => setMessages('en', mergeLocale('en')));
afterAll(() => setMessages(null));
afterEach(() => {
  vi.restoreAllMocks();
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('report page with a full quota', () => {
  it('says the storage is full, keeps every typed word on the page, and saves once there is room again', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    render(h(ReportApp, {}), document.getElementById('app')!);
    (await until(() => button(/No one is in immediate danger/))).click();
    const facts = await until(() => document.querySelector<HTMLTextAreaElement>('#facts'));
    const status = () => document.querySelector('[data-testid="status"]')?.textContent ?? '';

    const realPut = IDBObjectStore.prototype.put;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    type(facts, 'Typed while the disk was full.');
    await until(() => status().includes('storage is full'));
    expect(status()).toBe("Your browser's storage is full: this draft is not saved. Copy your text or free some space; Vigie tries again each time you type.");
    expect(put).toHaveBeenCalled();
    expect(document.querySelector<HTMLTextAreaElement>('#facts')!.value).toBe('Typed while the disk was full.');
    type(document.querySelector<HTMLTextAreaElement>('#verbatim')!, '"still typing"');
    await sleep(400);
    expect(document.querySelector<HTMLTextAreaElement>('#facts')!.value).toBe('Typed while the disk was full.');
    expect(document.querySelector<HTMLTextAreaElement>('#verbatim')!.value).toBe('"still typing"');

    // Room again: the next change saves everything, the message goes away.
    put.mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      return realPut.apply(this, args);
    });
    type(document.querySelector<HTMLInputElement>('#reporter')!, 'J. Martin');
    await until(() => !status().includes('storage is full'));
    const saved = await incidentStore(openIncidentsDb(DB_NAME)).loadDraft();
    expect(saved?.report).toMatchObject({ facts: 'Typed while the disk was full.', verbatim: '"still typing"', reporter: 'J. Martin' });
  });
});

describe('incident log view: import', () => {
  const row = (id: string, createdAt: string): IncidentRecord => ({ id, createdAt, updatedAt: createdAt, report: { ...EMPTY_REPORT, category: 'threats', facts: id }, handOffs: [], status: 'saved' });
  function choose(file: File) {
    const input = document.querySelector<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  async function open() {
    const store = incidentStore(openIncidentsDb(`ui-${Math.random()}`));
    await store.setPrefs({ keepLog: true, retentionDays: 0 });
    document.body.innerHTML = '<main id="app"></main>';
    render(h(IncidentLog, { store, lang: 'en', onBack: () => undefined }), document.getElementById('app')!);
    await until(() => document.body.textContent?.includes('No report is kept'));
    return store;
  }

  it('offers a labelled file input even when the log is empty, imports, and reports the counts', async () => {
    const store = await open();
    const input = document.querySelector<HTMLInputElement>('#import-file')!;
    expect(document.querySelector(`label[for="import-file"]`)?.textContent).toBe('Import a log file (JSON)');
    expect(input.type).toBe('file');
    choose(new File([exportIncidents([row('a', '2026-11-02T08:00:00.000Z'), row('b', '2026-11-01T08:00:00.000Z'), { ...row('c', '2026-11-01T08:00:00.000Z'), status: 'lost' as never }])], 'vigie-incidents.json', { type: 'application/json' }));
    await until(() => document.querySelectorAll('[data-testid="incident"]').length === 2);
    expect(document.querySelector('[role="status"]')?.textContent).toBe('Import: 2 imported, 0 already there, 1 rejected.');
    expect(document.querySelector('[data-testid="import-rejected"]')?.textContent).toBe("Entry 3 (c) rejected: the field status has a value Vigie does not accept.");
    expect((await store.listIncidents()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('a file that is not an export: a clear alert, nothing written', async () => {
    const store = await open();
    choose(new File(['{"format":"something-else"}'], 'notes.json'));
    await until(() => document.querySelector('[data-testid="import-error"]')?.textContent);
    expect(document.querySelector('[data-testid="import-error"]')?.getAttribute('role')).toBe('alert');
    expect(document.querySelector('[data-testid="import-error"]')?.textContent).toContain('is not a Vigie incident log export');
    expect(await store.listIncidents()).toEqual([]);
  });

  it('a full quota during import: a clear alert, nothing written', async () => {
    const store = await open();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw quota();
    });
    choose(new File([exportIncidents([row('a', '2026-11-02T08:00:00.000Z')])], 'vigie-incidents.json'));
    await until(() => document.querySelector('[data-testid="import-error"]')?.textContent);
    expect(document.querySelector('[data-testid="import-error"]')?.textContent).toBe("Your browser's storage is full: nothing was imported. Free some space (clear other sites' data), then import again.");
    vi.restoreAllMocks();
    expect(await store.listIncidents()).toEqual([]);
  });
});
