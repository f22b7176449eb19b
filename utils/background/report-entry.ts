import { browser } from 'wxt/browser';
import { getMessage } from '../i18n';
import { onMessage } from '../messaging';
import { platformById, platformForUrl } from '../platforms';
import { SELECTION_CAP, type ReportContext, type ReportEntry } from '../report/context';
import { redactUrl } from '../report/redact';
import { reportEntriesItem } from '../storage';
import { summarise } from './scoring';
import { fromExtensionPage } from './sender';
import { getTabState } from './tab-state';

/**
 * The ways into "Report a concern" besides the popup button: a context-menu item on pages, links, selected text
 * and images, and a keyboard shortcut (manifest `commands`). Each opens report.html?tab=<id> in a new tab; the
 * user's gesture grants activeTab on the source tab, which is how the background may read its URL (no "tabs"
 * permission). Nothing is fetched: for an image, only its address is noted.
 */

export const REPORT_MENU_ID = 'vigie-report';
export const REPORT_COMMAND = 'open-report';

export function reportPageUrl(tabId?: number): string {
  return browser.runtime.getURL('/report.html') + (tabId ? `?tab=${tabId}` : '');
}

async function openReport(tab?: { id?: number; index?: number; windowId?: number }): Promise<void> {
  await browser.tabs.create({
    url: reportPageUrl(tab?.id),
    ...(typeof tab?.index === 'number' ? { index: tab.index + 1 } : {}),
    ...(typeof tab?.windowId === 'number' ? { windowId: tab.windowId } : {}),
  });
}

async function rememberEntry(tabId: number, entry: ReportEntry): Promise<void> {
  const all = await reportEntriesItem.getValue().catch(() => ({}) as Record<string, ReportEntry>);
  const next = { ...(all && typeof all === 'object' ? all : {}), [String(tabId)]: entry };
  await reportEntriesItem.setValue(next).catch((e) => console.warn('[vigie] could not keep the right-click context', e));
}

async function readEntry(tabId: number): Promise<ReportEntry | undefined> {
  const all = await reportEntriesItem.getValue().catch(() => ({}) as Record<string, ReportEntry>);
  return all && typeof all === 'object' ? all[String(tabId)] : undefined;
}

function createMenu(): void {
  // Firefox for Android has no context menus: the popup button still opens the report.
  if (!browser.contextMenus) return;
  void browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({ id: REPORT_MENU_ID, title: getMessage('report_menu_title') || 'Report a concern…', contexts: ['page', 'link', 'selection', 'image'] }),
    )
    .catch((e) => console.warn('[vigie] could not add the report menu item', e));
}

/** The report page asks what it may pre-fill: redacted URL, platform, score summary, the user's selection. */
export async function reportContext(tabId: number): Promise<ReportContext> {
  const [entry, state] = await Promise.all([readEntry(tabId), getTabState(tabId)]);
  let raw = entry?.pageUrl || state?.url || '';
  if (!raw) raw = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? '';
  const url = redactUrl(raw);
  const adapter = state ? platformById(state.platform) : url ? platformForUrl(new URL(url)) : undefined;
  return {
    url,
    platform: adapter?.id ?? '',
    platformLabel: adapter?.label ?? '',
    score: state ? summarise(state) : null,
    selectionText: (entry?.selectionText ?? '').slice(0, SELECTION_CAP),
    linkUrl: redactUrl(entry?.linkUrl ?? ''),
    srcUrl: redactUrl(entry?.srcUrl ?? ''),
  };
}

export function registerReportEntry(): void {
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup?.addListener(createMenu);

  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== REPORT_MENU_ID) return;
    void (async () => {
      if (typeof tab?.id === 'number' && tab.id >= 0) {
        await rememberEntry(tab.id, {
          pageUrl: info.pageUrl ?? '',
          selectionText: (info.selectionText ?? '').slice(0, SELECTION_CAP),
          linkUrl: info.linkUrl ?? '',
          srcUrl: info.mediaType === 'image' || info.srcUrl ? (info.srcUrl ?? '') : '',
          at: new Date().toISOString(),
        });
      }
      await openReport(tab);
    })();
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== REPORT_COMMAND) return;
    void (async () => {
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      await openReport(target);
    })();
  });

  onMessage('report.getContext', async ({ data, sender }) => {
    if (!fromExtensionPage(sender) || typeof data !== 'number' || !Number.isInteger(data) || data <= 0) return null;
    return reportContext(data);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void reportEntriesItem
      .getValue()
      .then((all) => {
        if (all && typeof all === 'object' && String(tabId) in all) {
          const { [String(tabId)]: _gone, ...rest } = all;
          return reportEntriesItem.setValue(rest);
        }
      })
      .catch(() => undefined);
  });
}
