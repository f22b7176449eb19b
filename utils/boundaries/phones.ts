/**
 * Phone numbers of the places Vigie serves (Canada/US, France, UK, Belgium, Switzerland) and international
 * numbers in "+" or "00" form. Hand-written after measuring libphonenumber-js on the same corpus (see
 * docs/boundaries.md, "Why hand-written phone patterns"): same recall on our corpus, fewer false positives on class
 * messages, and a fraction of the composer bundle.
 *
 * How it stays linear: one global scan finds candidate runs of digits and single separators (bounded length), and
 * each candidate is classified by the lengths of its digit groups, a constant amount of work per candidate.
 * Precision first: a shape must match a national numbering plan exactly (group lengths and leading digits), so
 * dates (12/11), times (09:00–11:30), scores (45/50), ISBNs (978-2-07-036822-8), page ranges and arithmetic never
 * match.
 */

/** A run that may hold a phone number: optional "+" or "(", then digits and single separators, at most ~30 chars. */
const CANDIDATE = /[+(]?\d(?:[ .\-()]{1,3}\d|\d){5,22}/g;

/** Separators allowed between two groups of a national number. "(0)" after a country code is handled apart. */
const SEPARATOR = /^(?:[ .-]|\)\s?|\s?\()$/;

/** Signatures (group lengths) of national numbers, with the leading digits each plan requires. */
interface Shape {
  groups: readonly number[];
  /** Leading digits of the whole number (digits only). */
  lead: RegExp;
  /** The shape alone is ambiguous (e.g. ten bare digits): it needs a phone word nearby. */
  needsWord?: boolean;
}

const NATIONAL: readonly Shape[] = [
  // Canada / US (NANP): (514) 555-1234, 514-555-1234, 1-800-555-0199; area and exchange start 2–9.
  { groups: [3, 3, 4], lead: /^[2-9]\d\d[2-9]/ },
  { groups: [1, 3, 3, 4], lead: /^1[2-9]\d\d[2-9]/ },
  { groups: [10], lead: /^[2-9]\d\d[2-9]/, needsWord: true },
  { groups: [11], lead: /^1[2-9]\d\d[2-9]/, needsWord: true },
  // France: 06 12 34 56 78, 0612345678 (0 then 1–9, ten digits).
  { groups: [2, 2, 2, 2, 2], lead: /^0[1-9]/ },
  { groups: [10], lead: /^0[1-9]/ },
  // UK: 07700 900123, 07700 900 123, 020 7946 0958, 0161 496 0000, 01632 960000, 07700900123 (0 then 1/2/3/7/8, eleven digits).
  { groups: [5, 6], lead: /^0[1237]/ },
  { groups: [5, 3, 3], lead: /^0[1237]/ },
  { groups: [3, 4, 4], lead: /^0[1238]/ },
  { groups: [4, 3, 4], lead: /^0[1378]/ },
  { groups: [11], lead: /^0[1237]/ },
  // Belgium: 0470 12 34 56 (mobiles 04xx), 02 123 45 67, 071 12 34 56.
  { groups: [4, 2, 2, 2], lead: /^04[5-9]/ },
  { groups: [2, 3, 2, 2], lead: /^0[1-9]/ },
  { groups: [3, 2, 2, 2], lead: /^0[1-9]/ },
  // Switzerland: 079 123 45 67, 044 668 18 00.
  { groups: [3, 3, 2, 2], lead: /^0[1-9]/ },
];

/** International numbers by country code: how many digits follow the code (national number without its 0). */
const COUNTRY_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  '1': [10], // Canada, US
  '33': [9], // France
  '44': [9, 10], // UK (a few 9-digit geographic numbers)
  '32': [8, 9], // Belgium
  '41': [9], // Switzerland
};

export const PHONE_WORD = /\b(?:tel|t[ée]l[ée]?phone|phone|cell(?:ulaire)?|mobile|portable|call me|text me|ring me|appelle[- ]moi|appelez[- ]moi|texte[- ]moi|textez[- ]moi|mon num[ée]ro|my number|num[ée]ro|whats\s?app|signal|telegram|sms)\b/i;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Words just before a number that say it is an identifier, not a phone: a meeting ID ("312 445 9876" is a Zoom ID
 * shape), a reference, a code. Looked for in the 30 characters before the number only (bounded, so linear).
 */
