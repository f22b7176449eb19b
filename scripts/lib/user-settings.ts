import { currentWorker, type Harness } from './harness';

/** Replace the teacher's own settings (and forget boundary dismissals) in the running extension, as the options page would. */
export async function setUserSettings(h: Harness, values: Record<string, unknown>): Promise<void> {
  const worker = await currentWorker(h);
  await worker.evaluate(async (v) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void>; remove(k: string[]): Promise<void> } } } }).chrome;
    await c.storage.local.remove(['userSettings', 'boundaryDismissals']);
    await c.storage.local.set({ userSettings: v });
  }, values);
}
