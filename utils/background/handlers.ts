import { browser } from 'wxt/browser';
import { applyConfirmation } from '../checklist/confirmations';
import { onMessage, sendMessage, type ObservationReport } from '../messaging';
import { platformById } from '../platforms';
import { scopedKeys } from '../platforms/scopes';
import { ConfirmationRequestSchema, ObservationReportSchema } from '../schemas';
import { getEffectiveSettings } from '../settings/effective';
import { confirmationsItem, readConfirmations } from '../storage';
import { rememberSettings } from './remembered-settings';
import { adapterAcceptsUrl, selfHostedForSender, syncSelfHostedScripts, watchSelfHosted } from './self-hosted';
import { fromExtensionPage, fromSenderUrl, safeUrl } from './sender';
import { serial } from './serial';
import { rescoreOpenTabs, SCORE_INPUTS, scoreTab, summarise } from './scoring';
import { forgetTab, getTabState, tabReport } from './tab-state';
import { badgeMessages } from './badge-i18n';

/**
 * The background's message router: who may send what (sender.ts), then the per-tab state (tab-state.ts) and the
 * scoring pipeline (scoring.ts) do the work. `getTabState` is exported with the router because it is what
 * `popup.getTabState` answers (tests/unit/core/router.test.ts reads the state through it).
 */
export { getTabState };

/** Read-modify-write of session/local storage from concurrent tabs must not interleave. */
const exclusive = serial();

export function registerBackgroundHandlers(): void {
  onMessage('cs.reportObservations', async ({ data, sender }) => {
    // Trust ends here: only our own content scripts, in a real tab, with a well-formed payload.
    if (sender.id !== browser.runtime.id || typeof sender.tab?.id !== 'number') return null;
    const parsed = ObservationReportSchema.safeParse(data);
    if (!parsed.success) {
      console.warn('[vigie] rejected a malformed report', parsed.error.issues.slice(0, 3));
      return null;
    }
    const claimed: ObservationReport = parsed.data;
    const adapter = platformById(claimed.platform);
    // The adapter must agree that the sender's own URL is one of its pages (a content script cannot speak for another site).
    const senderUrl = safeUrl(sender.tab.url ?? sender.url);
    if (!adapter || !senderUrl || !(await adapterAcceptsUrl(adapter, senderUrl))) return null;
    const report = fromSenderUrl(claimed, adapter, senderUrl);
    if (!report) return null;
    const tabId = sender.tab.id;
    return exclusive(async () => {
      if (report.settingsScope) await rememberSettings(report.settingsScope, report.url, report.findings).catch((e) => console.warn('[vigie] could not remember a settings page', e));
      const state = await scoreTab(tabId, report);
      return summarise(state);
    });
  });

  onMessage('cs.getPageContext', async ({ data, sender }) => {
    const { settings } = await getEffectiveSettings();
    const enabled = !settings.disabledFeatures.includes('meetingScore') && !(settings.disabledPlatforms as string[]).includes(String(data));
    const selfHosted = await selfHostedForSender(sender.tab?.url ?? sender.url);
    const uiMessages = await badgeMessages(settings.language);
    return { enabled, schoolDomains: settings.schoolDomains, ...(selfHosted.length ? { selfHosted } : {}), ...(uiMessages ? { uiMessages } : {}) };
  });

  onMessage('options.syncSelfHosted', async ({ sender }) => (fromExtensionPage(sender) ? syncSelfHostedScripts() : []));
  watchSelfHosted();

  onMessage('popup.getTabState', async ({ data, sender }) => (fromExtensionPage(sender) && typeof data === 'number' ? getTabState(data) : null));

  onMessage('popup.setConfirmation', async ({ data, sender }) => {
    if (!fromExtensionPage(sender)) return null;
    const parsed = ConfirmationRequestSchema.safeParse(data);
    if (!parsed.success) return null;
    const { tabId, itemId, confirmed } = parsed.data;
    return exclusive(async () => {
      const current = await getTabState(tabId);
      if (!current) return null;
      const all = await readConfirmations();
      // Kept under the scope the setting lives in (one Zoom account confirmation covers all its rooms), except in
      // a room where the teacher is a participant: that room's account is someone else's, so it stays with the room.
      const scoped = current.role === 'participant' ? undefined : scopedKeys(current.platform, current.roomKey, current.url, platformById(current.platform)?.scope)[itemId];
      const next = applyConfirmation(all, { roomKey: current.roomKey, itemId, scope: scoped?.scope ?? 'room', key: scoped?.key ?? current.roomKey, confirmed }, new Date());
      try {
        await confirmationsItem.setValue(next);
      } catch (error) {
        console.warn('[vigie] could not save the confirmation', error);
        return { ...current, storageProblem: true };
      }
      const report = await tabReport(tabId);
      if (!report) return current;
      const state = await scoreTab(tabId, report);
      sendMessage('bg.scoreChanged', summarise(state), tabId).catch(() => undefined);
      return state;
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => void exclusive(() => forgetTab(tabId)));

  // Changes come in bursts (a policy push, a settings save): one re-score after they settle. Event-driven, no polling.
  let pending: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'managed' && !(area === 'local' && SCORE_INPUTS.some((key) => key in changes))) return;
    clearTimeout(pending);
    pending = setTimeout(() => void exclusive(rescoreOpenTabs).catch((e) => console.warn('[vigie] could not re-score open tabs', e)), 150);
  });
}
