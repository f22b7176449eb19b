import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { withTables } from '../../../scripts/reporting-doc';

it('docs/reporting.md shows the destination rows as they are in the code (run `npm run docs:reporting` after changing one)', () => {
  const doc = readFileSync('docs/reporting.md', 'utf8');
  expect(doc).toBe(withTables(doc));
  expect(doc).toContain('| `dpj` |');
  expect(doc).toContain('1 800 567-6810');
});
