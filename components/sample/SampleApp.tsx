import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '../../utils/i18n';
import { platformById, platformForUrl } from '../../utils/platforms';
import { SAMPLE_ARGS_KEY, type SampleArgs } from '../../utils/sample/protocol';
import type { SampleMeta } from '../../utils/sample/file';
import type { SanitizeStats } from '../../utils/sample/sanitize';
import { SampleResultSchema } from '../../utils/schemas';
import { tabStatesItem } from '../../utils/storage';

type View =
  | { status: 'working' }
  | { status: 'error'; message: string }
  | { status: 'ready'; file: string; meta: SampleMeta; stats: SanitizeStats; href: string; name: string };

/** The tab the sample is of: ?tab=<id>, set by the popup's link. */
export function sampleTabId(search = location.search): number | null {
  const id = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The file's name: platform and day only (no room, no person). */
export function sampleFileName(meta: Pick<SampleMeta, 'platform' | 'capturedOn'>): string {
  const platform = (meta.platform ?? 'page').replace(/[^a-z0-9-]/g, '');
  return `vigie-sample-${platform || 'page'}-${meta.capturedOn}.html`;
}

/** Which platform the tab is on: the background's state for it, else its address (when the browser shows it). */
async function platformOf(tabId: number): Promise<string | null> {
  const states = await tabStatesItem.getValue().catch(() => null);
  const known = states && typeof states === 'object' ? states[String(tabId)]?.platform : undefined;
  if (known) return known;
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url ? (platformForUrl(new URL(tab.url))?.id ?? null) : null;
  } catch {
    return null;
  }
}

async function schoolDomains(): Promise<string[]> {
  try {
    const { getEffectiveSettings } = await import('../../utils/settings/effective');
    return [...((await getEffectiveSettings()).settings.schoolDomains ?? [])];
  } catch {
    return [];
  }
}

/**
 * Reads the tab once, in Vigie's isolated world, with the sanitiser (entrypoints/sample-capture.ts), and checks
 * the answer's shape. Nothing is sent anywhere: the file stays on this page until the teacher saves it.
 */
export async function captureSample(tabId: number): Promise<{ ok: true; file: string; meta: SampleMeta; stats: SanitizeStats } | { ok: false; reason: 'no-access' | 'failed' }> {
  const platform = await platformOf(tabId);
  const args: SampleArgs = {
    platform,
    statePaths: [...(platform ? (platformById(platform)?.statePaths ?? []) : [])],
    uiLang: uiLanguage(),
    extensionVersion: browser.runtime.getManifest().version,
    schoolDomains: await schoolDomains(),
  };
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      func: (key: string, value: SampleArgs) => {
        (globalThis as unknown as Record<string, SampleArgs>)[key] = value;
      },
      args: [SAMPLE_ARGS_KEY, args],
    });
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/sample-capture.js' as never] });
    const parsed = SampleResultSchema.safeParse(first?.result);
    if (!parsed.success || !parsed.data.ok) return { ok: false, reason: 'failed' };
    return { ok: true, file: parsed.data.file, meta: parsed.data.meta, stats: parsed.data.stats };
  } catch {
    // No access to the tab (it navigated, closed, or is not a page Vigie may read).
    return { ok: false, reason: 'no-access' };
  }
}

export function SampleApp(props: { tabId: number | null }) {
  const [view, setView] = useState<View>({ status: 'working' });
  const [saved, setSaved] = useState('');

  const run = async () => {
    setSaved('');
    if (props.tabId === null) {
      setView({ status: 'error', message: t('sample_no_tab') });
      return;
    }
    setView({ status: 'working' });
    const result = await captureSample(props.tabId);
    if (!result.ok) {
      setView({ status: 'error', message: t(result.reason === 'no-access' ? 'sample_no_access' : 'sample_failed') });
      return;
    }
    const href = URL.createObjectURL(new Blob([result.file], { type: 'text/html;charset=utf-8' }));
    setView((old) => {
      if (old.status === 'ready') URL.revokeObjectURL(old.href);
      return { status: 'ready', file: result.file, meta: result.meta, stats: result.stats, href, name: sampleFileName(result.meta) };
    });
  };

  useEffect(() => {
    void run();
  }, []);

  return (
    <>
      <h1>{t('sample_title')}</h1>
      <p>{t('sample_intro')}</p>
      <ul class="sample-rules">
        <li>{t('sample_rule_kept')}</li>
        <li>{t('sample_rule_replaced')}</li>
        <li>{t('sample_rule_local')}</li>
      </ul>
      <p role="status" aria-live="polite" data-testid="sample-status" class={view.status === 'error' ? 'error' : undefined}>
        {view.status === 'working' ? t('sample_working') : view.status === 'error' ? view.message : saved || t('sample_ready')}
      </p>
      {view.status === 'ready' && (
        <>
          <dl class="sample-facts">
            <dt>{t('sample_fact_platform')}</dt>
            <dd data-testid="sample-platform">{view.meta.platform ? (platformById(view.meta.platform)?.label ?? view.meta.platform) : t('sample_platform_unknown')}</dd>
            <dt>{t('sample_fact_address')}</dt>
            <dd>
              <code data-testid="sample-url">{view.meta.url}</code>
            </dd>
            <dt>{t('sample_fact_counts')}</dt>
            <dd>{t('sample_counts', [String(view.stats.elements), String(view.stats.keptTexts), String(view.stats.maskedTexts)])}</dd>
          </dl>
          <label for="sample-preview">{t('sample_preview_label')}</label>
          <p class="hint" id="sample-preview-hint">
            {t('sample_preview_hint')}
          </p>
          <textarea id="sample-preview" readOnly rows={18} spellcheck={false} aria-describedby="sample-preview-hint" value={view.file} data-testid="sample-preview" />
          <div class="actions">
            <a class="button" href={view.href} download={view.name} data-testid="sample-save" onClick={() => setSaved(t('sample_saved', [view.name]))}>
              {t('sample_save')}
            </a>
            <button type="button" class="secondary" onClick={() => void run()}>
              {t('sample_again')}
            </button>
          </div>
        </>
      )}
      {view.status === 'error' && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => void run()}>
            {t('sample_again')}
          </button>
        </div>
      )}
    </>
  );
}
