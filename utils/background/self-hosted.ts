import { browser } from 'wxt/browser';
import type { SelfHostedStatus } from '../messaging';
import { SELF_HOSTED_PLATFORMS } from '../platforms/ids';
import { normaliseOrigin, originPattern, setSelfHostedOrigins, type SelfHostedOrigin } from '../platforms/self-hosted';
import type { PlatformAdapter } from '../platforms/types';
import { getEffectiveSettings } from '../settings/effective';

/**
 * Self-hosted origins, background side. For each origin in the settings (teacher or school policy) whose host
 * permission the browser granted, the platform's content scripts (the same files the manifest declares for its
 * public hosts, ISOLATED and MAIN world alike) are registered for exactly that origin with
 * scripting.registerContentScripts (persistAcrossSessions). Registrations no longer wanted are removed.
 * Nothing here ever asks for a permission: that happens in the options page, in the teacher's click.
 */

const ID_PREFIX = 'vigie-sh-';

type ScriptingApi = {
  registerContentScripts(scripts: unknown[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[]; js?: string[] }[]>;
};
const scripting = (): ScriptingApi | undefined => (browser as unknown as { scripting?: ScriptingApi }).scripting;

/** The stored origins, deduplicated and normalised (invalid ones skipped). */
export async function storedSelfHostedOrigins(): Promise<SelfHostedOrigin[]> {
  const { settings } = await getEffectiveSettings();
  const seen = new Map<string, SelfHostedOrigin>();
  for (const entry of settings.selfHostedOrigins ?? []) {
    const origin = normaliseOrigin(entry.origin);
    if (origin && !seen.has(origin)) seen.set(origin, { origin, platform: entry.platform });
  }
  return [...seen.values()];
}

/** The manifest's content scripts for a platform: content-scripts/<id>.js and content-scripts/<id>-state.js. */
export function platformScripts(manifest: { content_scripts?: { js?: string[]; world?: string; run_at?: string }[] }, platform: string) {
  const out: { file: string; world: 'ISOLATED' | 'MAIN'; runAt: string }[] = [];
  for (const cs of manifest.content_scripts ?? []) {
    for (const file of cs.js ?? []) {
      if (file === `content-scripts/${platform}.js` || file === `content-scripts/${platform}-state.js`) {
        out.push({ file, world: cs.world === 'MAIN' ? 'MAIN' : 'ISOLATED', runAt: cs.run_at ?? 'document_idle' });
      }
    }
  }
  // A self-hostable platform with no public host (BigBlueButton) is built for run-time registration only
  // (modules/platform-content-scripts.ts gives it WXT `registration: 'runtime'`): Chrome refuses a manifest content
  // script with no match, so it is absent from the manifest and registered here, under its generated file name.
  if (!out.length && (SELF_HOSTED_PLATFORMS as readonly string[]).includes(platform)) out.push({ file: `content-scripts/${platform}.js`, world: 'ISOLATED', runAt: 'document_idle' });
  return out;
}

/** One registration id per origin and script, stable so re-syncing is idempotent. */
export function registrationId(origin: string, file: string): string {
  return `${ID_PREFIX}${origin.replace(/^https:\/\//, '').replace(/[^a-z0-9.-]/gi, '_')}-${file.replace(/^content-scripts\//, '').replace(/\.js$/, '')}`;
}

let syncing: Promise<SelfHostedStatus[]> | undefined;

/** Bring registrations in line with settings + granted permissions. Serialised; never throws. */
export function syncSelfHostedScripts(): Promise<SelfHostedStatus[]> {
  const run = async (): Promise<SelfHostedStatus[]> => {
    const api = scripting();
    const wanted = await storedSelfHostedOrigins().catch(() => []);
    setSelfHostedOrigins(wanted);
    const manifest = browser.runtime.getManifest() as Parameters<typeof platformScripts>[0];
    const status: SelfHostedStatus[] = [];
    const keep = new Map<string, { id: string; matches: string[]; js: string[]; world: 'ISOLATED' | 'MAIN'; runAt: string; persistAcrossSessions: true; allFrames: false }>();
    for (const entry of wanted) {
      let granted = false;
      try {
        granted = await browser.permissions.contains({ origins: [originPattern(entry.origin)] });
      } catch {
        granted = false;
      }
      const scripts = platformScripts(manifest, entry.platform);
      if (granted) {
        for (const s of scripts) {
          const id = registrationId(entry.origin, s.file);
          keep.set(id, { id, matches: [originPattern(entry.origin)], js: [s.file], world: s.world, runAt: s.runAt, persistAcrossSessions: true, allFrames: false });
        }
      }
      status.push({ origin: entry.origin, platform: entry.platform, granted, active: granted && scripts.length > 0 && !!api });
    }
    if (!api) return status;
    try {
      const existing = (await api.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
      const stale = existing.filter((s) => !keep.has(s.id) || JSON.stringify(s.matches) !== JSON.stringify(keep.get(s.id)!.matches)).map((s) => s.id);
      if (stale.length) await api.unregisterContentScripts({ ids: stale });
      const present = new Set(existing.map((s) => s.id).filter((id) => !stale.includes(id)));
      const missing = [...keep.values()].filter((s) => !present.has(s.id));
      if (missing.length) await api.registerContentScripts(missing);
    } catch (error) {
      console.warn('[vigie] could not register self-hosted content scripts', error);
      for (const s of status) s.active = false;
    }
    return status;
  };
  const next = (syncing ?? Promise.resolve([])).catch(() => []).then(run);
  syncing = next.catch(() => []);
  return next.catch(() => []);
}

/**
 * Does this adapter accept the sender's URL? Its own `matches` first (public hosts), then, for a URL on a
 * stored self-hosted origin of this platform, `matches` again with the allowlist loaded from settings.
 */
export async function adapterAcceptsUrl(adapter: PlatformAdapter, url: URL): Promise<boolean> {
  if (adapter.matches(url)) return true;
  const stored = await storedSelfHostedOrigins().catch(() => []);
  if (!stored.some((e) => e.origin === url.origin && e.platform === adapter.id)) return false;
  setSelfHostedOrigins(stored);
  return adapter.matches(url);
}

/** For cs.getPageContext: the stored entry for the sender's own origin only (a page learns nothing else). */
export async function selfHostedForSender(senderUrl: string | undefined): Promise<SelfHostedOrigin[]> {
  if (!senderUrl) return [];
  let origin: string;
  try {
    origin = new URL(senderUrl).origin;
  } catch {
    return [];
  }
  return (await storedSelfHostedOrigins().catch(() => [])).filter((e) => e.origin === origin);
}

/** Keep registrations in sync when settings or permissions change, and at start-up. */
export function watchSelfHosted(): void {
  const resync = () => void syncSelfHostedScripts();
  browser.runtime.onInstalled?.addListener(resync);
  browser.runtime.onStartup?.addListener(resync);
  browser.permissions?.onAdded?.addListener(resync);
  browser.permissions?.onRemoved?.addListener(resync);
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && 'userSettings' in changes) || area === 'managed') resync();
  });
}
