import { browser } from 'wxt/browser';
import type { ItemId } from '../checklist/items';
import { applyConfirmation, confirmationsFor } from '../checklist/confirmations';
import { scoreRoom } from '../checklist/score';
import type { Findings, RoomScore } from '../checklist/types';
import { scopedKeys } from '../platforms/scopes';
import { onMessage, sendMessage, type BadgeSummary, type ObservationReport, type TabState } from '../messaging';
import { platformById, type PlatformAdapter } from '../platforms';
import { ConfirmationRequestSchema, ObservationReportSchema } from '../schemas';
import { getEffectiveSettings } from '../settings/effective';
import type { Settings } from '../settings/schema';
import { confirmationsItem, readConfirmations, rememberedSettingsItem, tabReportsItem, tabStatesItem } from '../storage';
import type { ConfirmationsByRoom, RememberedSettings } from '../storage';
import { fillFromRemembered, rememberSettings } from './remembered-settings';
import { adapterAcceptsUrl, selfHostedForSender, syncSelfHostedScripts, watchSelfHosted } from './self-hosted';
import { serial } from './serial';
import { paintToolbarBadge } from './toolbar-badge';
import { badgeMessages } from './badge-i18n';

/** The background's core job: validate, score, remember per tab, paint the toolbar. */

export function summarise(state: TabState): BadgeSummary {
  const r = state.result;
  return { score: r.score, band: r.band, known: r.known, toConfirm: r.counts.unknown, toFix: r.counts.fail, checked: r.coverage?.checked ?? 0, total: r.coverage?.total ?? 0, ...(state.belowMinimum ? { belowMinimum: state.belowMinimum } : {}) };
}

/**
 * The school's minimum (`minScoreAlert`, 0 = never) when this score is under it. Only a known score can be under
 * it: "?" (nothing readable yet) asks the teacher to confirm, not to worry.
 */
export function belowMinimum(result: { known: boolean; score: number }, minimum: number): number | undefined {
  return minimum > 0 && result.known && result.score < minimum ? minimum : undefined;
}

/** Checks the school (or teacher) turned off are not scored: they become n/a with a reason. */
export function withoutDisabledChecks(findings: Findings, disabled: readonly ItemId[]): Findings {
  if (!disabled.length) return findings;
  const out: Findings = { ...findings };
  for (const id of disabled) out[id] = { state: 'n/a', evidence: 'turned off by your school or settings', via: 'policy' };
  return out;
}

/** A stored value that should be a record but was corrupted (or written by something else) reads as empty. */
function asRecord<T>(value: unknown): Record<string, T> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

/** What a score depends on besides the page: read once per scoring pass (one tab, or every open tab). */
type ScoreInputs = { confirmations: ConfirmationsByRoom; memory: Record<string, RememberedSettings>; settings: Settings };

async function loadScoreInputs(): Promise<ScoreInputs> {
  const [confirmations, memory, { settings }] = await Promise.all([
    readConfirmations().catch((): ConfirmationsByRoom => ({})),
    rememberedSettingsItem.getValue().then(asRecord<RememberedSettings>, () => ({})),
    getEffectiveSettings(),
  ]);
  return { confirmations, memory, settings };
}

async function computeState(tabId: number, report: ObservationReport, inputs?: ScoreInputs): Promise<TabState> {
  const { confirmations, memory, settings } = inputs ?? (await loadScoreInputs());
  let findings = report.findings;
  if (report.rememberedScopes?.length) findings = fillFromRemembered(findings, report.rememberedScopes, memory);
  findings = withoutDisabledChecks(findings, settings.disabledChecks);
  // Confirmations of this room, and of the account or organisation its settings live in (issue 17).
  const keys = scopedKeys(report.platform, report.roomKey, report.url, platformById(report.platform)?.scope);
  const applying = confirmationsFor({ roomKey: report.roomKey, role: report.role, keys }, confirmations, new Date(), settings.confirmationMaxAgeDays);
  const scored = scoreRoom(findings, applying);
  const result: RoomScore = { ...scored, items: scored.items.map((i) => ({ ...i, scope: keys[i.id]?.scope ?? 'room' })) };
  const minimum = belowMinimum(result, settings.minScoreAlert);
  return {
    tabId,
    platform: report.platform,
    platformLabel: platformById(report.platform)?.label,
    settingsUrl: platformById(report.platform)?.settingsUrl,
    url: report.url,
    roomKey: report.roomKey,
    isMeeting: report.isMeeting,
    role: report.role,
    updatedAt: new Date().toISOString(),
    result,
    confirmationMaxAgeDays: settings.confirmationMaxAgeDays,
    ...(minimum ? { belowMinimum: minimum } : {}),
  };
}

/**
 * Per-tab state lives in memory and in storage.session (which survives the service worker being stopped).
 * If storage fails (quota, corruption), the score still reaches the badge and popup from memory, and the state
 * says so instead of failing silently.
 */
const memoryStates = new Map<string, TabState>();
const memoryReports = new Map<string, ObservationReport>();

