import { describe, expect, it } from 'vitest';
import { findContactDetails, MAX_CHECKED_CHARS } from '../../../utils/boundaries/contact-details';

/**
 * The check runs on throttled keystrokes in a composer, so it must be linear in the text: inputs built to make a
 * backtracking pattern or a per-position scan blow up (long runs of address characters, digits with separators,
 * repeated app names, "@" storms) must stay under 20 ms at the 20 000-character cap, and quadrupling the input must
 * not cost much more than four times as much (a quadratic check would cost sixteen; the bound is ten).
 */
const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const ADVERSARIAL: Record<string, (n: number) => string> = {
  'letters (address local part)': (n) => repeatTo('a', n),
  'digits': (n) => repeatTo('1', n),
  'digits and spaces': (n) => repeatTo('1 ', n),
  'digits and dots': (n) => repeatTo('06.', n),
  'phone-like groups': (n) => repeatTo('06 12 34 ', n),
  'parentheses and digits': (n) => repeatTo('(514) ', n),
  'plus signs': (n) => repeatTo('+1 ', n),
  'at storm': (n) => repeatTo('a@', n),
  'at then dots': (n) => repeatTo('@', n / 2) + repeatTo('.', n / 2),
  'addresses': (n) => repeatTo('x.y@gmail.co ', n),
  'app names and colons': (n) => repeatTo('snap: ', n),
  'handles': (n) => repeatTo('@abc.def_1 ', n),
  'spelled digits': (n) => repeatTo('zero one two ', n),
  'bracketed at': (n) => repeatTo('[at] ', n),
  'invitation words': (n) => repeatTo('add me on ', n),
  'zero-width inside digits': (n) => repeatTo('0\u200B', n),
};

function timeMs(text: string): number {
  const runs: number[] = [];
  // The fastest of seven runs: on a shared machine, other work only ever adds time, so the minimum is the cost.
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    findContactDetails(text);
    runs.push(performance.now() - t0);
  }
  return Math.min(...runs);
}

describe('contact-detail check is linear', () => {
  it.each(Object.entries(ADVERSARIAL))('%s: 20 000 characters in under 20 ms, and ×4 input costs under ×10 (+2 ms)', (_name, make) => {
    const big = make(MAX_CHECKED_CHARS);
    const small = make(MAX_CHECKED_CHARS / 4);
    expect(big.length).toBe(MAX_CHECKED_CHARS);
    findContactDetails(big); // warm up the JIT and the regex caches
    const tBig = timeMs(big);
    const tSmall = timeMs(small);
    expect(tBig).toBeLessThan(20);
    // Linear: ×4 input, about ×4 time. The 2 ms slack absorbs timer noise on sub-millisecond runs; a quadratic check
    // (×16) still fails it at these sizes.
    expect(tBig).toBeLessThan(10 * tSmall + 2);
  });
});
