/**
 * `npx tsx scripts/new-platform.ts <id> "<Product name>" <meeting|classroom> <host>`: scaffold a platform
 * (docs/architecture.md, "Adding a platform"). Writes the manifest line, the adapter file, its fixture folder, its
 * locale steps in English and French and its doc page, and registers the adapter in utils/platforms/index.ts; the
 * content script is generated from the manifest at build time (modules/platform-content-scripts.ts).
 *
 * What it writes reads nothing and claims nothing: the adapter recognises no page and marks every item "to
 * confirm", so a scaffolded platform can never make an item pass. Every placeholder carries the marker
 * `TODO(new-platform)`, and tests/platforms/platform-files.test.ts fails while one is left in the platform's files.
 * It refuses an id that is not kebab-case, already in the manifest, or whose files exist.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ITEM_IDS, itemKey } from '../utils/checklist/items';
import { PLATFORM_IDS } from '../utils/platforms/ids';

export const MARKER = 'TODO(new-platform)';

export interface NewPlatform {
  id: string;
  label: string;
  kind: 'meeting' | 'classroom';
  host: string;
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Every file the scaffold creates, by path, for one platform. */
export function scaffoldFiles({ id, label, kind, host }: NewPlatform, date: string): Record<string, string> {
  const key = id.replace(/-/g, '_');
  const steps = (text: string) => JSON.stringify(Object.fromEntries(ITEM_IDS.map((item) => [`fix_${key}_${itemKey(item)}`, { message: `${MARKER}: ${text}` }])), null, 1) + '\n';
  const page = (role: 'host' | 'participant') => `<!doctype html>
<!--
  ${MARKER}: replace with the trimmed real DOM of a ${label} page seen as ${role} (tests/fixtures/README.md).
  URL shape: https://${host}/<room>; role: ${role}; UI language: en; captured: ${date}.
-->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="vigie:url" content="https://${host}/${role === 'host' ? 'room-host' : 'room-participant'}">
<title>${label}</title>
</head>
<body></body>
</html>
`;
  return {
    [`utils/platforms/${id}.ts`]: `import { ITEM_IDS } from '../checklist/items';
import type { Coverage, PlatformAdapter } from './types';

/**
 * ${label} (${MARKER}: what a room is, which hooks the page offers and their public source; docs/platforms/${id}.md).
 * Until then this adapter recognises no page and reads nothing: every item stays "to confirm".
 */
const ${camel(id)}: PlatformAdapter = {
  id: '${id}',
  label: '${label}',
  kind: '${kind}',
  matchPatterns: ['https://${host}/*'],
  matches(url) {
    return url.protocol === 'https:' && url.hostname === '${host}';
  },
  exampleUrls: {
    yes: ['https://${host}/room'],
    no: ['http://${host}/room', 'https://${host}.evil.example/room'],
  },
  isMeetingPage() {
    return false;
  },
  role() {
    return 'unknown';
  },
  read() {
    return {};
  },
  roomKey(url) {
    return \`${id}:\${url.hostname}\${url.pathname.replace(/\\/+$/, '').toLowerCase()}\`;
  },
  coverage: Object.fromEntries(ITEM_IDS.map((item) => [item, 'confirm'])) as Record<(typeof ITEM_IDS)[number], Coverage>,
};

export default ${camel(id)};

/*
 * Observed on:
 * - ${MARKER}: the URLs this adapter was written against, and the date (${date}).
 */
`,
    [`tests/fixtures/${id}/host-en.html`]: page('host'),
    [`tests/fixtures/${id}/participant-en.html`]: page('participant'),
    [`locales/en/platform-${id}.json`]: steps(`how to set this item safely in ${label}, in a teacher's words`),
    [`locales/fr/platform-${id}.json`]: steps(`comment régler cet élément dans ${label}, dans les mots d'un enseignant`),
    [`docs/platforms/${id}.md`]: `# ${label}

${MARKER}: what Vigie reads on ${label} pages (https://${host}/…), from which hook, with each hook's public source;
what stays "to confirm" and why. Adapter \`utils/platforms/${id}.ts\`; content script \`content-scripts/${id}.js\`
(generated from the manifest).
`,
  };
}

/** The manifest with one more line, before the list closes. */
export function withManifestLine(source: string, p: NewPlatform): string {
  const end = source.indexOf('] as const;');
  if (end < 0) throw new Error('utils/platforms/ids.ts: PLATFORM_MANIFEST not found');
  return `${source.slice(0, end)}  { id: '${p.id}', label: '${p.label}', kind: '${p.kind}', selfHostable: false },\n${source.slice(end)}`;
}

/** The registry with the adapter imported and listed last. */
export function withRegistryEntry(source: string, id: string): string {
  const name = camel(id);
  const list = /(export const PLATFORMS: readonly PlatformAdapter\[\] = \[)([^\]]*)(\];)/.exec(source);
  if (!list) throw new Error('utils/platforms/index.ts: the PLATFORMS array was not found; add the adapter by hand');
  const imports = [...source.matchAll(/^import \w+ from '\.\/[^']+';\n/gm)];
  const at = imports.length ? imports[imports.length - 1].index! + imports[imports.length - 1][0].length : 0;
  const withImport = `${source.slice(0, at)}import ${name} from './${id}';\n${source.slice(at)}`;
  return withImport.replace(list[0], `${list[1]}${list[2].trimEnd()}, ${name}${list[3]}`);
}

function main(argv: string[]): void {
  const [id, label, kind, host] = argv;
  if (!id || !label || (kind !== 'meeting' && kind !== 'classroom') || !host) {
    throw new Error('usage: npx tsx scripts/new-platform.ts <id> "<Product name>" <meeting|classroom> <host>');
  }
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`"${id}" is not a kebab-case id`);
  if ((PLATFORM_IDS as readonly string[]).includes(id)) throw new Error(`"${id}" is already in utils/platforms/ids.ts`);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) throw new Error(`"${host}" is not a host name`);
  const p: NewPlatform = { id, label, kind, host };
  const files = scaffoldFiles(p, new Date().toISOString().slice(0, 10));
  const taken = Object.keys(files).filter((f) => existsSync(f));
  if (taken.length) throw new Error(`already there: ${taken.join(', ')}`);
  const manifest = withManifestLine(readFileSync('utils/platforms/ids.ts', 'utf8'), p);
  const registry = withRegistryEntry(readFileSync('utils/platforms/index.ts', 'utf8'), id);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync('utils/platforms/ids.ts', manifest);
  writeFileSync('utils/platforms/index.ts', registry);
  process.stdout.write(
    `${[...Object.keys(files), 'utils/platforms/ids.ts', 'utils/platforms/index.ts'].map((f) => `written: ${f}`).join('\n')}\n` +
      `Now replace every ${MARKER} (tests/platforms/platform-files.test.ts fails until none is left), write tests/platforms/${id}.test.ts, ` +
      'then `npm run docs:coverage` and `npx vitest run tests/platforms`.\n',
  );
}

if (process.argv[1]?.endsWith('new-platform.ts')) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
