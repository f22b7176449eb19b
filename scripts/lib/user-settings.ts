import { currentWorker, type Harness } from './harness';

type LocalArea = { chrome: { storage: { local: { set(x: object): Promise<void>; remove(k: string[]): Promise<void> } } } };

/** Write the teacher's own settings in the running extension (replacing what was there), as the options page's save does. */
export async function writeUserSettings(h: Harness, values: Record<string, unknown>): Promise<void> {
  const worker = await currentWorker(h);
  await worker.evaluate(async (v) => {
    await (globalThis as unknown as LocalArea).chrome.storage.local.set({ userSettings: v });
  }, values);
}

/** Replace the teacher's own settings (and forget boundary dismissals) in the running extension, as the options page would. */
export async function setUserSettings(h: Harness, values: Record<string, unknown>): Promise<void> {
  const worker = await currentWorker(h);
  await worker.evaluate(async (v) => {
    const c = (globalThis as unknown as LocalArea).chrome;
    await c.storage.local.remove(['userSettings', 'boundaryDismissals']);
    await c.storage.local.set({ userSettings: v });
  }, values);
}
