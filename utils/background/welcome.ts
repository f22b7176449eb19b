import { browser } from 'wxt/browser';
import type { EffectiveSettings } from '../settings/effective';
import { getEffectiveSettings } from '../settings/effective';
import { welcomeItem } from '../storage';

/**
 * On install, Vigie opens a short welcome page in the browser's language (entrypoints/welcome/): where the teacher
 * teaches (pre-selected from the browser's language and time zone) and, optionally, their safeguarding lead. It is
 * skipped when the school's policy already sets both; each one the policy sets is shown read-only there.
 */

export const WELCOME_PATH = '/welcome.html';

/** The policy "sets" a key when it gives a value or locks it. */
export function policySets(eff: Pick<EffectiveSettings, 'source' | 'locked'>, key: 'region' | 'lead'): boolean {
  return eff.source[key] === 'policy' || eff.locked.includes(key);
}

/** Is there anything left to ask? Nothing when the policy sets the region and a lead the teacher can reach. */
export function welcomeNeeded(eff: Pick<EffectiveSettings, 'source' | 'locked' | 'settings'>): boolean {
  const lead = eff.settings.lead;
  const leadReachable = !!(lead.email.trim() || lead.phone.trim() || lead.formUrl.trim());
  return !(policySets(eff, 'region') && policySets(eff, 'lead') && leadReachable);
}

export async function openWelcomeOnInstall(): Promise<void> {
  const eff = await getEffectiveSettings().catch(() => null);
  const open = !eff || welcomeNeeded(eff);
  if (open) await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH as '/'), active: true }).catch((e) => console.warn('[vigie] could not open the welcome page', e));
  await welcomeItem.setValue({ state: open ? 'opened' : 'skipped', at: new Date().toISOString() }).catch(() => undefined);
}

export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void openWelcomeOnInstall();
  });
}
