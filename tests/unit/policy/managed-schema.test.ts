import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POLICY_FIELDS, POLICY_KEYS, type PolicyKey } from '../../../utils/settings/policy/schema';
import { schemaIssues, type ChromeSchema } from './chrome-schema';

/** public/managed_schema.json (what Chrome validates) mirrors the zod policy schema (what Vigie validates), key for key. */
const managed = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as ChromeSchema & { additionalProperties?: unknown };

type Json = { type?: string; properties?: Record<string, Json>; items?: Json; enum?: unknown[]; minimum?: number; maximum?: number; anyOf?: Json[] };

/**
 * The shape both must agree on: types, enums, integer bounds, object keys, array items (not lengths or patterns).
 * Inside a list's items Chrome's schema has no enum (one bad entry would make Chrome drop the whole list): there an
 * enum in zod is compared as a plain string.
 */
function shapeOf(s: Json, inItems = false): unknown {
  if (s.enum && inItems) return { type: 'string' };
  if (s.enum) return { enum: [...s.enum].sort() };
  if (s.type === 'object') return { object: Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, shapeOf(v, inItems)])) };
  if (s.type === 'array') return { array: shapeOf(s.items ?? {}, true) };
  if (s.type === 'integer') return { integer: [s.minimum ?? null, s.maximum ?? null] };
  return { type: s.type };
}

/** Every `enum` or `pattern` under an `items`, with its path. */
function constrainedItems(s: Json & { pattern?: string }, path: string, inItems = false): string[] {
  const here = inItems && (s.enum || s.pattern) ? [path] : [];
  const props = Object.entries(s.properties ?? {}).flatMap(([k, v]) => constrainedItems(v, `${path}.${k}`, inItems));
  return [...here, ...props, ...(s.items ? constrainedItems(s.items, `${path}[]`, true) : [])];
}

describe('public/managed_schema.json', () => {
  it('is a Chrome managed-storage schema: top-level object, no additionalProperties, supported attributes, RE2 patterns', () => {
    expect(managed.type).toBe('object');
    expect(managed.additionalProperties).toBeUndefined();
    expect(schemaIssues(managed)).toEqual([]);
  });

  it('declares exactly the policy keys of the zod schema', () => {
    expect(Object.keys(managed.properties ?? {}).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it.each([...POLICY_KEYS])('%s has a title and a long description for administrators', (key) => {
    const s = managed.properties![key];
    expect(s.title?.length ?? 0).toBeGreaterThan(3);
    expect(s.description?.length ?? 0).toBeGreaterThanOrEqual(80);
  });

  it.each([...POLICY_KEYS])('%s: a list of tokens names every token in its description', (key) => {
    const s = managed.properties![key];
    const zodJson = z.toJSONSchema(POLICY_FIELDS[key as PolicyKey], { unrepresentable: 'any' }) as Json;
    for (const token of zodJson.items?.enum ?? []) expect(s.description).toContain(String(token));
  });

  it('no list item carries an enum or a pattern (Chrome would drop the whole list for one bad entry)', () => {
    expect(constrainedItems(managed as Json, '')).toEqual([]);
  });

  it.each([...POLICY_KEYS])('%s has the same shape in Chrome’s schema and in zod', (key) => {
    const zodJson = z.toJSONSchema(POLICY_FIELDS[key as PolicyKey], { unrepresentable: 'any' }) as Json;
    expect(shapeOf(managed.properties![key] as Json)).toEqual(shapeOf(zodJson));
  });

  it('every Chrome pattern (top-level strings only) is RE2-safe and rejects obvious garbage', () => {
    const patterns = JSON.stringify(managed).match(/"pattern":\s*"((?:[^"\\]|\\.)*)"/g) ?? [];
    for (const raw of patterns) {
      const re = new RegExp(JSON.parse(`{${raw}}`).pattern as string);
      expect(re.test('<script>')).toBe(false);
    }
  });
});
