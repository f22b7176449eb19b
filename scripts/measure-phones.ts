/**
 * `npx tsx scripts/measure-phones.ts [--write-doc]`: the measurement behind Vigie's choice of phone detector
 * (issue "Professional boundaries that hold for every user"). It runs, on the same contact corpus as the unit tests
 * (tests/unit/boundaries/contact-corpus*.ts), Vigie's hand-written patterns (utils/boundaries/phones.ts) and
 * libphonenumber-js's findPhoneNumbersInText with each served country as the default (CA, US, FR, GB, BE, CH), on
 * the same folded text, and it bundles each detector with esbuild (minified, gzip) to compare what the composer
 * content script would carry. libphonenumber-js is measured twice: with its "min" metadata and with metadata
 * trimmed to the served countries (the library's documented custom-metadata path). Prints a Markdown table.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findPhoneNumbersInText as findMin, type CountryCode } from 'libphonenumber-js/min';
import { findPhoneNumbersInText as findMax } from 'libphonenumber-js/max';
import { foldDisguises } from '../utils/boundaries/fold';
import { hasPhoneNumber } from '../utils/boundaries/phones';
import { CONTACT_CORPUS } from '../tests/unit/boundaries/contact-corpus';
import { REGION_CORPUS } from '../tests/unit/boundaries/contact-corpus-regions';

const COUNTRIES: CountryCode[] = ['CA', 'US', 'FR', 'GB', 'BE', 'CH'];
const corpus = [...CONTACT_CORPUS, ...REGION_CORPUS];
const truePhones = corpus.filter((c) => c.expect.includes('phone'));
const notPhones = corpus.filter((c) => !c.expect.includes('phone'));

type Detector = (text: string) => boolean;
const detectors: Record<string, Detector> = {
  'Vigie patterns (utils/boundaries/phones.ts)': (t) => hasPhoneNumber(foldDisguises(t)),
  'libphonenumber-js min, valid numbers': (t) => COUNTRIES.some((c) => findMin(foldDisguises(t), { defaultCountry: c }).length > 0),
  'libphonenumber-js max, valid numbers': (t) => COUNTRIES.some((c) => findMax(foldDisguises(t), { defaultCountry: c }).length > 0),
};

function bundleKB(entry: string, dir: string): number {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, entry);
  const out = buildSync({ entryPoints: [file], bundle: true, minify: true, write: false, format: 'iife', absWorkingDir: process.cwd(), nodePaths: [join(process.cwd(), 'node_modules')] });
  return gzipSync(out.outputFiles[0].contents).length / 1024;
}

const dir = mkdtempSync(join(tmpdir(), 'vigie-phones-'));
// Metadata trimmed to the served countries (and their shared calling codes), from the library's own min metadata.
const min = JSON.parse(readFileSync('node_modules/libphonenumber-js/metadata.min.json', 'utf8')) as { version: number; country_calling_codes: Record<string, string[]>; countries: Record<string, unknown>; nonGeographic?: unknown };
const keep = new Set<string>(COUNTRIES);
const trimmed = {
  version: min.version,
  country_calling_codes: Object.fromEntries(Object.entries(min.country_calling_codes).map(([code, list]) => [code, list.filter((c) => keep.has(c))]).filter(([, list]) => list.length)),
  countries: Object.fromEntries(Object.entries(min.countries).filter(([c]) => keep.has(c))),
};
writeFileSync(join(dir, 'metadata.trimmed.json'), JSON.stringify(trimmed));
const root = process.cwd();
const sizes: Record<string, number> = {
  'Vigie patterns (utils/boundaries/phones.ts)': bundleKB(`import { hasPhoneNumber } from '${root}/utils/boundaries/phones'; import { foldDisguises } from '${root}/utils/boundaries/fold'; (globalThis as any).f = (t: string) => hasPhoneNumber(foldDisguises(t));`, dir),
  'libphonenumber-js min, valid numbers': bundleKB(`import { findPhoneNumbersInText } from 'libphonenumber-js/min'; (globalThis as any).f = findPhoneNumbersInText;`, dir),
  'libphonenumber-js max, valid numbers': bundleKB(`import { findPhoneNumbersInText } from 'libphonenumber-js/max'; (globalThis as any).f = findPhoneNumbersInText;`, dir),
  'libphonenumber-js core + trimmed metadata': bundleKB(`import { findPhoneNumbersInText } from 'libphonenumber-js/core'; import m from '${dir}/metadata.trimmed.json'; (globalThis as any).f = (t: string) => findPhoneNumbersInText(t, { defaultCountry: 'FR' }, m as never);`, dir),
};

const rows = Object.entries(detectors).map(([name, detect]) => {
  const missed = truePhones.filter((c) => !detect(c.text));
  const falseAlarms = notPhones.filter((c) => detect(c.text));
  return { name, recall: 1 - missed.length / truePhones.length, fp: falseAlarms.length / notPhones.length, missed, falseAlarms, kb: sizes[name] };
});
const lines = [
  `Corpus: ${truePhones.length} messages with a phone number, ${notPhones.length} without (tests/unit/boundaries/contact-corpus*.ts).`,
  '',
  '| detector | recall | false positives | gzip KB in the bundle |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${(r.recall * 100).toFixed(1)} % (${r.missed.length} missed) | ${(r.fp * 100).toFixed(2)} % (${r.falseAlarms.length}) | ${r.kb.toFixed(1)} |`),
  `| libphonenumber-js core + trimmed metadata (size only) | | | ${sizes['libphonenumber-js core + trimmed metadata'].toFixed(1)} |`,
];
process.stdout.write(`${lines.join('\n')}\n`);
for (const r of rows) {
  if (r.missed.length) process.stdout.write(`\n${r.name} missed:\n  ${r.missed.slice(0, 15).map((c) => c.text).join('\n  ')}\n`);
  if (r.falseAlarms.length) process.stdout.write(`\n${r.name} false alarms:\n  ${r.falseAlarms.slice(0, 25).map((c) => c.text).join('\n  ')}\n`);
}
if (process.argv.includes('--write-doc')) {
  const doc = readFileSync('docs/boundaries.md', 'utf8');
  const block = `<!-- phones:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} with libphonenumber-js ${JSON.parse(readFileSync('node_modules/libphonenumber-js/package.json', 'utf8')).version} (\`npx tsx scripts/measure-phones.ts --write-doc\`).\n\n${lines.join('\n')}\n<!-- phones:end -->`;
  writeFileSync('docs/boundaries.md', doc.includes('<!-- phones:start -->') ? doc.replace(/<!-- phones:start -->[\s\S]*<!-- phones:end -->/, block) : `${doc}\n${block}\n`);
}
