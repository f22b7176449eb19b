import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built manifests ask for nothing that docs/permissions.md does not justify in one line. */
const doc = readFileSync('docs/permissions.md', 'utf8');
const documented = new Set([...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
const out = process.env.VIGIE_OUT_DIR ?? '.output';

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (target) => {
  const manifest = JSON.parse(readFileSync(resolve(out, target, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    optional_permissions?: string[];
    host_permissions?: string[];
    optional_host_permissions?: string[];
    content_security_policy?: unknown;
    content_scripts?: { matches: string[] }[];
  };

  it('every permission is justified in docs/permissions.md', () => {
    const asked = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
    expect(asked.filter((p) => !documented.has(p))).toEqual([]);
  });

  it('never asks for all sites up front', () => {
    for (const p of [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])]) expect(p).not.toMatch(/<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\/\*$/);
    for (const cs of manifest.content_scripts ?? []) for (const m of cs.matches) expect(m).not.toMatch(/<all_urls>|^\*:\/\/\*\/\*$|^https:\/\/\*\/\*$/);
  });

  it('keeps the default strict CSP (no unsafe-eval, no remote code)', () => {
    expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});
