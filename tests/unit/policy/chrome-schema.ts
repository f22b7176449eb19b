/**
 * The subset of JSON Schema that Chrome accepts for an extension's managed storage (developer.chrome.com,
 * "Manifest for managed storage": top-level object without additionalProperties, each schema exactly one `type`
 * or `$ref`). Used by tests to check public/managed_schema.json stays within it and to validate sample policies
 * the way Chrome would (values that do not match are dropped by Chrome before the extension sees them).
 */
export interface ChromeSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  items?: ChromeSchema;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export const ALLOWED_ATTRIBUTES = new Set(['type', 'title', 'description', 'properties', 'items', 'enum', 'minimum', 'maximum', 'pattern']);

/** Attributes outside the subset we use, and patterns RE2 (Chrome's regex engine) cannot compile. */
export function schemaIssues(schema: ChromeSchema, path = '$'): string[] {
  const out: string[] = [];
  for (const key of Object.keys(schema)) if (!ALLOWED_ATTRIBUTES.has(key)) out.push(`${path}: attribute "${key}" is not used by Chrome's schema subset`);
  if (!schema.type) out.push(`${path}: no type`);
  if (schema.pattern && /\(\?[=!<]|\\[1-9]/.test(schema.pattern)) out.push(`${path}: pattern uses look-around or back-references (RE2 rejects them)`);
  for (const [k, v] of Object.entries(schema.properties ?? {})) out.push(...schemaIssues(v, `${path}.${k}`));
  if (schema.items) out.push(...schemaIssues(schema.items, `${path}[]`));
  if (schema.type === 'array' && !schema.items) out.push(`${path}: array without items`);
  return out;
}

/** Validate a value the way Chrome does; returns the list of mismatches (empty = Chrome keeps the value). */
export function chromeValidate(schema: ChromeSchema, value: unknown, path = '$'): string[] {
  const fail = (why: string) => [`${path}: ${why}`];
  switch (schema.type) {
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('not an object');
      const out: string[] = [];
      for (const [k, v] of Object.entries(value)) {
        const sub = schema.properties?.[k];
        if (!sub) out.push(`${path}.${k}: unknown property`);
        else out.push(...chromeValidate(sub, v, `${path}.${k}`));
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(value)) return fail('not an array');
      return value.flatMap((v, i) => chromeValidate(schema.items!, v, `${path}[${i}]`));
    case 'string':
      if (typeof value !== 'string') return fail('not a string');
      if (schema.enum && !schema.enum.includes(value)) return fail(`not one of ${schema.enum.join(', ')}`);
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return fail(`does not match ${schema.pattern}`);
      return [];
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail('not an integer');
      if (schema.minimum !== undefined && value < schema.minimum) return fail(`under ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) return fail(`over ${schema.maximum}`);
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : fail('not a boolean');
    default:
      return fail(`unsupported type ${String(schema.type)}`);
  }
}
