import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../utils/checklist/items';
import { PLATFORMS } from '../../utils/platforms';
import { loadFixture } from './fixture-loader';

/**
 * What each adapter declares it reads is what its fixtures show it reading. An item marked "read" must be decided
 * (pass or fail) by at least one fixture of that platform; an item marked "confirm" must never be decided by any
 * (else the popup would show steps to check by hand for something Vigie already decided, or the coverage table
 * would promise a reading no page gives); an "n/a" item is n/a on every fixture. Computed over every fixture in
 * tests/fixtures/<id>/ (a fixture may declare the school's domains with <meta name="vigie:school-domains">), so a new fixture that decides a "confirm" item fails here until the coverage says so.
 */
describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s coverage matches its fixtures', (id, adapter) => {
  it('every "read" item is decided by a fixture, no "confirm" item ever is, and "n/a" items are n/a', async () => {
    const files = readdirSync(`tests/fixtures/${id}`).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(0);
    const decided = new Map<string, string[]>();
    const notNa = new Map<string, string[]>();
    for (const f of files) {
      // A fixture that needs the school's domains (school-account) declares them: <meta name="vigie:school-domains">.
      const html = readFileSync(`tests/fixtures/${id}/${f}`, 'utf8');
      const domains = /<meta\s+name="vigie:school-domains"\s+content="([^"]*)"/.exec(html)?.[1].split(/[\s,]+/).filter(Boolean);
      const ctx = await loadFixture(`tests/fixtures/${id}/${f}`, adapter, domains ? { schoolDomains: domains } : {});
      const findings = adapter.read(ctx);
      ctx.window.happyDOM.abort();
      for (const item of ITEM_IDS) {
        const state = findings[item]?.state;
        if (state === 'pass' || state === 'fail') decided.set(item, [...(decided.get(item) ?? []), f]);
        if (state !== 'n/a') notNa.set(item, [...(notNa.get(item) ?? []), f]);
      }
    }
    const problems: string[] = [];
    for (const item of ITEM_IDS) {
      const c = adapter.coverage[item];
      if (c === 'read' && !decided.has(item)) problems.push(`${item}: marked read, decided by no fixture`);
      if (c === 'confirm' && decided.has(item)) problems.push(`${item}: marked confirm, decided by ${decided.get(item)!.join(', ')}`);
      if (c === 'n/a' && notNa.has(item)) problems.push(`${item}: marked n/a, not n/a in ${notNa.get(item)!.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
