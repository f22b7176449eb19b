/**
 * Self-hosted origins (a school's own Jitsi or BigBlueButton server, e.g. https://visio.ecole-exemple.fr).
 *
 * The teacher or the school policy adds an origin with its platform (settings key `selfHostedOrigins`); Vigie asks
 * for that one host permission and registers the platform's content scripts for it (utils/background/self-hosted.ts).
 * Adapters' pure `matches(url)` accept those origins through this module-level allowlist:
 * - in a content script it is set from the background's answer to `cs.getPageContext` (the background only returns
 *   an origin it has stored, for the sender's own origin);
 * - in the background it is set from the stored settings before a report is checked.
 * No zod here: content scripts import this file.
 */

import { SELF_HOSTED_PLATFORMS, type SelfHostedPlatform } from './ids';

export { SELF_HOSTED_PLATFORMS, type SelfHostedPlatform };

export interface SelfHostedOrigin {
  origin: string;
  platform: SelfHostedPlatform;
}

const allowlist = new Map<string, SelfHostedPlatform>();

/** Normalise what a person typed ("visio.ecole.fr", "https://visio.ecole.fr/room") to an https origin, or null. */
export function normaliseOrigin(input: string): string | null {
  const raw = String(input ?? '').trim();
  if (!raw || raw.length > 300) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  const host = url.hostname.toLowerCase();
  // A real host name with a dot (no bare "localhost", no IP literal in brackets, no wildcard).
  if (!/^([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/.test(host)) return null;
  return url.origin;
}

/** Replace the allowlist (invalid entries are skipped, never thrown on). */
export function setSelfHostedOrigins(list: readonly SelfHostedOrigin[] | undefined | null): void {
  allowlist.clear();
  if (!Array.isArray(list)) return;
  for (const entry of list) {
    const origin = entry && normaliseOrigin(entry.origin);
    if (origin && (SELF_HOSTED_PLATFORMS as readonly string[]).includes(entry.platform)) allowlist.set(origin, entry.platform);
  }
}

/** Is this URL on an origin registered as a self-hosted server of this platform? */
export function isSelfHosted(url: URL, platform: SelfHostedPlatform): boolean {
  return url.protocol === 'https:' && allowlist.get(url.origin) === platform;
}

/** The match pattern (and permission origin) for one origin: exactly that host, never a wildcard. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
