import { describe, expect, it } from 'vitest';
import { findContactDetails, isPersonalMailDomain } from '../../../utils/boundaries/contact-details';
import { CONTACT_CORPUS } from './contact-corpus';

describe('contact-detail detectors', () => {
  it('has a corpus of at least 100 cases with both true and false cases', () => {
    expect(CONTACT_CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(CONTACT_CORPUS.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(40);
    expect(CONTACT_CORPUS.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(40);
  });

  it.each(CONTACT_CORPUS.map((c) => [c.text, c.expect] as const))('%j → %j', (text, kinds) => {
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
