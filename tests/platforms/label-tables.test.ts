import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderLabelTables } from '../../scripts/label-tables';

/**
 * The per-platform label tables the content scripts carry (utils/platforms/label-tables/) are generated from the
 * table of record, utils/platforms/labels.ts: they must match it exactly, so a label (or its verified flag) can
 * never differ between what the tests and docs check and what the extension matches.
 */
describe('runtime label tables', () => {
  it.each(Object.entries(renderLabelTables()))('%s is current (run `npm run labels:tables` after changing labels.ts)', (platform, text) => {
    expect(readFileSync(`utils/platforms/label-tables/${platform}.ts`, 'utf8')).toBe(text);
  });
});
