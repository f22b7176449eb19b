import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLocale } from '../../wxt.config';

/**
 * Every word in both languages, and no dead words.
 *
 * Rules (the lead may add to the family rule, never to a hand-kept allow-list):
 * 1. Parity: every key in en exists in fr and vice versa, except regional variants: a key ending in `_frca`
 *    (Canadian French wording, utils/i18n.ts) exists in fr only, and its base key must exist in both.
 * 2. Used → defined: every key the code names literally — t('k'), getMessage('k'), msg('k'), steps('k'),
 *    __MSG_k__ in the manifest or HTML — exists in en and fr.
 * 3. Defined → used: every key is either quoted somewhere in the source ('k', "k" or `k`, which covers keys
 *    kept in lookup tables), or belongs to a dynamic family. Families are read from the code itself: a
 *    template literal made only of key characters and ${…} (e.g. `item_${key}_title`, `fix_${platform}_${key}`,
 *    `opt_region_hint_${region}`) becomes a pattern, provided it has at least 4 literal characters.
 *    A `_frca` variant counts as used when its base key is.
 */

const SOURCE_DIRS = ['utils', 'components', 'entrypoints'];
const ROOT_FILES = ['wxt.config.ts'];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx|html)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const files = [...SOURCE_DIRS.flatMap((d) => walk(d)), ...ROOT_FILES];
const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
const en = mergeLocale('en');
const fr = mergeLocale('fr');
const VARIANT = /_frca$/;

export function literalKeys(code: string): Set<string> {
  const keys = new Set<string>();
  for (const m of code.matchAll(/(?:(?<![.\w$])(?:t|msg|steps)|getMessage)\(\s*['"]([A-Za-z0-9_]+)['"]/g)) keys.add(m[1]);
  for (const m of code.matchAll(/__MSG_([A-Za-z0-9_]+?)__/g)) keys.add(m[1]);
  return keys;
}

export function families(code: string): RegExp[] {
  const out: RegExp[] = [];
  for (const m of code.matchAll(/`((?:[A-Za-z0-9_]|\$\{[^}`]*\})+)`/g)) {
    const template = m[1];
    if (!template.includes('${')) continue;
    const literal = template.replace(/\$\{[^}]*\}/g, '');
    if (literal.length < 4) continue;
    const pattern = template
      .split(/\$\{[^}]*\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[A-Za-z0-9_]+');
    out.push(new RegExp(`^${pattern}$`));
  }
  return out;
}

describe('locales', () => {
  it('finds the source and both languages (the test itself can see something)', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(Object.keys(en).length).toBeGreaterThan(50);
    expect(literalKeys(source).size).toBeGreaterThan(20);
    expect(families(source).some((f) => f.test('item_waiting_room_title'))).toBe(true);
  });

  it('has every English key in French and every French key in English (regional variants aside)', () => {
    const missingInFr = Object.keys(en).filter((k) => !(k in fr));
    const missingInEn = Object.keys(fr).filter((k) => !(k in en) && !VARIANT.test(k));
    expect(missingInFr, 'keys missing in locales/fr').toEqual([]);
    expect(missingInEn, 'keys missing in locales/en').toEqual([]);
  });

  it('keeps regional variants in French only, each with a base key', () => {
    expect(Object.keys(en).filter((k) => VARIANT.test(k)), 'a _frca key in en').toEqual([]);
    const orphans = Object.keys(fr).filter((k) => VARIANT.test(k) && !(k.replace(VARIANT, '') in fr));
    expect(orphans).toEqual([]);
    // The point of the variants: Canadian French says "clavardage" where France says "chat".
    expect(fr.item_chat_control_title_frca.message.toLowerCase()).toContain('clavardage');
    expect(fr.item_chat_control_title.message.toLowerCase()).toContain('chat');
  });

  it('defines, in both languages, every key the code names', () => {
    const used = [...literalKeys(source)].filter((k) => !k.startsWith('@@'));
    expect(used.filter((k) => !(k in en)), 'used in code, missing in en').toEqual([]);
    expect(used.filter((k) => !(k in fr)), 'used in code, missing in fr').toEqual([]);
  });

  it('uses every key it defines', () => {
    const quoted = new Set([...source.matchAll(/['"`]([A-Za-z0-9_]+)['"`]/g)].map((m) => m[1]));
    for (const k of literalKeys(source)) quoted.add(k);
    const fams = families(source);
    const isUsed = (k: string): boolean => quoted.has(k) || fams.some((f) => f.test(k)) || (VARIANT.test(k) && isUsed(k.replace(VARIANT, '')));
    const unused = [...new Set([...Object.keys(en), ...Object.keys(fr)])].filter((k) => !isUsed(k));
    expect(unused, 'keys defined in locales/ but used nowhere').toEqual([]);
  });

  it('uses no message with an empty text, and the same $n placeholders in both languages', () => {
    const placeholders = (s: string) => [...new Set(s.match(/\$[1-9]/g) ?? [])].sort().join();
    const bad = Object.keys(en).filter((k) => k in fr && (!en[k].message.trim() || !fr[k].message.trim() || placeholders(en[k].message) !== placeholders(fr[k].message)));
    expect(bad).toEqual([]);
  });
});
