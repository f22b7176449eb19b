/**
 * Personal contact details in a message a teacher is writing to students (CCPE / CSSPO: no personal phone
 * numbers, personal e-mail addresses or personal social accounts). Pure, local, and it keeps nothing: it returns
 * only the KINDS found, never the matched text, so no caller can store or send what the teacher typed.
 *
 * Precision over recall: arithmetic (514-2=512), dates, times, grades, ISBNs and class codes must not warn.
 * A bare @mention is normal in Teams or Classroom; a handle only counts next to a social app's name or an
 * "add me" style invitation. tests/unit/boundaries/contact-corpus.ts holds the true and false cases.
 */

export type ContactKind = 'phone' | 'personalEmail' | 'socialHandle' | 'invitation';

/** Consumer mail domains (exact, or any subdomain / any TLD for the `*` families). */
export const PERSONAL_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aol.fr', 'ymail.com', 'rocketmail.com',
  'proton.me', 'protonmail.com', 'pm.me', 'mail.com', 'gmx.com', 'gmx.fr', 'gmx.net', 'yandex.com', 'yandex.ru', 'zoho.com', 'tutanota.com',
  'msn.com', 'laposte.net', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'numericable.fr', 'club-internet.fr',
  'videotron.ca', 'sympatico.ca', 'bell.net', 'rogers.com', 'shaw.ca', 'telus.net', 'cogeco.ca', 'cgocable.ca', 'live.ca',
  'comcast.net', 'verizon.net', 'att.net', 'btinternet.com', 'sky.com', 'virginmedia.com',
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
const NAME = String.raw`(?=[a-z0-9._]*[a-z])[a-z0-9._]{3,30}`;
const LABEL = String.raw`(?:handle|pseudo|username|id)`;
const CEST = String.raw`c['’]?est`;

// Phones. North American: 3-3-4 with separators or parentheses, optional +1 / 1-. French: 0X then four pairs,
// or +33 X then four pairs. Bare 10 digits count only for French mobiles (06/07…) or next to a phone word.
const NANP = String.raw`(?:\+?1[\s.-]?)?(?:\(\s?[2-9]\d{2}\s?\)\s?|[2-9]\d{2}[\s.-])[2-9]\d{2}[\s.-]\d{4}`;
const FR = String.raw`(?:(?:\+|00)33\s?\(?0?\)?\s?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}`;
const PHONE = new RegExp(String.raw`(?<![\w+=*/^.,-])(?:${NANP}|${FR})(?![\w=*/^]|[.,]\d|-\d)`, 'i');
const PHONE_WORD = /\b(?:tel|t[ée]l[ée]?phone|phone|cell(?:ulaire)?|mobile|portable|call me|text me|appelle[- ]moi|appelez[- ]moi|texte[- ]moi|textez[- ]moi|mon num[ée]ro|my number|num[ée]ro)\b/i;
const BARE_NANP = /(?<![\w+=*/^.,-])(?:\+?1)?[2-9]\d{2}[2-9]\d{6}(?![\w=*/^]|[.,]\d)/;

const EMAIL = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/gi;

// Handles and invitations.
const SOCIAL_URL = /\b(?:snapchat\.com\/add|instagram\.com\/(?!(?:p|reel|reels|explore|accounts)\b)[\w.]+|tiktok\.com\/@|wa\.me\/|discord\.gg\/|discord\.com\/invite\/|m\.me\/|t\.me\/|facebook\.com\/(?!(?:groups|events|help)\b)[\w.]+|fb\.com\/[\w.]+|x\.com\/(?!i\/)\w+|twitter\.com\/\w+)/i;
const HANDLE_NEAR_APP = new RegExp(
  [
    // "snap: coolteach22", "discord: name#1234", or a bare name ending the message ("snap pseudo : lefrancaisfacile");
    // not "WhatsApp: digital citizenship" (a plain word followed by more text).
    String.raw`\b${APP}\s*${LABEL}?\s*[:=]\s*(?:@?${NAME}(?:#\d{4}\b|(?<=[0-9._][a-z0-9._]*)\b)|@?${NAME}\s*$)`,
    String.raw`\b${APP}\s*${LABEL}?\s*[-–:=]?\s*@${NAME}`,
    String.raw`@(?=[a-z0-9._]*[a-z])[a-z0-9._]{3,30}\s+(?:on|sur)\s+${SOCIAL}\b`,
  ].join('|'),
  'i',
);
const INVITATION = new RegExp(
  [
    String.raw`\b(?:add|follow|dm|message|text|msg|friend|snap|find|hit)\s+me\s+(?:up\s+)?(?:on|at|via|over)\s+${SOCIAL}\b`,
    String.raw`\b(?:dm|snap|msg)\s+me\b`,
    String.raw`\bmy\s+(?:${APP}|ig)\s+(?:is|handle|name|username)\b`,
    String.raw`(?<![a-zà-ÿ])(?:ajoute|ajoutez|suis|suivez|[ée]cris|[ée]crivez|texte|textez|contacte|contactez|retrouve|retrouvez)[- ]moi\s+(?:sur|par|via|en)\s+${SOCIAL}\b`,
    String.raw`\bmon\s+(?:${APP}|ig)\s+(?:${CEST}|est)\b`,
    String.raw`\b(?:en|par|sur)\s+(?:dm|mp|priv[ée])\s+(?:sur|on)\s+${SOCIAL}\b`,
  ].join('|'),
  'i',
);

export interface ContactOptions {
  /** Domains that are the school's own (never a personal address). */
  schoolDomains?: readonly string[];
}

/** Which kinds of personal contact detail this text contains (deduplicated, in a fixed order). No text returned. */
export function findContactDetails(text: string, opts: ContactOptions = {}): ContactKind[] {
  if (typeof text !== 'string' || !text) return [];
  // Bounded: a composer is short; a huge paste is checked on its first 20 000 characters only.
  const s = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const found = new Set<ContactKind>();
  if (PHONE.test(s) || (PHONE_WORD.test(s) && BARE_NANP.test(s))) found.add('phone');
  const school = (opts.schoolDomains ?? []).map((d) => d.toLowerCase());
  for (const m of s.matchAll(EMAIL)) {
    const domain = m[1].toLowerCase();
    if (school.some((d) => domain === d || domain.endsWith(`.${d}`))) continue;
    if (isPersonalMailDomain(domain)) {
      found.add('personalEmail');
      break;
    }
  }
  // A handle check must not read an e-mail address as "@name": drop addresses first.
  const noMail = s.replace(EMAIL, ' ');
  if (SOCIAL_URL.test(noMail) || HANDLE_NEAR_APP.test(noMail)) found.add('socialHandle');
  if (INVITATION.test(noMail)) found.add('invitation');
  return (['phone', 'personalEmail', 'socialHandle', 'invitation'] as const).filter((k) => found.has(k));
}
