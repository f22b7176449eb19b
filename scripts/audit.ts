/**
 * npm run audit -- <saved-page.html> [--url <platform URL>] [--platform <id>] [--build]
 * Loads the built extension in headless Chromium, serves the saved page at the platform URL, waits for Vigie's
 * verdict and prints the audit JSON (shared/reference/checklist.md) on stdout. The tool for checking a
 * platform's changed UI: save the page, run this, compare.
 * A page sample a teacher saved with Vigie ("Save a sample of this page…", utils/sample/sanitize.ts) is read the
 * same way: its <meta name="vigie:url"> is the page's URL shape and its metadata names the platform.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { toAuditJson } from '../utils/checklist/audit';
import { platformById, platformForUrl, PLATFORMS } from '../utils/platforms';
import { normaliseOrigin, SELF_HOSTED_PLATFORMS, setSelfHostedOrigins, type SelfHostedPlatform } from '../utils/platforms/self-hosted';
import { readSampleMeta } from '../utils/sample/file';
import { SampleMetaSchema } from '../utils/schemas';
import { CHROME_BUILD, declaredUrl, launch, launchWithSchoolServer, waitForTabState } from './lib/harness';

const USAGE = 'usage: npm run audit -- <saved-page.html> [--url <platform URL>] [--platform <id>] [--build]';

function fail(message: string): never {
  process.stderr.write(`vigie audit: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const out: { file?: string; url?: string; platform?: string; build: boolean } = { build: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url' || a === '--platform') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) fail(`${a} needs a value`);
      out[a.slice(2) as 'url' | 'platform'] = v;
    } else if (a === '--build') out.build = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else if (!out.file) out.file = a;
    else fail(`unexpected argument ${a}`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.file) fail('a saved page is required');
  if (!existsSync(args.file)) fail(`no such file: ${args.file}`);
  const html = readFileSync(args.file, 'utf8');
  // A page sample: the platform it was taken on comes from its own metadata unless --platform says otherwise.
  const rawSample = readSampleMeta(html);
  if (rawSample || /<meta\s+name="vigie:sample"/i.test(html)) {
    const sample = SampleMetaSchema.safeParse(rawSample);
    if (!sample.success) fail('this file says it is a Vigie page sample, but its metadata (<meta name="vigie:sample">) is not readable');
    args.platform ??= sample.data.platform ?? undefined;
    process.stderr.write(`vigie audit: page sample (format ${sample.data.format}) of ${sample.data.platform ?? 'an unrecognised platform'}, taken ${sample.data.capturedOn} with Vigie ${sample.data.extensionVersion}, page language ${sample.data.pageLang}\n`);
  }
  const rawUrl = args.url ?? declaredUrl(html);
  if (!rawUrl) fail('no --url given and the page declares none (<meta name="vigie:url" content="…">)');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    fail(`not a valid URL: ${rawUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`not a web URL: ${rawUrl}`);
  const platform = args.platform ? platformById(args.platform) : platformForUrl(url);
  if (args.platform && !platform) fail(`unknown platform "${args.platform}"; known: ${PLATFORMS.map((p) => p.id).join(', ')}`);
  if (!platform) fail(`${url.href} is not a page of a platform Vigie reads; known: ${PLATFORMS.map((p) => p.id).join(', ')}`);
  // A school's own Jitsi or BigBlueButton server (--platform jitsi|bigbluebutton on any https origin the platform
  // does not already match): register that origin as the school would, for the URL check here and in the browser
  // (launchWithSchoolServer, as the e2e tests do).
  const selfHosted = args.platform && !platform.matches(url) && (SELF_HOSTED_PLATFORMS as readonly string[]).includes(platform.id) ? (platform.id as SelfHostedPlatform) : null;
  const schoolOrigin = selfHosted ? normaliseOrigin(url.origin) : null;
  if (selfHosted && !schoolOrigin) fail(`${url.href}: a ${platform.label} server must be an https origin with a host name (e.g. https://visio.ecole-exemple.fr)`);
  if (selfHosted && schoolOrigin) setSelfHostedOrigins([{ origin: schoolOrigin, platform: selfHosted }]);
  if (!platform.matches(url)) fail(`${url.href} is not a ${platform.label} room URL (e.g. ${platform.exampleUrls.yes[0]})`);

  if (args.build || !existsSync(`${CHROME_BUILD}/manifest.json`)) execSync('npx wxt build', { stdio: 'pipe' });
  const school = selfHosted && schoolOrigin ? await launchWithSchoolServer(schoolOrigin, selfHosted) : null;
  const h = school ?? (await launch());
  try {
    h.serve(url.href, html);
    const page = await h.context.newPage();
    await page.goto(url.href);
    const state = await waitForTabState(h, url.href).catch(() => null);
    if (!state) {
      process.stderr.write(`vigie audit: Vigie did not score this page as a ${platform.label} room (not recognised as a meeting page)\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${JSON.stringify(toAuditJson(state.platform, url.href, state.result as never), null, 2)}\n`);
  } finally {
    await (school ? school.dispose() : h.close());
  }
}

main().catch((error) => {
  process.stderr.write(`vigie audit: ${(error as Error).message}\n`);
  process.exit(1);
});
