import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageCounts, withTable } from '../../scripts/coverage-table';
import { PLATFORMS } from '../../utils/platforms';

it('docs/platforms.md shows the coverage the adapters declare (run `npm run docs:coverage` after changing one)', () => {
  const doc = readFileSync('docs/platforms.md', 'utf8');
  expect(doc).toBe(withTable(doc));
});

describe('per-language coverage counts', () => {
  const zoom = PLATFORMS.find((p) => p.id === 'zoom')!;
  const meet = PLATFORMS.find((p) => p.id === 'google-meet')!;

  it('the doc carries both tables', () => {
    const doc = readFileSync('docs/platforms.md', 'utf8');
    expect(doc).toMatch(/<!-- languages:start[^>]*-->\n\| platform \| items read \| EN: verified \| EN: unverified only \| FR: verified \| FR: unverified only \|/);
  });

  it('an item read only through unverified labels is counted apart (literal cases from labels.ts)', () => {
    // Zoom EN: join-before-host-off reads only "Allow participants to join before host"/"…anytime", both unverified.
    // Zoom FR: « Rejoindre avant l’hôte » is on Zoom's French blog: verified. So FR has it verified, EN does not.
    const en = languageCounts(zoom, 'en')!;
    const fr = languageCounts(zoom, 'fr')!;
    expect(en.verified + en.unverified).toBeLessThanOrEqual(14);
    expect(fr.verified).toBeLessThan(en.verified); // most Zoom menu labels have no French vendor source yet
    expect(fr.labels.verified).toBe(6);
    expect(en.labels.unverified).toBe(9);
  });

  it('Meet: no English label has a Google help page yet, one French one does', () => {
    expect(languageCounts(meet, 'en')!.labels).toEqual({ verified: 0, unverified: 14 });
    expect(languageCounts(meet, 'fr')!.labels).toEqual({ verified: 1, unverified: 1 });
  });
});
