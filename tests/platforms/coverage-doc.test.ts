import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { withTable } from '../../scripts/coverage-table';

it('docs/platforms.md shows the coverage the adapters declare (run `npm run docs:coverage` after changing one)', () => {
  const doc = readFileSync('docs/platforms.md', 'utf8');
  expect(doc).toBe(withTable(doc));
});
