/**
 * Undo the usual disguises of a contact detail before matching, so "jane [at] gmail dot com", "06 12 34 56 78"
 * typed in full-width digits, a number with zero-width spaces inside it, or "zero six one two three four five six
 * seven eight" read as what they are. Pure and linear: every rule is one left-to-right pass with bounded
 * quantifiers. The folded text is only ever matched, never shown or kept.
 */

/** Zero-width and invisible formatting characters people (or copy-paste) put inside numbers and addresses. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** "[at]", "(at)", "{at}", "<at>", "[arobase]", "(a)" → "@". */
const BRACKETED_AT = /\s{0,3}[[({<]\s{0,3}(?:at|arobase|a)\s{0,3}[\])}>]\s{0,3}/gi;
/** "[dot]", "(dot)", "(point)" → ".". */
const BRACKETED_DOT = /\s{0,3}[[({<]\s{0,3}(?:dot|point)\s{0,3}[\])}>]\s{0,3}/gi;
/** Top-level domains people spell after "dot"/"point" in the regions we serve. */
const TLD = String.raw`(?:com|fr|ca|net|org|co|uk|be|ch|me|io|info|eu)\b`;
/** "gmail dot com", "hotmail point fr" (only before a known TLD, so "dot the i's" stays). */
const SPOKEN_DOT = new RegExp(String.raw`\s{1,3}(?:dot|point)\s{1,3}(?=${TLD})`, 'gi');
/** "jane at gmail.com", "jane arobase orange.fr" (only before a domain, so "meet at noon" stays). */
const SPOKEN_AT = new RegExp(String.raw`(?<=[a-z0-9._%+-])\s{1,3}(?:at|arobase|chez)\s{1,3}(?=[a-z0-9-]{1,63}\.${TLD})`, 'gi');

/** Spelled-out digits, EN and FR (accents folded by the caller's NFKC + the table). */
const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  'zéro': '0', un: '1', une: '1', deux: '2', trois: '3', quatre: '4', cinq: '5', sept: '7', huit: '8', neuf: '9',
};
/** A run of at least this many spelled digits is a number being dictated, not prose ("one or two", "un deux trois"). */
const MIN_SPELLED_RUN = 7;
/** Words, as maximal runs of letters (so "sixty" and "neuve" are one word each, never "six" or "neuf"). */
const WORDS = /[a-zà-ÿ]+/g;
/** What may stand between two dictated digits: a space, a hyphen, a comma (at most three characters). */
const DIGIT_SEPARATOR = /^[ ,-]{1,3}$/;

/**
 * Replace each run of ≥ 7 spelled-out digits (separated by spaces, hyphens or commas) by the digits themselves.
 * One pass over the words with a global regex: linear.
 */
export function foldSpelledDigits(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return text; // a case mapping that changes lengths: leave the text as it is
  const out: string[] = [];
  let copied = 0;
  let runStart = -1;
  let runEnd = -1;
  let digits = '';
  const flush = () => {
    if (digits.length >= MIN_SPELLED_RUN) {
      out.push(text.slice(copied, runStart), digits);
      copied = runEnd;
    }
    runStart = -1;
    digits = '';
  };
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(lower); m; m = WORDS.exec(lower)) {
    const d = DIGIT_WORDS[m[0]];
    if (d === undefined) {
      flush();
      continue;
    }
    if (runStart !== -1 && !DIGIT_SEPARATOR.test(lower.slice(runEnd, m.index))) flush();
    if (runStart === -1) runStart = m.index;
    digits += d;
    runEnd = m.index + m[0].length;
  }
  flush();
  return copied === 0 ? text : out.join('') + text.slice(copied);
}

/** NFKC (full-width digits and "＠", ligatures, no-break spaces), invisible characters out, at/dot forms, spelled digits. */
export function foldDisguises(text: string): string {
  let s = text.normalize('NFKC').replace(INVISIBLE, '');
  s = s.replace(BRACKETED_AT, '@').replace(BRACKETED_DOT, '.').replace(SPOKEN_DOT, '.').replace(SPOKEN_AT, '@');
  return foldSpelledDigits(s);
}
