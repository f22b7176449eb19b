import type { ItemId } from '../checklist/items';
import type { Finding, Findings } from '../checklist/types';
import { REMEMBERED_SETTINGS_CAP, rememberedSettingsItem, type RememberedSettings } from '../storage';

/**
 * Pure: fill the items a meeting page could not read (unknown or missing) from settings pages read earlier,
 * most specific scope first. A remembered finding never overrides one read live on the page.
 */
export function fillFromRemembered(findings: Findings, scopes: readonly string[], memory: Record<string, RememberedSettings>): Findings {
  const out: Findings = { ...findings };
  for (const scope of scopes) {
    const remembered = memory[scope];
    if (!remembered) continue;
    for (const [id, finding] of Object.entries(remembered.findings) as [ItemId, Finding][]) {
      const live = out[id];
      if (live && live.state !== 'unknown') continue;
      if (finding.state !== 'pass' && finding.state !== 'fail') continue;
      out[id] = {
        ...finding,
        via: 'settings-page',
        readAt: remembered.at,
        evidence: `settings page read ${remembered.at.slice(0, 10)}: ${finding.evidence}`.slice(0, 400),
      };
    }
  }
  return out;
}

/** Remember what a settings page showed (only definite verdicts), dropping the oldest scopes past the cap. */
export async function rememberSettings(scope: string, url: string, findings: Findings, now = new Date()): Promise<void> {
  const definite: Findings = {};
  for (const [id, f] of Object.entries(findings) as [ItemId, Finding][]) {
    if (f.state === 'pass' || f.state === 'fail') definite[id] = f;
  }
  const stored = await rememberedSettingsItem.getValue();
  const memory: Record<string, RememberedSettings> = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
  const previous = memory[scope]?.findings ?? {};
  // A settings page may show one tab at a time (Zoom: meeting / recording): merge, newest wins per item.
  memory[scope] = { at: now.toISOString(), url, findings: { ...previous, ...definite } };
  const scopes = Object.entries(memory).sort((a, b) => b[1].at.localeCompare(a[1].at));
  await rememberedSettingsItem.setValue(Object.fromEntries(scopes.slice(0, REMEMBERED_SETTINGS_CAP)));
}
