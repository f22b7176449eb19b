import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStringPromise } from 'xml2js';
import { buildAdmx } from '../../../scripts/admx';
import { POLICY_KEYS } from '../../../utils/settings/policy/schema';

/** docs/policies/admx: generated from public/managed_schema.json, well-formed XML, every key, every string. */
const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8'));
const admx = readFileSync('docs/policies/admx/vigie.admx', 'utf8');
const adml = { 'en-US': readFileSync('docs/policies/admx/en-US/vigie.adml', 'utf8'), 'fr-FR': readFileSync('docs/policies/admx/fr-FR/vigie.adml', 'utf8') };

describe('ADMX/ADML templates', () => {
  it('are up to date with the schema (npx tsx scripts/admx.ts)', () => {
    const built = buildAdmx(schema);
    expect(admx).toBe(built.admx);
    expect(adml['en-US']).toBe(built.adml['en-US']);
    expect(adml['fr-FR']).toBe(built.adml['fr-FR']);
  });

  it('parse as XML and define one policy per key for Chrome, Edge and Firefox, under each 3rdparty key', async () => {
    const doc = await parseStringPromise(admx, { strict: true });
    const policies = doc.policyDefinitions.policies[0].policy as { $: { name: string; key: string; displayName: string } }[];
    for (const browser of ['Chrome', 'Edge', 'Firefox']) {
      const names = policies.filter((p) => p.$.name.startsWith(`${browser}_`)).map((p) => p.$.name.slice(browser.length + 1));
      expect(names.sort(), browser).toEqual([...POLICY_KEYS].sort());
    }
    expect(policies.find((p) => p.$.name === 'Chrome_region')!.$.key).toBe('Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\jidjdjikecclajmodfholddfodliaifp\\policy');
    expect(policies.find((p) => p.$.name === 'Edge_region')!.$.key).toMatch(/^Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\[a-p]{32}\\policy$/);
    expect(policies.find((p) => p.$.name === 'Firefox_region')!.$.key).toBe('Software\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\vigie@vigie-education.org');
  });

  it.each(['en-US', 'fr-FR'] as const)('%s ADML parses and holds every string and presentation the ADMX refers to, naming every key', async (lang) => {
    const doc = await parseStringPromise(adml[lang], { strict: true });
    const res = doc.policyDefinitionResources.resources[0];
    const strings = new Map((res.stringTable[0].string as { _: string; $: { id: string } }[]).map((s) => [s.$.id, s._]));
    const presentations = new Set((res.presentationTable[0].presentation as { $: { id: string } }[]).map((p) => p.$.id));
    for (const [, id] of admx.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings.has(id), `string ${id}`).toBe(true);
    for (const [, id] of admx.matchAll(/\$\(presentation\.([^)]+)\)/g)) expect(presentations.has(id), `presentation ${id}`).toBe(true);
    for (const key of POLICY_KEYS) expect(strings.get(key), key).toContain(`(${key})`);
    if (lang === 'fr-FR') expect(strings.get('lockedSettings')).toBe('Réglages verrouillés (lockedSettings)');
  });
});