const IDENTIFIER_BEFORE = /(?:\bid|identifiant|meeting|r[ée]union|code|n°|\bno\.|\bnum[ée]ro d['’][ée]l[èe]ve|r[ée]f[ée]rence|\bref|order|commande|ticket|invoice|facture|dossier|isbn|issn|ean|serial|\bsn|matricule|student|candidate|passcode|mot de passe)\b[^\d]{0,12}$/i;

function identifierBefore(text: string, start: number): boolean {
  return IDENTIFIER_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** Characters that, right before a number, make it part of an expression, a code or a decimal. */
function badBefore(c: string | undefined): boolean {
  return c !== undefined && /[\w+=*/^.,\-×÷]/.test(c);
}

/** Characters that, right after a number, make it part of an expression, a code or a decimal. */
function badAfter(text: string, end: number): boolean {
  const c = text[end];
  if (c === undefined) return false;
  if (/[\w=*/^×÷]/.test(c)) return true;
  return (c === '.' || c === ',' || c === '-') && isDigit(text[end + 1]);
}

/** International form: "+CC…" or "00CC…"; the digits after the code must fit that country's plan. */
function isInternational(candidate: string): boolean {
  const plus = candidate.startsWith('+');
  let digits = candidate.replace(/\(0\)/, '').replace(/\D/g, '');
  if (!plus) {
    if (!digits.startsWith('00')) return false;
    digits = digits.slice(2);
  }
  if (!/^[1-9]/.test(digits)) return false;
  for (const [code, lengths] of Object.entries(COUNTRY_LENGTHS)) {
    if (digits.startsWith(code)) {
      const rest = digits.slice(code.length);
      if (code === '1') return rest.length === 10 && /^[2-9]\d\d[2-9]/.test(rest);
      return lengths.includes(rest.length) && !rest.startsWith('0');
    }
  }
  // Any other country: E.164 allows up to 15 digits; eight or more after a "+" is a number, not arithmetic.
  return plus ? digits.length >= 9 && digits.length <= 15 : digits.length >= 10 && digits.length <= 15;
}

function matchesShape(groups: readonly string[], wordNearby: boolean): boolean {
  const digits = groups.join('');
  return NATIONAL.some((shape) => shape.groups.length === groups.length
    && shape.groups.every((n, i) => groups[i].length === n)
    && shape.lead.test(digits)
    && (!shape.needsWord || wordNearby));
}

/**
 * A national candidate: its digit groups are split into segments wherever the separator is not one a phone number
 * uses (" - ", ") - (", two spaces…), so "514-555-1234 - 438-555-0199" is two numbers and "(514) - (555) - 1234"
 * none. In a segment, each sub-run of groups delimited by single spaces is tried too ("2 06 12 34 56 78").
 */
function hasNationalNumber(candidate: string, wordNearby: boolean): boolean {
  const groups = candidate.match(/\d+/g) ?? [];
  const seps = candidate.split(/\d+/).slice(1, -1);
  let from = 0;
  for (let k = 0; k <= groups.length; k++) {
    if (k < groups.length && (k === 0 || SEPARATOR.test(seps[k - 1]))) continue;
    // groups[from..k) is one segment.
    const segment = groups.slice(from, k);
    const segSeps = seps.slice(from, k - 1);
    for (let i = 0; i < segment.length; i++) {
      if (i > 0 && segSeps[i - 1] !== ' ') continue;
      // At most one group may stand outside the number: a longer list ("2 4 8 … 256 512 1024") is a list.
      for (let j = i + 1; j <= Math.min(segment.length, i + 5); j++) {
        if (i + (segment.length - j) > 1) continue;
        if (j < segment.length && segSeps[j - 1] !== ' ') continue;
        if (matchesShape(segment.slice(i, j), wordNearby)) return true;
      }
    }
    from = k;
  }
  return false;
}

/** Does the text contain a phone number? Linear in the text's length. */
export function hasPhoneNumber(text: string): boolean {
  const wordNearby = PHONE_WORD.test(text);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let raw = m[0];
    let start = m.index;
    // "(" is part of a number only when a ")" follows three digits later: "(514) 555-1234".
    if (raw.startsWith('(') && !/^\(\d{3}\)/.test(raw)) {
      raw = raw.slice(1);
      start += 1;
    }
    raw = raw.replace(/[ .\-(]+$/, '');
    const before = text[start - 1];
    if (raw.startsWith('+') ? before !== undefined && /[\w+=*/^]/.test(before) : badBefore(before)) continue;
    if (badAfter(text, start + raw.length)) continue;
    if (identifierBefore(text, start)) continue;
    if (raw.startsWith('+') || raw.startsWith('00')) {
      if (isInternational(raw)) return true;
      if (raw.startsWith('+')) continue;
    }
    if (hasNationalNumber(raw, wordNearby)) return true;
  }
  return false;
}
