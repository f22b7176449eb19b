/**
 * Personal contact details in a message a teacher is writing to students (CCPE / CSSPO: no personal phone
 * numbers, personal e-mail addresses or personal social accounts). Pure, local, and it keeps nothing: it returns
 * only the KINDS found, never the matched text, so no caller can store or send what the teacher typed.
 *
 * Precision over recall: arithmetic (514-2=512), dates, times, grades, ISBNs and class codes must not warn.
 * A bare @mention is normal in Teams or Classroom; a handle only counts next to a social app's name or an
 * "add me" style invitation. tests/unit/boundaries/contact-corpus.ts holds the true and false cases.
 */

import { foldDisguises } from './fold';
import { hasPhoneNumber } from './phones';

export type ContactKind = 'phone' | 'personalEmail' | 'socialHandle' | 'invitation';

/** Consumer mail domains (exact, or any subdomain / any TLD for the `*` families). */
export const PERSONAL_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aol.fr', 'ymail.com', 'rocketmail.com',
  'proton.me', 'protonmail.com', 'pm.me', 'mail.com', 'gmx.com', 'gmx.fr', 'gmx.net', 'yandex.com', 'yandex.ru', 'zoho.com', 'tutanota.com',
  'msn.com', 'laposte.net', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'numericable.fr', 'club-internet.fr',
  'videotron.ca', 'sympatico.ca', 'bell.net', 'rogers.com', 'shaw.ca', 'telus.net', 'cogeco.ca', 'cgocable.ca', 'live.ca',
  'comcast.net', 'verizon.net', 'att.net', 'btinternet.com', 'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com', 'blueyonder.co.uk', 'tiscali.co.uk',
  // Belgium and Switzerland (francophone families).
  'skynet.be', 'telenet.be', 'proximus.be', 'scarlet.be', 'voo.be', 'bluewin.ch', 'gmx.ch', 'sunrise.ch', 'hispeed.ch',
] as const;
/** Families where any country TLD is personal: hotmail.fr, outlook.fr, live.fr, yahoo.ca, yahoo.co.uk… */
const PERSONAL_FAMILIES = /^(hotmail|outlook|live|yahoo|windowslive)\.[a-z.]{2,6}$/;

export function isPersonalMailDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  return (PERSONAL_MAIL_DOMAINS as readonly string[]).includes(d) || PERSONAL_FAMILIES.test(d);
}

/** Every app name, for strong phrases ("add me on X"). */
const SOCIAL = String.raw`(?:snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|discord|whats\s?app|telegram|signal|messenger|facebook|fb|twitter|x|kik|wechat|line|bereal|twitch)`;
/** Unambiguous app names only, for "name: handle" shapes (so "x = 512" or "line: 3" never count). */
const APP = String.raw`(?:snap(?:chat)?|insta(?:gram)?|tik\s?tok|discord|whats\s?app|telegram|messenger|facebook|twitter|kik|wechat|bereal|twitch)`;
/** A handle has at least one letter (so "snap: 2024" is not one). */
const NAME = String.raw`(?=[a-z0-9._]{0,29}[a-z])[a-z0-9._]{3,30}`;
const LABEL = String.raw`(?:handle|pseudo|username|id)`;
const CEST = String.raw`c['’]?est`;

/** Characters of an address's local part and domain, for the linear scan around each "@". */
const LOCAL_CHAR = /[a-z0-9._%+-]/i;
const DOMAIN_CHAR = /[a-z0-9.-]/i;
const DOMAIN_SHAPE = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}$/i;

/**
 * Every e-mail address in the text as [start, end, domain], found from each "@" outwards (at most 64 characters
 * left, 255 right), so the cost is linear however long a run of letters is.
 */
function emailAddresses(s: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  for (let at = s.indexOf('@'); at !== -1; at = s.indexOf('@', at + 1)) {
    let left = at;
    while (left > 0 && at - left < 64 && LOCAL_CHAR.test(s[left - 1])) left--;
    if (left === at) continue;
    let right = at + 1;
    while (right < s.length && right - at <= 255 && DOMAIN_CHAR.test(s[right])) right++;
    const domain = s.slice(at + 1, right).replace(/[.-]+$/, '');
    if (DOMAIN_SHAPE.test(domain)) out.push([left, at + 1 + domain.length, domain]);
  }
  return out;
}

