import type { ItemId } from '../checklist/items';
import { confirmationsFor } from '../checklist/confirmations';
import { scoreRoom } from '../checklist/score';
import type { Findings, RoomScore } from '../checklist/types';
import { sendMessage, type BadgeSummary, type ObservationReport, type TabState } from '../messaging';
import { platformById } from '../platforms';
import { scopedKeys } from '../platforms/scopes';
import { getEffectiveSettings } from '../settings/effective';
import type { Settings } from '../settings/schema';
import { readConfirmations, rememberedSettingsItem, type ConfirmationsByRoom, type RememberedSettings } from '../storage';
import { fillFromRemembered } from './remembered-settings';
import { asRecord, forgetTab, knownTabStates, saveTabState, tabReport } from './tab-state';
import { paintToolbarBadge } from './toolbar-badge';

/**
 * The scoring pipeline: what a score depends on besides the page (inputs), one tab's state from its last
 * observations (compute), and every open tab followed when those inputs change (re-score). Pure steps are exported
 * for tests; the router (handlers.ts) decides when each runs.
 */

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

/** What a score depends on besides the page: read once per scoring pass (one tab, or every open tab). */
export type ScoreInputs = { confirmations: ConfirmationsByRoom; memory: Record<string, RememberedSettings>; settings: Settings };

export async function loadScoreInputs(): Promise<ScoreInputs> {
  const [confirmations, memory, { settings }] = await Promise.all([
    readConfirmations().catch((): ConfirmationsByRoom => ({})),
    rememberedSettingsItem.getValue().then(asRecord<RememberedSettings>, () => ({})),
    getEffectiveSettings(),
  ]);
  return { confirmations, memory, settings };
}

export async function computeState(tabId: number, report: ObservationReport, inputs?: ScoreInputs): Promise<TabState> {
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

/** Score one tab from its report, keep the state (tab-state.ts) and paint the toolbar: what every new observation or confirmation does. */
export async function scoreTab(tabId: number, report: ObservationReport): Promise<TabState> {
  const inputs = await loadScoreInputs();
  const state = await computeState(tabId, report, inputs);
  await saveTabState(state, report);
  await paintToolbarBadge(tabId, state, inputs.settings.language);
  return state;
}

/**
 * Open meeting tabs follow what their score depends on without waiting for the page to change: the school's policy
 * (disabled checks and platforms, the minimum score), the teacher's settings and confirmations (e.g. forgotten from
 * the options page), and a settings page read in another tab (Zoom's profile settings while the meeting is open).
 * Each tab is re-scored from its last observations; unchanged scores are left alone.
 */
export async function rescoreOpenTabs(): Promise<void> {
  const states = await knownTabStates();
  const inputs = await loadScoreInputs();
  const { settings } = inputs;
  for (const [key, before] of states) {
    const tabId = Number(key);
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
export const SCORE_INPUTS = ['userSettings', 'confirmations', 'rememberedSettings'];

