import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../utils/incidents/types';
import { EMPTY_REPORT } from '../../utils/report/types';
import { store } from './log-store';
import { useDraft, withField, type DraftState } from './useDraft';

/** The report draft's hook on its own: what it restores, and that hiding the page saves at once (not 300 ms later). */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(read: () => T | null | undefined | false, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

const base: Draft = { id: 'current', report: { ...EMPTY_REPORT }, step: 1, chosen: ['lead'], handOffs: [], startedAt: '2026-11-20T09:00:00.000Z', savedAt: '2026-11-20T09:05:00.000Z' };

let api: DraftState | null = null;
function Harness({ onLoaded }: { onLoaded(at: string | null): void }) {
  api = useDraft(Promise.resolve(null), onLoaded);
  return null;
}
async function mount() {
  const onLoaded = vi.fn();
  document.body.innerHTML = '<main id="app"></main>';
  render(<Harness onLoaded={onLoaded} />, document.getElementById('app')!);
  await until(() => onLoaded.mock.calls.length > 0 && api?.draft);
  return onLoaded;
}

afterEach(async () => {
  vi.restoreAllMocks();
  const app = document.getElementById('app');
  if (app) render(null, app);
  api = null;
  await store.clearDraft();
});

describe('withField', () => {
  it('"the lead may be the person concerned" sends the report to the second contact instead, and back', () => {
    const on = withField({ ...base, chosen: ['lead', 'cyberaide'] }, 'leadConcerned', true);
    expect(on.chosen).toEqual(['cyberaide', 'alternate']);
    expect(on.report.leadConcerned).toBe(true);
    const off = withField(on, 'leadConcerned', false);
    expect(off.chosen).toEqual(['lead', 'cyberaide']);
  });

  it('any other field leaves the destinations alone', () => {
    const next = withField({ ...base, chosen: ['alternate'] }, 'facts', 'Said in the chat.');
    expect(next.chosen).toEqual(['alternate']);
    expect(next.report.facts).toBe('Said in the chat.');
  });
});

describe('useDraft', () => {
  it('restores a saved draft as it was, and says when it was saved', async () => {
    await store.saveDraft({ ...base, report: { ...EMPTY_REPORT, facts: 'Typed yesterday.' } });
    const onLoaded = await mount();
    expect(onLoaded).toHaveBeenCalledWith('2026-11-20T09:05:00.000Z');
    expect(api!.draft).toMatchObject({ step: 1, report: { facts: 'Typed yesterday.' } });
  });

  it('with nothing saved: a new draft at the first step, sent to the lead by default', async () => {
    const onLoaded = await mount();
    expect(onLoaded).toHaveBeenCalledWith(null);
    expect(api!.draft).toMatchObject({ step: 0, chosen: ['lead'], handOffs: [], report: { facts: '', incidentAt: '' } });
  });

  it.each(['pagehide', 'visibilitychange'])('%s saves the pending change at once, and only once', async (event) => {
    await mount();
    const save = vi.spyOn(store, 'saveDraft');
    api!.update(withField(api!.draft!, 'facts', 'Typed just before closing.'));
    expect(save).not.toHaveBeenCalled();
    (event === 'pagehide' ? window : document).dispatchEvent(new Event(event));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0].report.facts).toBe('Typed just before closing.');
    await sleep(400); // past the debounce: nothing left to save
    expect(save).toHaveBeenCalledTimes(1);
    expect((await store.loadDraft())?.report.facts).toBe('Typed just before closing.');
  });

  it('a change is saved on its own after the debounce', async () => {
    await mount();
    const save = vi.spyOn(store, 'saveDraft');
    api!.update(withField(api!.draft!, 'facts', 'Still typing.'));
    await until(() => save.mock.calls.length > 0, 2000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it.each(['the debounce', 'pagehide'])('starting over within the debounce discards the pending change: %s does not write it back', async (then) => {
    await mount();
    api!.update(withField(api!.draft!, 'facts', 'A draft the teacher discards.'));
    await api!.startOver((await import('../../utils/settings/schema')).DEFAULT_SETTINGS);
    if (then === 'pagehide') window.dispatchEvent(new Event('pagehide'));
    await sleep(400);
    expect((await store.loadDraft())?.report.facts ?? '').toBe('');
    expect(api!.draft?.report.facts).toBe('');
  });
});
