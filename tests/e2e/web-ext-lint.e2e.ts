import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue #9 "Trust": web-ext lint shows no warning that comes from Vigie's code. Runs Mozilla's linter on the
 * built Firefox extension (build first: `VIGIE_OUT_DIR=… npx wxt build -b firefox`). The one known warning is
 * Preact's own dangerouslySetInnerHTML branch (docs/permissions.md, "Content security and web-ext lint"); it is
 * recognised by the code at the reported position, not by file name, so a new innerHTML of ours in the same
 * shared chunk still fails.
 */
const dir = resolve(process.env.VIGIE_OUT_DIR ?? '.output', 'firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Preact's diffElementNodes, minified: `<dom>.innerHTML=<newHtml>.__html` (the dangerouslySetInnerHTML prop). */
const PREACT_DANGEROUS_HTML = /^[\w$]+\.innerHTML=[\w$]+\.__html\b/;

function codeAt(m: LintMessage): string {
  if (!m.file || !m.line || !m.column) return '';
  const line = readFileSync(resolve(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  return line.slice(m.column - 1, m.column - 1 + 80);
}

describe('web-ext lint on the built Firefox extension', () => {
  const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', timeout: 120_000 });
  const report = JSON.parse(run.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

  it('has no errors', () => {
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''} ${e.message}`)).toEqual([]);
  });

  it("every warning is Preact's dangerouslySetInnerHTML branch, none is Vigie's code", () => {
    const ours = report.warnings.filter((w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && PREACT_DANGEROUS_HTML.test(codeAt(w))));
    expect(ours.map((w) => `${w.code} ${w.file ?? ''}:${w.line}:${w.column} ${w.message} «${codeAt(w)}»`)).toEqual([]);
    // The known warning is there and located as documented: if it disappears, update docs/permissions.md.
    expect(report.warnings.map((w) => `${w.code} ${w.message}`)).toEqual(['UNSAFE_VAR_ASSIGNMENT Unsafe assignment to innerHTML']);
  });

  it('the matcher is not vacuous: it rejects an innerHTML assignment that is not Preact’s', () => {
    expect(PREACT_DANGEROUS_HTML.test('e.innerHTML=l.__html),t.__k=[]')).toBe(true);
    expect(PREACT_DANGEROUS_HTML.test('e.innerHTML=pageText')).toBe(false);
    expect(PREACT_DANGEROUS_HTML.test('e.innerHTML=`<b>${l.__html}</b>`')).toBe(false);
  });
});
