import { findContactDetails } from '../../utils/boundaries/contact-details';

/**
 * The composer's per-keystroke cost: a teacher types a 1,500-character class message (with a phone number, an
 * address and a handle in it) one character at a time, and after every character the contact check runs on the
 * whole text, as utils/boundaries/run-composer.ts does on each throttled input. Same code as the content script,
 * timed in Node's V8 (the DOM read of the composer is not included: it is one textContent).
 */
const MESSAGE = [
  'Bonjour à tous, voici le plan de la semaine. Devoir p. 45–67 pour le 12/11, exercices 3.2.1 à 3.2.4.',
  'Exam 09:00–11:30 in room 2045; bring your calculators. ISBN 978-2-07-036822-8 for the reader.',
  'If you are stuck, write to me on Classroom, not by e-mail. Score 45/50 is the pass mark for the quiz.',
].join(' ').repeat(5).slice(0, 1400) + ' call me on 07700 900123 or jane [at] gmail [dot] com, snap: coolteach22';

export function composerKeystrokeCost(): { medianMs: number; p95Ms: number; keystrokes: number } {
  const times: number[] = [];
  for (let i = 1; i <= MESSAGE.length; i++) {
    const text = MESSAGE.slice(0, i);
    const t0 = performance.now();
    findContactDetails(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], p95Ms: times[Math.floor(times.length * 0.95)], keystrokes: times.length };
}
