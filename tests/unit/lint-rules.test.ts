// @vitest-environment node
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint config (eslint.config.js) is part of issue #9 "Trust": a page must not be able to inject markup or
 * code into Vigie's UI. These tests lint small snippets through the real config, as if they were files in the
 * repository, so a config change that drops a rule (or stops applying it to shipped folders) fails here.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });
});

async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const prelude = 'declare const el: HTMLElement;\ndeclare const pageText: string;\n';

describe('shipped code (entrypoints/, components/, utils/)', () => {
  const unsafe: [string, string, string][] = [
    ['innerHTML with page text', 'el.innerHTML = pageText;', 'no-unsanitized/property'],
    ['outerHTML with page text', 'el.outerHTML = pageText;', 'no-unsanitized/property'],
    ['innerHTML with a template literal', 'el.innerHTML = `<b>${pageText}</b>`;', 'no-unsanitized/property'],
    ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', pageText);", 'no-unsanitized/method'],
    ['document.write', 'document.write(pageText);', 'no-unsanitized/method'],
    ['createContextualFragment', 'document.createRange().createContextualFragment(pageText);', 'no-unsanitized/method'],
    ['eval', 'eval(pageText);', 'no-eval'],
    ['new Function', "new Function('x', pageText);", 'no-new-func'],
    ['Function()', 'Function(pageText)();', 'no-new-func'],
    ['window.eval', 'window.eval(pageText);', 'no-eval'],
    ['setTimeout with a string', "setTimeout('alert(1)', 10);", 'no-implied-eval'],
    ['globalThis.setInterval with a built string', "globalThis.setInterval('run(' + pageText + ')', 10);", 'no-implied-eval'],
  ];

  for (const folder of ['utils/x.ts', 'entrypoints/popup/x.ts', 'components/popup/x.ts', 'utils/meeting/x.ts']) {
    it.each(unsafe)(`${folder}: %s is an error`, async (_name, code, rule) => {
      expect(await errors(prelude + code, folder)).toContain(rule);
    });
  }

  it.each(['components/popup/X.tsx', 'entrypoints/report/X.tsx', 'utils/x.tsx'])('%s: dangerouslySetInnerHTML is an error', async (filePath) => {
    const code = `declare const pageText: string;\nexport const X = () => <div dangerouslySetInnerHTML={{ __html: pageText }} />;\n`;
    expect(await errors(code, filePath)).toContain('no-restricted-syntax');
  });

  it('the safe equivalents lint clean (the rules do not fire on everything)', async () => {
    const code = `${prelude}el.textContent = pageText;\nel.append(document.createTextNode(pageText));\nel.setAttribute('title', pageText);\nsetTimeout(() => el.focus(), 10);\nexport {};\n`;
    expect(await errors(code, 'utils/x.ts')).toEqual([]);
    const jsx = 'declare const pageText: string;\nexport const X = () => <p title={pageText}>{pageText}</p>;\n';
    expect(await errors(jsx, 'components/popup/X.tsx')).toEqual([]);
  });

  it('a blanket disable comment that hides nothing is itself an error', async () => {
    const code = `${prelude}// eslint-disable-next-line no-unsanitized/property -- stale excuse\nel.textContent = pageText;\nexport {};\n`;
    const [result] = await eslint.lintText(code, { filePath: 'utils/x.ts' });
    expect(result.messages.some((m) => m.severity === 2 && /Unused eslint-disable/.test(m.message))).toBe(true);
  });
});

describe('tests and scripts', () => {
  it.each(['tests/unit/x.test.ts', 'utils/x.test.ts', 'scripts/x.ts'])('%s: may build fixtures with innerHTML, but still get real-bug rules', async (filePath) => {
    expect(await errors(`${prelude}el.innerHTML = pageText;\nexport {};\n`, filePath)).toEqual([]);
    expect(await errors(`${prelude}const unused = 1;\nexport {};\n`, filePath)).toContain('@typescript-eslint/no-unused-vars');
  });
});