// Handles and invitations.
const SOCIAL_URL = /\b(?:snapchat\.com\/add|instagram\.com\/(?!(?:p|reel|reels|explore|accounts)\b)[\w.]|tiktok\.com\/@|wa\.me\/|discord\.gg\/|discord\.com\/invite\/|m\.me\/|t\.me\/|facebook\.com\/(?!(?:groups|events|help)\b)[\w.]|fb\.com\/[\w.]|x\.com\/(?!i\/)\w|twitter\.com\/\w)/i;
const HANDLE_NEAR_APP = new RegExp(
  [
    // "snap: coolteach22", "discord: name#1234", or a bare name ending the message ("snap pseudo : lefrancaisfacile");
    // not "WhatsApp: digital citizenship" (a plain word followed by more text).
    String.raw`\b${APP}\s{0,3}${LABEL}?\s{0,3}[:=]\s{0,3}(?:@?${NAME}(?:#\d{4}\b|(?<=[0-9._][a-z0-9._]{0,30})\b)|@?${NAME}\s{0,3}$)`,
    String.raw`\b${APP}\s{0,3}${LABEL}?\s{0,3}[-–:=]?\s{0,3}@${NAME}`,
    String.raw`@(?=[a-z0-9._]{0,29}[a-z])[a-z0-9._]{3,30}\s{1,3}(?:on|sur)\s{1,3}${SOCIAL}\b`,
  ].join('|'),
  'i',
);
const INVITATION = new RegExp(
  [
    String.raw`\b(?:add|follow|dm|message|text|msg|friend|snap|find|hit)\s{1,3}me\s{1,3}(?:up\s{1,3})?(?:on|at|via|over)\s{1,3}${SOCIAL}\b`,
    String.raw`\b(?:dm|snap|msg)\s{1,3}me\b`,
    String.raw`\bmy\s{1,3}(?:${APP}|ig)\s{1,3}(?:is|handle|name|username)\b`,
    String.raw`(?<![a-zà-ÿ])(?:ajoute|ajoutez|suis|suivez|[ée]cris|[ée]crivez|texte|textez|contacte|contactez|retrouve|retrouvez)[- ]moi\s{1,3}(?:sur|par|via|en)\s{1,3}${SOCIAL}\b`,
    String.raw`\bmon\s{1,3}(?:${APP}|ig)\s{1,3}(?:${CEST}|est)\b`,
    String.raw`\b(?:en|par|sur)\s{1,3}(?:dm|mp|priv[ée])\s{1,3}(?:sur|on)\s{1,3}${SOCIAL}\b`,
  ].join('|'),
  'i',
);

export interface ContactOptions {
  /** Domains that are the school's own (never a personal address). */
  schoolDomains?: readonly string[];
}

/** Longest text checked: a composer is short; a huge paste is checked on its first 20 000 characters only. */
export const MAX_CHECKED_CHARS = 20_000;

/**
 * Which kinds of personal contact detail this text contains (deduplicated, in a fixed order). No text returned.
 * Linear in the text's length: disguises are folded in single passes, numbers are classified per candidate,
 * addresses are found from each "@", and every pattern's quantifiers are bounded.
 */
export function findContactDetails(text: string, opts: ContactOptions = {}): ContactKind[] {
  if (typeof text !== 'string' || !text) return [];
  const s = foldDisguises(text.length > MAX_CHECKED_CHARS ? text.slice(0, MAX_CHECKED_CHARS) : text);
  const found = new Set<ContactKind>();
  if (hasPhoneNumber(s)) found.add('phone');
  const school = (opts.schoolDomains ?? []).map((d) => d.toLowerCase());
  const addresses = emailAddresses(s);
  for (const [, , d] of addresses) {
    const domain = d.toLowerCase();
    if (school.some((sd) => domain === sd || domain.endsWith(`.${sd}`))) continue;
    if (isPersonalMailDomain(domain)) {
      found.add('personalEmail');
      break;
    }
  }
  // A handle check must not read an e-mail address as "@name": blank the addresses first.
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of addresses) {
    parts.push(s.slice(from, start), ' ');
    from = end;
  }
  parts.push(s.slice(from));
  const noMail = parts.join('');
  if (SOCIAL_URL.test(noMail) || HANDLE_NEAR_APP.test(noMail)) found.add('socialHandle');
  if (INVITATION.test(noMail)) found.add('invitation');
  return (['phone', 'personalEmail', 'socialHandle', 'invitation'] as const).filter((k) => found.has(k));
}
