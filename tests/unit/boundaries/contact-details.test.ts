import { describe, expect, it } from 'vitest';
import { findContactDetails, isPersonalMailDomain } from '../../../utils/boundaries/contact-details';
import { CONTACT_CORPUS } from './contact-corpus';
import { REGION_CORPUS } from './contact-corpus-regions';

const ALL = [...CONTACT_CORPUS, ...REGION_CORPUS];
const positives = ALL.filter((c) => c.expect.length > 0);
const negatives = ALL.filter((c) => c.expect.length === 0);

describe('contact-detail detectors', () => {
  it('has a corpus of at least 300 true and 300 false cases', () => {
    expect(positives.length).toBeGreaterThanOrEqual(300);
    expect(negatives.length).toBeGreaterThanOrEqual(300);
    expect(new Set(ALL.map((c) => c.text)).size).toBe(ALL.length);
  });

  it('meets its recall (≥ 95%) and false-positive (≤ 1%) thresholds on the whole corpus', () => {
    const missed = positives.filter((c) => findContactDetails(c.text).length === 0);
    const falseAlarms = negatives.filter((c) => findContactDetails(c.text).length > 0);
    const recall = 1 - missed.length / positives.length;
    const fpRate = falseAlarms.length / negatives.length;
    process.stdout.write(`contact corpus: ${positives.length} true, ${negatives.length} false; recall ${(recall * 100).toFixed(1)}%, false positives ${(fpRate * 100).toFixed(2)}%\n`);
    expect({ recall: recall >= 0.95, missed: missed.map((c) => c.text).slice(0, 20) }).toEqual({ recall: true, missed: expect.any(Array) });
    expect({ fp: fpRate <= 0.01, falseAlarms: falseAlarms.map((c) => c.text) }).toEqual({ fp: true, falseAlarms: expect.any(Array) });
  });

  it.each(ALL.map((c) => [c.text, c.expect] as const))('%j → %j', (text, kinds) => {
    expect(findContactDetails(text)).toEqual(kinds);
  });

  it('does not flag the school’s own domains even when they look personal', () => {
    expect(findContactDetails('write to prof@live.ca', { schoolDomains: ['live.ca'] })).toEqual([]);
    expect(findContactDetails('write to prof@gmail.com', { schoolDomains: ['school.org'] })).toEqual(['personalEmail']);
  });

  it('recognises consumer mail families across TLDs, not look-alikes', () => {
    expect(isPersonalMailDomain('hotmail.co.uk')).toBe(true);
    expect(isPersonalMailDomain('outlook.fr')).toBe(true);
    expect(isPersonalMailDomain('GMAIL.COM')).toBe(true);
    expect(isPersonalMailDomain('outlook.office365.com')).toBe(false);
    expect(isPersonalMailDomain('gmail.com.school.org')).toBe(false);
  });

  it('returns kinds only (no text) and survives hostile input', () => {
    const out = findContactDetails('call 514-555-1234 ' + 'a'.repeat(50_000));
    expect(out).toEqual(['phone']);
    expect(findContactDetails(undefined as unknown as string)).toEqual([]);
    expect(findContactDetails('@'.repeat(10_000) + '.'.repeat(10_000))).toEqual([]);
  });
});
