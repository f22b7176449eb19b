import { browser } from 'wxt/browser';
import type { ObservationReport } from '../messaging';
import type { PlatformAdapter } from '../platforms';

/** Who may send what: the checks every message handler makes on its sender before anything is read or stored. */

export function safeUrl(raw: string | undefined): URL | null {
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
