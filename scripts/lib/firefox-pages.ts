import type { FirefoxHarness } from './firefox';

/**
 * Opening the add-on's own pages (options, report, popup) in Firefox under WebDriver BiDi.
 *
 * Two things found by trying, on firefox-esr 153:
 * - BiDi refuses to navigate to moz-extension:// URLs ("not allowed in this context") unless the remote agent is
 *   allowed system access: set MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1 in the environment BEFORE launchFirefox (web-ext
 *   passes the environment on to Firefox). Call allowExtensionPages() first.
 * - The `extensions.webextensions.uuids` pref set by launchFirefox does not decide the add-on's internal hostname
 *   for a temporary add-on here, so `fx.uuid` is not the page host. The real one is read from the browser's
 *   chrome scope (WebExtensionPolicy), which system access also allows.
 */
export function allowExtensionPages(): void {
  process.env.MOZ_REMOTE_ALLOW_SYSTEM_ACCESS = '1';
}

/** The browser window's chrome-scope context (system access: MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1 before launch). */
export async function chromeContext(fx: FirefoxHarness): Promise<string> {
  const tree = (await fx.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as { contexts: { context: string }[] };
  const chrome = tree.contexts[0]?.context;
  if (!chrome) throw new Error('no chrome window: was MOZ_REMOTE_ALLOW_SYSTEM_ACCESS set before launch?');
  return chrome;
}

/** The moz-extension:// host of an installed add-on, by its gecko id. */
export async function extensionHost(fx: FirefoxHarness, geckoId: string): Promise<string> {
  const chrome = await chromeContext(fx);
  for (let i = 0; i < 40; i++) {
    const res = (await fx.bidi.send('script.evaluate', {
      expression: `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)})?.mozExtensionHostname ?? ''`,
      target: { context: chrome },
      awaitPromise: false,
    })) as { result?: { value?: string } };
    if (res.result?.value) return res.result.value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`add-on ${geckoId} is not installed`);
}

/** Open one of the add-on's pages in a new tab; returns its BiDi browsing context. */
export async function openExtensionPage(fx: FirefoxHarness, geckoId: string, path: string): Promise<string> {
  return fx.open(`moz-extension://${await extensionHost(fx, geckoId)}/${path.replace(/^\//, '')}`);
}

/** Poll an expression in a context until it returns a truthy value (test-side polling only). */
export async function waitFor<T>(fx: FirefoxHarness, context: string, expression: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await fx.evaluate<T>(context, expression).catch(() => undefined as T);
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${expression} (last: ${JSON.stringify(last)})`);
}
