import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../utils/settings/policy/schema';
import { DESTINATIONS } from '../../../utils/report/destinations';
import { validatePolicy } from '../../../utils/settings/policy/validate';
import { chromeValidate, type ChromeSchema } from './chrome-schema';

/**
 * The sample files in docs/policies/ are what administrators copy: each must carry the same policy, pass Chrome's
 * schema (public/managed_schema.json) and Vigie's own zod validation with no problem at all.
 */
const managed = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as ChromeSchema;
const EXTENSION_ID = (JSON.parse(readFileSync('extension-key.json', 'utf8')) as { id: string }).id;
const GECKO_ID = 'vigie@vigie-education.org';
const read = (f: string) => readFileSync(`docs/policies/${f}`, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sample files are walked by path here; their shape is what expectValid checks
const json = (f: string) => JSON.parse(read(f)) as Record<string, any>;
const reference = json('policy-values.json');

/** Minimal XML property-list reader (dict, array, key, string, integer, true/false): enough for our profiles. */
function parsePlist(xml: string): unknown {
  const tokens = [...xml.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)(\w+)(\/?)>([^<]*)/g)];
  let i = 0;
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  function value(): unknown {
    const [, close, tag, selfClose, text] = tokens[i++];
    if (close) throw new Error(`unexpected </${tag}>`);
    if (tag === 'plist') return value();
    if (tag === 'true' || tag === 'false') return tag === 'true';
    if (tag === 'string') return i++, unescape(text);
    if (tag === 'integer') return i++, Number(text);
    if (tag === 'array') {
      const out: unknown[] = [];
      if (selfClose) return out;
      while (!tokens[i][1]) out.push(value());
      i++;
      return out;
    }
    if (tag === 'dict') {
      const out: Record<string, unknown> = {};
      if (selfClose) return out;
      while (!tokens[i][1]) {
        if (tokens[i][2] !== 'key') throw new Error(`expected <key>, got <${tokens[i][2]}>`);
        const key = unescape(tokens[i][4]);
        i += 2;
        out[key] = value();
      }
      i++;
      return out;
    }
    throw new Error(`unsupported <${tag}>`);
  }
  return value();
}

/** Windows .reg reader: sections, "name"="string" (REG_SZ) and "name"=dword:hex. Lists/objects are JSON in a string. */
function parseReg(buf: Buffer): Record<string, Record<string, unknown>> {
  const text = buf.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ? buf.subarray(2).toString('utf16le') : buf.toString('utf8');
  const out: Record<string, Record<string, unknown>> = {};
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) out[(section = sec[1])] = {};
    const sz = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
    if (sz) out[section][sz[1]] = sz[2].replace(/\\(.)/g, '$1');
    const dw = /^"([^"]+)"=dword:([0-9a-f]{8})$/i.exec(line);
    if (dw) out[section][dw[1]] = parseInt(dw[2], 16);
  }
  return out;
}

/** Chrome's reading of a registry value against the schema: JSON text where a list or an object is expected. */
function fromRegistry(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const type = managed.properties?.[k]?.type;
      if (type === 'boolean' && typeof v === 'number') return [k, v !== 0]; // Chrome reads a REG_DWORD as a boolean
      return [k, typeof v === 'string' && (type === 'array' || type === 'object') ? JSON.parse(v) : v];
    }),
  );
}

function expectValid(policy: unknown): void {
  expect(chromeValidate(managed, policy)).toEqual([]);
  expect(PolicySchema.safeParse(policy).success).toBe(true);
  expect(validatePolicy(policy).problems).toEqual([]);
  expect(policy).toEqual(reference);
}

describe('sample policies in docs/policies/', () => {
  it('policy-values.json (the policy itself) is valid and sets every policy key', () => {
    expectValid(reference);
    expect(Object.keys(reference).sort()).toEqual(Object.keys(managed.properties!).sort());
  });

  it('chrome-policy.json: Linux /etc/opt/chrome/policies/managed, /etc/chromium/policies/managed', () => {
    const file = json('chrome-policy.json');
    expect(Object.keys(file['3rdparty'].extensions)).toEqual([EXTENSION_ID]);
    expectValid(file['3rdparty'].extensions[EXTENSION_ID]);
  });

  it('google-admin-console.json: every key wrapped as {"Value": …}', () => {
    const file = json('google-admin-console.json');
    expectValid(Object.fromEntries(Object.entries(file).map(([k, v]) => [k, (v as { Value: unknown }).Value])));
    for (const v of Object.values(file)) expect(Object.keys(v as object)).toEqual(['Value']);
  });

  it('firefox-policies.json: policies.3rdparty.Extensions[gecko id]', () => {
    const file = json('firefox-policies.json');
    expect(Object.keys(file.policies['3rdparty'].Extensions)).toEqual([GECKO_ID]);
    expectValid(file.policies['3rdparty'].Extensions[GECKO_ID]);
  });

  it('windows-chrome-edge.reg: the same policy under Chrome’s and Edge’s 3rdparty keys', () => {
    const reg = parseReg(readFileSync('docs/policies/windows-chrome-edge.reg'));
    const sections = Object.keys(reg);
    expect(sections).toEqual([
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`,
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`,
    ]);
    for (const s of sections) expectValid(fromRegistry(reg[s]));
  });

  it.each(['macos-chrome.mobileconfig', 'macos-edge.mobileconfig'])('%s: a configuration profile with the managed preferences', (f) => {
    const profile = parsePlist(read(f)) as { PayloadType: string; PayloadContent: { PayloadType: string; PayloadContent: Record<string, { Forced: { mcx_preference_settings: unknown }[] }> }[] };
    expect(profile.PayloadType).toBe('Configuration');
    const payload = profile.PayloadContent[0];
    expect(payload.PayloadType).toBe('com.apple.ManagedClient.preferences');
    const [domain] = Object.keys(payload.PayloadContent);
    expect(domain).toBe(`${f.includes('edge') ? 'com.microsoft.Edge' : 'com.google.Chrome'}.extensions.${EXTENSION_ID}`);
    expectValid(payload.PayloadContent[domain].Forced[0].mcx_preference_settings);
  });
});

describe('docs/admin.md', () => {
  const doc = readFileSync('docs/admin.md', 'utf8');
  it('documents every policy key and links every sample file', () => {
    for (const key of Object.keys(managed.properties!)) expect(doc, key).toContain(`\`${key}\``);
    for (const f of ['chrome-policy.json', 'google-admin-console.json', 'firefox-policies.json', 'windows-chrome-edge.reg', 'macos-chrome.mobileconfig', 'macos-edge.mobileconfig', 'policy-values.json']) {
      expect(doc, f).toContain(`(policies/${f})`);
    }
    expect(doc).toContain(EXTENSION_ID);
    expect(doc).toContain(GECKO_ID);
  });

  it('lists every reporting destination id with its regions, and the sample only uses known ids', () => {
    const ids = ['lead', ...DESTINATIONS.map((d) => d.id)];
    for (const d of DESTINATIONS) expect(doc, d.id).toMatch(new RegExp(`\\| [^|\\n]*\`${d.id}\`[^|\\n]*\\| [^|\\n]*\`${d.regions[0]}\``));
    for (const id of reference.enabledDestinations) expect(ids).toContain(id);
  });
});
