import { browser } from 'wxt/browser';
import { z } from 'zod';
import { isApprovedChannel, socialMessagingApp } from '../boundaries/social-apps';
import { onMessage, type BoundaryContext } from '../messaging';
import { getEffectiveSettings } from '../settings/effective';
import { BOUNDARY_DISMISSALS_CAP, boundaryDismissalsItem } from '../storage';
import { serial } from './serial';

/**
 * Background side of professional boundaries: tells the boundaries content scripts what they may show on a page
 * (features on/off, school hours, approved channels, dismissals) and remembers "not now" on the social banner.
 * Content scripts carry no zod and no settings logic; trust ends here.
 */

export const DISMISS_DAYS = { conversation: 30, site: 7 } as const;

const ContextRequest = z.object({ url: z.url({ protocol: /^https$/ }).max(2048), surface: z.enum(['social', 'composer']) });
const DismissRequest = z.object({ url: z.url({ protocol: /^https$/ }).max(2048), scope: z.enum(['conversation', 'site']) });

async function sha256(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Storage keys that would dismiss the banner on this URL: the site, and the conversation (hashed path). */
export async function dismissalKeys(href: string): Promise<{ site: string; conversation: string | null }> {
  const url = new URL(href);
  const app = socialMessagingApp(href);
  return { site: `site:${url.hostname}`, conversation: app ? `conv:${url.hostname}:${await sha256(app.conversationPath(url))}` : null };
}

function asRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) out[k] = v;
  return out;
}

export async function isDismissed(href: string, now = Date.now()): Promise<boolean> {
  const all = asRecord(await boundaryDismissalsItem.getValue().catch(() => ({})));
  const keys = await dismissalKeys(href);
  return [keys.site, keys.conversation].some((k) => k !== null && k in all && Date.parse(all[k]) > now);
}

const exclusive = serial();

export async function dismiss(href: string, scope: 'conversation' | 'site', now = Date.now()): Promise<boolean> {
  const keys = await dismissalKeys(href);
  const key = scope === 'site' ? keys.site : keys.conversation;
  if (!key) return false;
  return exclusive(async () => {
    const all = asRecord(await boundaryDismissalsItem.getValue().catch(() => ({})));
    for (const [k, until] of Object.entries(all)) if (Date.parse(until) <= now) delete all[k];
    all[key] = new Date(now + DISMISS_DAYS[scope] * 86_400_000).toISOString();
    // Over the cap: keep the entries that last longest.
    const kept = Object.entries(all).sort((a, b) => Date.parse(b[1]) - Date.parse(a[1])).slice(0, BOUNDARY_DISMISSALS_CAP);
    await boundaryDismissalsItem.setValue(Object.fromEntries(kept));
    return true;
  });
}

/** "https://www.facebook.com/ecole.exemple/" → "facebook.com/ecole.exemple" (for the banner's text). */
export function shortChannel(entry: string): string {
  try {
    const u = new URL(entry);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return entry.replace(/^www\./, '');
  }
}

export async function boundaryContext(href: string, surface: 'social' | 'composer'): Promise<BoundaryContext> {
  const { settings } = await getEffectiveSettings();
  const off = new Set<string>(settings.disabledFeatures);
  return {
    socialBanner: !off.has('socialBanner'),
    outOfHours: !off.has('outOfHours'),
    contactDetails: !off.has('contactDetails'),
    approved: isApprovedChannel(href, settings.approvedChannels),
    dismissed: surface === 'social' ? await isDismissed(href) : false,
    schoolHours: settings.schoolHours,
    studentDomains: settings.studentDomains,
    schoolDomains: settings.schoolDomains,
    schoolChannels: settings.approvedChannels.slice(0, 3).map(shortChannel),
    outOfHoursMode: settings.outOfHoursMode,
  };
}

/** A content script may only speak for the site its tab is on (a page cannot ask about another site). */
function sameSite(sender: { id?: string; tab?: { url?: string } }, href: string): boolean {
  if (sender.id !== browser.runtime.id) return false;
  try {
    return !sender.tab?.url || new URL(sender.tab.url).hostname === new URL(href).hostname;
  } catch {
    return false;
  }
}

export function registerBoundaryHandlers(): void {
  onMessage('cs.getBoundaryContext', async ({ data, sender }) => {
    const parsed = ContextRequest.safeParse(data);
    if (!parsed.success || !sameSite(sender, parsed.data.url)) throw new Error('rejected');
    return boundaryContext(parsed.data.url, parsed.data.surface);
  });
  onMessage('cs.dismissBoundary', async ({ data, sender }) => {
    const parsed = DismissRequest.safeParse(data);
    if (!parsed.success || !sameSite(sender, parsed.data.url)) return false;
    return dismiss(parsed.data.url, parsed.data.scope).catch(() => false);
  });
}
