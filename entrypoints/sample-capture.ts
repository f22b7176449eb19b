import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { REQUEST_EVENT, STATE_EVENT } from '../utils/page-state/reader';
import { parsePageState } from '../utils/page-state/receive';
import { makeSample } from '../utils/sample/file';
import { SAMPLE_ARGS_KEY, type SampleArgs, type SampleResult } from '../utils/sample/protocol';

/**
 * Injected into the meeting tab only when the teacher asks for a page sample (entrypoints/sample/, via
 * scripting.executeScript), in Vigie's isolated world: never a standing content script. It reads the page once,
 * sanitises it (utils/sample/sanitize.ts) and returns the sample to the extension page. It sends nothing anywhere.
 * The arguments (platform, its state paths, languages) were set just before by the extension page in this world.
 */
export default defineUnlistedScript((): SampleResult => {
  const scope = globalThis as unknown as Record<string, SampleArgs | undefined>;
  const args = scope[SAMPLE_ARGS_KEY];
  delete scope[SAMPLE_ARGS_KEY];
  if (!args) return { ok: false, error: 'no-args' };
  try {
    // The main-world state reader (where the platform has one) answers a request at once, synchronously.
    let state: Record<string, unknown> | null = null;
    if (args.statePaths.length) {
      const onState = (event: Event) => {
        state = parsePageState((event as CustomEvent).detail, args.statePaths);
      };
      document.addEventListener(STATE_EVENT, onState);
      document.dispatchEvent(new CustomEvent(REQUEST_EVENT));
      document.removeEventListener(STATE_EVENT, onState);
    }
    const { file, meta, stats } = makeSample({
      doc: document,
      win: window,
      url: location.href,
      platform: args.platform,
      uiLang: args.uiLang,
      extensionVersion: args.extensionVersion,
      state,
      statePaths: args.statePaths,
      schoolDomains: args.schoolDomains,
    });
    return { ok: true, file, meta, stats };
  } catch {
    return { ok: false, error: 'read-failed' };
  }
});
