import { describe, expect, it } from 'vitest';
import { cycles, importsOf, productFiles, type ImportEdge } from './import-graph';

/**
 * One-way imports between rooms (issue 21). A room is a folder under utils/ (or a single file there, such as
 * utils/messaging.ts), a folder under components/, or entrypoints/ as a whole. Product code only: tests and scripts
 * may reach anywhere.
 *
 * Type-only imports count. A type is part of a room's design: `import type { X } from '../settings/schema'` is an
 * arrow to settings as much as a value import is, and a circle made of types still means two rooms cannot be read
 * or changed apart. One exception, by rule rather than by list (STORAGE_REGISTRY below).
 */

/**
 * The layer order, lowest first. A room may import rooms in its own tier or in a lower one, never a higher one;
 * circles are refused everywhere, within a tier too.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Foundations: the checklist (item table, pure score), the UI's words, page helpers both runners share.
  ['utils/checklist', 'utils/i18n', 'utils/page'],
  // The platform adapters and their kit (utils/platforms/kit/).
  ['utils/platforms'],
  // What the adapters' output is checked with (schemas), the main-world page-state reader, the stored keys.
  ['utils/schemas', 'utils/page-state', 'utils/storage'],
  // Settings, one owner for every layer: defaults → school policy (utils/settings/policy/) → teacher.
  ['utils/settings'],
  // Reporting a concern and the incident log, which use the settings (region, lead, disabled features).
  ['utils/report', 'utils/incidents'],
  // The one message protocol, which names what each side sends (findings, settings' shapes, report context).
  ['utils/messaging'],
  // The runners in pages: the meeting runner and badge, the boundaries runners, the page sample.
  ['utils/meeting', 'utils/boundaries', 'utils/sample'],
  // The service worker's jobs.
  ['utils/background'],
  // The extension pages' UIs.
  ['components/options', 'components/popup', 'components/report', 'components/sample', 'components/welcome'],
  // What WXT builds: content scripts, the background, each page's mount point.
  ['entrypoints'],
];

/**
 * utils/storage.ts is the registry of stored keys (every item is defined there once). To type each item it names the
 * value's shape, which belongs to the room that writes it (Settings in utils/settings, TabState in utils/messaging…),
 * while those rooms import their items from it. Those `import type` lines are erased at build and only type the
 * registry, so they are not arrows; any value import storage.ts makes is checked like every other.
 */
const STORAGE_REGISTRY = 'utils/storage.ts';

/**
 * Known arrows owned by other branches of issue 21, ignored until they merge. The test fails when one of these no
 * longer exists, so the integrator empties this list as each branch lands.
 */
const PENDING: readonly { edge: string; branch: string; why: string }[] = [];

export function roomOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'utils') return parts.length === 2 ? `utils/${parts[1].replace(/\.tsx?$/, '')}` : `utils/${parts[1]}`;
  if (parts[0] === 'components') return `components/${parts[1]}`;
  return parts[0];
}

const root = process.cwd();
const files = productFiles(root, ['utils', 'components', 'entrypoints']);
const imports: ImportEdge[] = files.flatMap((f) => importsOf(root, f));
const tierOf = new Map(LAYERS.flatMap((rooms, tier) => rooms.map((r) => [r, tier] as const)));

/** Room → rooms it imports, with one file-level example per arrow (for the failure message). */
function roomGraph(list: readonly ImportEdge[]) {
  const edges = new Map<string, Set<string>>();
  const example = new Map<string, string>();
  for (const e of list) {
    if (e.from === STORAGE_REGISTRY && e.typeOnly) continue;
    const a = roomOf(e.from);
    const b = roomOf(e.to);
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
    if (!example.has(`${a} -> ${b}`)) example.set(`${a} -> ${b}`, `${e.from} -> ${e.to}${e.typeOnly ? ' (type)' : ''}`);
  }
  return { edges, example };
}

describe('the import-graph reader', () => {
  it('sees value, type, re-export, dynamic and type-position imports, resolves aliases, and ignores comments and strings', () => {
    const src = [
      "import { a } from './storage';",
      "import type { B } from '../utils/messaging';",
      "import { type C, type D } from '@/utils/i18n';",
      "import { type E, f } from '~/utils/schemas';",
      "export { g } from './checklist/score';",
      "// import { nope } from './settings/schema';",
      "const s = \"import { no } from './report/areas'\";",
      "type T = import('./report/context').ReportEntry;",
      "void import('./settings/effective');",
    ].join('\n');
    expect(importsOf(root, 'utils/x.ts', src).map((e) => `${e.to}${e.typeOnly ? ' type' : ''}`)).toEqual([
      'utils/storage.ts',
      'utils/messaging.ts type',
      'utils/i18n.ts type',
      'utils/schemas.ts',
      'utils/checklist/score.ts',
      'utils/report/context.ts type',
      'utils/settings/effective.ts',
    ]);
  });

  it('finds circles, and only circles', () => {
    const g = new Map<string, Set<string>>([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set(['e'])],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', new Set(['b'])]]))).toEqual([]);
  });

  it('reads the real tree: product files with imports, none unresolved', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.filter((e) => e.to.endsWith('(unresolved)')).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
    // A known arrow, so an empty graph cannot pass.
    expect(imports).toContainEqual({ from: 'utils/background/handlers.ts', to: 'utils/messaging.ts', typeOnly: false });
  });
});

describe('one-way imports between rooms', () => {
  const { edges, example } = roomGraph(imports);
  const pending = new Set(PENDING.map((p) => p.edge));
  const arrows = [...edges].flatMap(([a, bs]) => [...bs].map((b) => `${a} -> ${b}`));

  it('every room has a place in the layer order', () => {
    const rooms = new Set(files.map(roomOf));
    expect([...rooms].filter((r) => !tierOf.has(r))).toEqual([]);
  });

  it('no arrow runs up the layer order', () => {
    const up = arrows.filter((arrow) => {
      const [a, b] = arrow.split(' -> ');
      return !pending.has(arrow) && tierOf.get(b)! > tierOf.get(a)!;
    });
    expect(up.map((arrow) => `${arrow} (e.g. ${example.get(arrow)})`)).toEqual([]);
  });

  it('no circle between rooms', () => {
    const withoutPending = new Map([...edges].map(([a, bs]) => [a, new Set([...bs].filter((b) => !pending.has(`${a} -> ${b}`)))]));
    const found = cycles(withoutPending).map((scc) => `${scc.join(' <-> ')}: ${arrows.filter((x) => scc.includes(x.split(' -> ')[0]) && scc.includes(x.split(' -> ')[1])).map((x) => example.get(x)).join('; ')}`);
    expect(found).toEqual([]);
  });

  it('storage.ts imports no other room at run time except the checklist (it stays light and free of zod)', () => {
    const runtime = imports.filter((e) => e.from === STORAGE_REGISTRY && !e.typeOnly).map((e) => roomOf(e.to));
    expect(runtime.filter((r) => r !== 'utils/checklist')).toEqual([]);
  });

  it('the pending list names only arrows that still exist (empty it as each branch merges)', () => {
    expect(PENDING.filter((p) => !arrows.includes(p.edge)).map((p) => `${p.edge} (branch ${p.branch}) is gone: remove it from PENDING`)).toEqual([]);
  });
});
