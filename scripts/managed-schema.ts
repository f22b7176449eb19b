import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { POLICY_FIELDS, POLICY_KEYS, type PolicyKey } from '../utils/settings/policy/schema';

/**
 * Keep public/managed_schema.json in step with the zod policy schema: `npx tsx scripts/managed-schema.ts`.
 * Types, enums, integer bounds, object properties and array items come from zod; titles, descriptions and
 * patterns (RE2-compatible, written by hand) are kept. A new key gets a TODO title and description that the
 * unit test (tests/unit/policy/managed-schema.test.ts) refuses until someone writes them for administrators.
 */
type Node = { type?: string; title?: string; description?: string; pattern?: string; enum?: unknown[]; minimum?: number; maximum?: number; properties?: Record<string, Node>; items?: Node };

/**
 * Inside a list's items there is no `enum` and no `pattern`: Chrome drops the WHOLE list when one entry fails
 * them (and chrome://policy only shows the policy as unset or in error), so a typo in `lockedSettings` would unlock
 * everything. Vigie checks each entry itself (utils/settings/policy/validate.ts), keeps the good ones and names the others.
 */
function merge(zodNode: Node, old: Node | undefined, inItems = false): Node {
  const out: Node = { type: zodNode.type };
  if (zodNode.enum && inItems) out.type = 'string';
  else if (zodNode.enum) {
    out.type = 'string';
    out.enum = zodNode.enum;
  }
  if (zodNode.type === 'integer') {
    if (zodNode.minimum !== undefined) out.minimum = zodNode.minimum;
    if (zodNode.maximum !== undefined) out.maximum = zodNode.maximum;
  }
  if (zodNode.type === 'string' && old?.pattern && !inItems) out.pattern = old.pattern;
  if (zodNode.type === 'object') out.properties = Object.fromEntries(Object.entries(zodNode.properties ?? {}).map(([k, v]) => [k, merge(v, old?.properties?.[k], inItems)]));
  if (zodNode.type === 'array') out.items = merge(zodNode.items ?? {}, old?.items, true);
  if (old?.title) out.title = old.title;
  if (old?.description) out.description = old.description;
  return out;
}

const path = 'public/managed_schema.json';
const current = JSON.parse(readFileSync(path, 'utf8')) as Node;
const properties: Record<string, Node> = {};
for (const key of POLICY_KEYS) {
  const zodNode = z.toJSONSchema(POLICY_FIELDS[key as PolicyKey], { unrepresentable: 'any' }) as Node;
  const old = current.properties?.[key] ?? { title: 'TODO', description: 'TODO: describe this key for administrators.' };
  properties[key] = merge(zodNode, old);
}
writeFileSync(path, `${JSON.stringify({ type: 'object', properties }, null, 2)}\n`);
console.log(`${path}: ${POLICY_KEYS.length} keys`);