async function saveTabState(state: TabState, report: ObservationReport): Promise<void> {
  const key = String(state.tabId);
  memoryStates.set(key, state);
  memoryReports.set(key, report);
  try {
    const states = asRecord<TabState>(await tabStatesItem.getValue());
    states[key] = state;
    await tabStatesItem.setValue(states);
    const reports = asRecord<ObservationReport>(await tabReportsItem.getValue());
    reports[key] = report;
    await tabReportsItem.setValue(reports);
  } catch (error) {
    console.warn('[vigie] could not save this tab’s state; keeping it in memory', error);
    state.storageProblem = true;
  }
}

async function tabReport(tabId: number): Promise<ObservationReport | undefined> {
  return memoryReports.get(String(tabId)) ?? asRecord<ObservationReport>(await tabReportsItem.getValue().catch(() => ({})))[String(tabId)];
}

async function forgetTab(tabId: number): Promise<void> {
  memoryStates.delete(String(tabId));
  memoryReports.delete(String(tabId));
  for (const item of [tabStatesItem, tabReportsItem] as const) {
    const all = asRecord<unknown>(await item.getValue().catch(() => ({})));
    if (String(tabId) in all) {
      delete all[String(tabId)];
      await item.setValue(all as never);
    }
  }
}

export async function getTabState(tabId: number): Promise<TabState | null> {
  return memoryStates.get(String(tabId)) ?? asRecord<TabState>(await tabStatesItem.getValue().catch(() => ({})))[String(tabId)] ?? null;
}

/** Read-modify-write of session/local storage from concurrent tabs must not interleave. */
const exclusive = serial();

/**
 * Open meeting tabs follow what their score depends on without waiting for the page to change: the school's policy
 * (disabled checks and platforms, the minimum score), the teacher's settings and confirmations (e.g. forgotten from
 * the options page), and a settings page read in another tab (Zoom's profile settings while the meeting is open).
 * Each tab is re-scored from its last observations; unchanged scores are left alone.
 */
export async function rescoreOpenTabs(): Promise<void> {
  const stored = asRecord<TabState>(await tabStatesItem.getValue().catch(() => ({})));
  const inputs = await loadScoreInputs();
  const { settings } = inputs;
  for (const key of new Set([...Object.keys(stored), ...memoryStates.keys()])) {
    const tabId = Number(key);
    const before = memoryStates.get(key) ?? stored[key];
    const report = await tabReport(tabId);
    if (!before || !report || !Number.isInteger(tabId)) continue;
    if (settings.disabledFeatures.includes('meetingScore') || (settings.disabledPlatforms as string[]).includes(report.platform)) {
      await forgetTab(tabId);
      await paintToolbarBadge(tabId, null, settings.language);
      sendMessage('bg.scoringOff', undefined, tabId).catch(() => undefined);
      continue;
    }
    const next = await computeState(tabId, report, inputs);
    if (JSON.stringify([next.result, next.belowMinimum]) === JSON.stringify([before.result, before.belowMinimum])) continue;
    await saveTabState(next, report);
    await paintToolbarBadge(tabId, next, settings.language);
    sendMessage('bg.scoreChanged', summarise(next), tabId).catch(() => undefined);
  }
}

/** Storage keys (area local) whose change can move an open tab's score. */
const SCORE_INPUTS = ['userSettings', 'confirmations', 'rememberedSettings'];

function safeUrl(raw: string | undefined): URL | null {
  try {
    const url = raw && raw.length <= 2048 ? new URL(raw) : null;
    // Vigie reads https pages only: an http: page of a known host is not the platform (anyone on the network can forge it).
    return url?.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The namespace of a platform's settings scopes (`zoom:profile`, `bbb:<host>:room:<id>`, `classroom:<id>`…). */
const SCOPE_NAMESPACE: Partial<Record<string, string>> = { bigbluebutton: 'bbb:', 'google-classroom': 'classroom:' };

function scopeBelongsTo(scope: string, platform: string, url: URL): boolean {
  const ns = SCOPE_NAMESPACE[platform] ?? `${platform}:`;
  if (!scope.startsWith(ns)) return false;
  // A self-hosted server's scopes name its host: one school's server cannot write or read another's.
  return platform !== 'bigbluebutton' || scope.startsWith(`${ns}${url.host.toLowerCase()}:`);
}

/**
 * The parts of a report that the sender's own tab URL decides are taken from that URL, not from the report: the
 * page URL and the room key (so one room's page can never apply another room's confirmations). Scopes must belong
 * to the sender's platform (and, on a self-hosted server, to its host); a report naming another's is rejected.
 */
export function fromSenderUrl(report: ObservationReport, adapter: PlatformAdapter, senderUrl: URL): ObservationReport | null {
  const scopes = [...(report.settingsScope ? [report.settingsScope] : []), ...(report.rememberedScopes ?? [])];
  if (scopes.some((s) => !scopeBelongsTo(s, adapter.id, senderUrl))) return null;
  return { ...report, url: senderUrl.href, roomKey: adapter.roomKey(senderUrl) };
}

/** Messages from extension pages (popup, options, report) — never from a web page's content script. */
export function fromExtensionPage(sender: { id?: string; url?: string; tab?: { url?: string } }): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

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
      const inputs = await loadScoreInputs();
      const state = await computeState(tabId, report, inputs);
      await saveTabState(state, report);
      await paintToolbarBadge(tabId, state, inputs.settings.language);
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
      const inputs = await loadScoreInputs();
      const state = await computeState(tabId, report, inputs);
      await saveTabState(state, report);
      await paintToolbarBadge(tabId, state, inputs.settings.language);
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
