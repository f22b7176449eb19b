import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePlatformContentScripts } from '../../modules/platform-content-scripts';
import { MARKER } from '../../scripts/new-platform';
import { PLATFORM_IDS } from '../../utils/platforms/ids';

/**
 * Adding a platform touches its manifest line (utils/platforms/ids.ts), one adapter file, its fixtures, its locale
 * steps and its doc page (docs/architecture.md, "Adding a platform"). This fails when a manifest id lacks any of
 * them, and checks that what is derived from the manifest (the content script) really is derived.
 */
const root = process.cwd();
const out = mkdtempSync(join(tmpdir(), 'vigie-platform-content-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(PLATFORM_IDS.map((id) => [id]))('manifest id %s', (id) => {
  it('has its adapter file', () => {
    expect(existsSync(`utils/platforms/${id}.ts`), `utils/platforms/${id}.ts`).toBe(true);
  });

  it('has its fixtures folder with at least one saved page', () => {
    const dir = `tests/fixtures/${id}`;
    expect(existsSync(dir), dir).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.html')).length, dir).toBeGreaterThan(0);
  });

  it('has its locale steps in English and French', () => {
    for (const lang of ['en', 'fr']) {
      const file = `locales/${lang}/platform-${id}.json`;
      expect(existsSync(file), file).toBe(true);
      const keys = Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object);
      expect(keys.length, file).toBeGreaterThan(0);
      // A platform's fragment holds that platform's steps only (fix_<id>_<item>, check_<id>_<item>, …).
      expect(keys.filter((k) => !k.includes(`_${id.replace(/-/g, '_')}_`)), file).toEqual([]);
    }
  });

  it('has its doc page', () => {
    expect(existsSync(`docs/platforms/${id}.md`), `docs/platforms/${id}.md`).toBe(true);
  });

  it('keeps no placeholder of the scaffold (scripts/new-platform.ts) in its files', () => {
    const files = [`utils/platforms/${id}.ts`, `locales/en/platform-${id}.json`, `locales/fr/platform-${id}.json`, `docs/platforms/${id}.md`];
    const dir = `tests/fixtures/${id}`;
    if (existsSync(dir)) files.push(...readdirSync(dir).map((f) => `${dir}/${f}`));
    expect(files.filter((f) => existsSync(f) && readFileSync(f, 'utf8').includes(MARKER))).toEqual([]);
  });

  it('has no hand-written content script: its own is generated from the manifest', () => {
    expect(existsSync(`entrypoints/${id}.content.ts`), `entrypoints/${id}.content.ts would clash with the generated one`).toBe(false);
  });
});

describe('generated content scripts (modules/platform-content-scripts.ts)', () => {
  const written = writePlatformContentScripts(root, out);

  it('writes exactly one per manifest id, named <id>.content.ts (built as content-scripts/<id>.js)', () => {
    expect(readdirSync(out).sort()).toEqual(PLATFORM_IDS.map((id) => `${id}.content.ts`).sort());
    expect(written.map((w) => w.id)).toEqual([...PLATFORM_IDS]);
  });

  it.each(PLATFORM_IDS.map((id) => [id]))('%s: imports its own adapter and no other, and starts the meeting runner', (id) => {
    const text = readFileSync(join(out, `${id}.content.ts`), 'utf8');
    const adapters = [...text.matchAll(/from '([^']*utils\/platforms\/[^']*)'/g)].map((m) => m[1].replace(/^.*utils\/platforms\//, ''));
    expect(adapters).toEqual([id]);
    expect(text).toMatch(/watchMeeting\(ctx, adapter\)/);
    expect(text).toMatch(/runAt: 'document_idle'/);
    // The imports resolve from where the file is written.
    for (const m of text.matchAll(/from '(\.[^']*)'/g)) expect(existsSync(`${join(out, m[1])}.ts`), m[1]).toBe(true);
  });

  it('rewrites nothing that has not changed, and removes a file for an id no longer in the manifest', () => {
    const before = readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]);
    writePlatformContentScripts(root, out, PLATFORM_IDS.slice(1));
    expect(readdirSync(out)).not.toContain(`${PLATFORM_IDS[0]}.content.ts`);
    writePlatformContentScripts(root, out);
    expect(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')])).toEqual(before);
  });
});
