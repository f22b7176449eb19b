import { CONSUMER_MAIL_DOMAINS } from '../platforms/kit/account';

/**
 * Text scrubbing for the page sample: "▒" marks for words outside controls, e-mail addresses without their person,
 * a control's words without addresses, digits or names shown elsewhere on the page, and HTML escaping.
 */

export const MASK = '▒';
export const EMAIL = /[^\s@<>"'()]+@([^\s@<>"'()]+)/g;
const WEB = /\b(?:https?:\/\/|www\.)\S+/gi;

/** "▒" marks standing for a text, by length class (1–3, 4–10, 11–30, longer) so no length is leaked exactly. */
export function mask(text: string): string {
  const n = text.replace(/\s+/g, ' ').trim().length;
  if (n === 0) return '';
  return MASK.repeat(n <= 3 ? 1 : n <= 10 ? 4 : n <= 30 ? 8 : 16);
}

/**
 * Domains an e-mail address may keep (it tells a school account from a personal one, which Vigie reads): the
 * consumer mailbox providers, plus the school's own domains for the sample being made. Any other domain (a family's
 * own domain names them) becomes other-domain.invalid. Set by sanitizeDocument (withRun) for the length of one (synchronous) run.
 */
let keptDomains: ReadonlySet<string> = new Set(CONSUMER_MAIL_DOMAINS);
export const OTHER_DOMAIN = 'other-domain.invalid';

/** An e-mail address without its person: "xxxx@" and a domain that says school or personal account, not who. */
export function maskEmail(address: string): string {
  const domain = (address.split('@').pop() ?? '').replace(/[^A-Za-z0-9.-]/g, '').replace(/\.+$/, '').toLowerCase();
  return `xxxx@${keptDomains.has(domain) ? domain : OTHER_DOMAIN}`;
}

/** A text outside any control: all of it masked, except that each e-mail address keeps its domain. */
export function maskText(text: string): string {
  if (!text.includes('@')) return mask(text);
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(EMAIL)) {
    parts.push(mask(text.slice(last, m.index)), maskEmail(m[0]));
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(mask(text.slice(last)));
  return parts.filter(Boolean).join(' ');
}

/**
 * Texts the page shows outside any control (a tile caption, a list row, an avatar's alt): where one of them also
 * appears inside a control's words ("More actions for Sam Roy" next to a caption "Sam Roy"), it is masked there too.
 * That catches names in buttons on pages whose hooks say nothing (obfuscated class names). Set per run, like keptDomains.
 */
let plainTexts: readonly string[] = [];

/** A control's words, cleaned: no e-mail, no web address, no digit (meeting ids, codes, phone numbers), no text shown elsewhere as plain text. */
export function cleanLabel(text: string): string {
  let folded = text.replace(/\s+/g, ' ');
  if (folded.trim().length > 120) return mask(folded);
  for (const plain of plainTexts) if (folded.includes(plain)) folded = folded.split(plain).join(mask(plain));
  return folded.replace(WEB, (m) => mask(m)).replace(EMAIL, (m) => maskEmail(m)).replace(/[0-9]/g, '0');
}

/**
 * Runs `fn` with the per-sample word lists set (the kept e-mail domains, the page's plain texts), then puts the
 * defaults back, even when `fn` throws. sanitizeDocument is synchronous, so no other run can see them.
 */
export function withRun<T>(run: { schoolDomains?: readonly string[]; plainTexts: () => readonly string[] }, fn: () => T): T {
  keptDomains = new Set([...CONSUMER_MAIL_DOMAINS, ...(run.schoolDomains ?? []).map((d) => d.toLowerCase())]);
  plainTexts = run.plainTexts();
  try {
    return fn();
  } finally {
    keptDomains = new Set(CONSUMER_MAIL_DOMAINS);
    plainTexts = [];
  }
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
