import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeLocale } from '../../wxt.config';
import { ITEM_IDS, itemKey } from '../../utils/checklist/items';
import { PLATFORMS } from '../../utils/platforms';
import { platformContentScript } from '../../modules/platform-content-scripts';

/**
 * Keeps utils/platforms/ honest (refined-github's build/features.test.ts practice): every adapter file is
 * registered, has fixtures for both roles, a content script, an "Observed on" block, covers every checklist item,
 * and has fix/check steps in both languages for each item it does not mark n/a.
 */
const HELPERS = new Set(['types.ts', 'dom.ts', 'finding.ts', 'index.ts', 'self-hosted.ts', 'ids.ts', 'scopes.ts', 'labels.ts']);
const files = readdirSync('utils/platforms').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.has(f));
const en = mergeLocale('en');
const fr = mergeLocale('fr');

describe('platform registry', () => {
  it('registers every adapter file exactly once, with the file name as id', () => {
    expect(PLATFORMS.map((p) => p.id).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
    expect(new Set(PLATFORMS.map((p) => p.id)).size).toBe(PLATFORMS.length);
  });

  describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s', (id, adapter) => {
    const source = readFileSync(`utils/platforms/${id}.ts`, 'utf8');

    it('has host/teacher and participant/student fixtures', () => {
      const dir = `tests/fixtures/${id}`;
      expect(existsSync(dir), `${dir} missing`).toBe(true);
      const names = readdirSync(dir);
      expect(names.some((n) => /host|teacher/.test(n))).toBe(true);
      expect(names.some((n) => /participant|student/.test(n))).toBe(true);
      for (const n of names.filter((n) => n.endsWith('.html'))) {
        const html = readFileSync(`${dir}/${n}`, 'utf8');
        expect(html, `${n} needs a header comment`).toMatch(/<!--[\s\S]{40,}?-->/);
        expect(html, `${n} needs <meta name="vigie:url">`).toMatch(/<meta\s+name="vigie:url"\s+content="https?:\/\//);
      }
    });

    it('has a content script and ends with an "Observed on" block', () => {
      // Generated from the manifest at build time (modules/platform-content-scripts.ts), one per platform id.
      expect(platformContentScript(id, '/repo', '/repo/.wxt/platform-content')).toContain(`import adapter from '../../utils/platforms/${id}';`);
      expect(source).toMatch(/Observed on[\s\S]*\*\/\s*$/);
    });

    it('maps every checklist item in coverage', () => {
      expect(Object.keys(adapter.coverage).sort()).toEqual([...ITEM_IDS].sort());
    });

    it('has fix or check steps in English and French for each item it does not mark n/a', () => {
      const missing: string[] = [];
      for (const item of ITEM_IDS) {
        if (adapter.coverage[item] === 'n/a') continue;
        const key = `fix_${id.replace(/-/g, '_')}_${itemKey(item)}`;
        if (!en[key]?.message) missing.push(`en:${key}`);
        if (!fr[key]?.message) missing.push(`fr:${key}`);
      }
      expect(missing).toEqual([]);
    });

    it('lists example URLs both ways, and its match patterns are https', () => {
      expect(adapter.exampleUrls.yes.length).toBeGreaterThan(0);
      expect(adapter.exampleUrls.no.length).toBeGreaterThan(0);
      for (const p of adapter.matchPatterns) expect(p).toMatch(/^https:\/\//);
    });
  });
});
