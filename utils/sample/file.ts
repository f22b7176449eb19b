import { sanitizeDocument, type SanitizeStats } from './sanitize';
import { escapeAttr } from './text';
import { urlShape } from './url-shape';

/**
 * The page sample as a file: the sanitised body, the page state kept under the adapter's declared paths, and the
 * metadata (platform, address shape, languages, version, day), in one HTML document a maintainer can audit.
 */

export const SAMPLE_FORMAT = 1;

/** What a sampled page-state value may be: booleans, numbers and null as they are; strings only from a known set. */
export type SampledValue = boolean | number | null | string;
const KNOWN_STATE_STRINGS = new Set(['moderator', 'participant', 'visitor', 'none', 'LOCKED_LOCALLY', 'LOCKED_REMOTELY', 'true', 'false', 'ALWAYS_ACCEPT', 'ALWAYS_DENY', 'ASK_MODERATOR', 'ALWAYS_ACCEPT_AUTH', 'all', 'moderators']); // 'all': Jitsi remoteVideoMenu.disablePrivateChat
export const STATE_STRING = '[string]';

/**
 * The main-world page state, kept only under the adapter's declared paths: booleans, numbers and null as they are
 * (they are settings), known enum words (roles, lock kinds), and every other string as "[string]" (a domain, a
 * name, a token: present, never shown).
 */
export function sanitizeState(state: Record<string, unknown> | null | undefined, allowed: readonly string[]): Record<string, SampledValue> | null {
  if (!state || typeof state !== 'object') return null;
  const out: Record<string, SampledValue> = {};
  for (const key of allowed) {
    if (!(key in state)) continue;
    const v = state[key];
    if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    else if (typeof v === 'string') out[key] = KNOWN_STATE_STRINGS.has(v) ? v : v === '' ? '' : STATE_STRING;
  }
  return Object.keys(out).length ? out : null;
}

export interface SampleMeta {
  format: number;
  platform: string | null;
  /** The page's address shape (see urlShape). */
  url: string;
  /** Vigie's UI language and the page's own (html lang), as short codes. */
  uiLang: string;
  pageLang: string;
  extensionVersion: string;
  /** The day it was taken (no time of day). */
  capturedOn: string;
}

const langCode = (s: string | null | undefined) => (s ?? '').trim().slice(0, 12).replace(/[^A-Za-z-]/g, '') || 'und';

/** Rebuilds window.APP.store and globals from the sampled state, so the sample can be audited like a fixture. */
const STATE_LOADER = `(function () {
  var el = document.getElementById('vigie-sample-state');
  if (!el) return;
  var flat = JSON.parse(el.textContent || '{}');
  var state = {};
  function put(root, segments, value) {
    var cur = root;
    for (var i = 0; i < segments.length - 1; i++) {
      if (typeof cur[segments[i]] !== 'object' || cur[segments[i]] === null) cur[segments[i]] = {};
      cur = cur[segments[i]];
    }
    cur[segments[segments.length - 1]] = value;
  }
  var hasStore = false;
  Object.keys(flat).forEach(function (path) {
    var value = flat[path];
    if (path.indexOf('store:') === 0) {
      hasStore = true;
      var rest = path.slice(6);
      var dot = rest.indexOf('.');
      var slice = dot < 0 ? rest : rest.slice(0, dot);
      if (dot < 0) { state[slice] = value; return; }
      if (typeof state[slice] !== 'object' || state[slice] === null) state[slice] = {};
      put(state[slice], rest.slice(dot + 1).split('.'), value);
    } else if (path.indexOf('global:') === 0) {
      put(window, path.slice(7).split('.'), value);
    }
  });
  if (hasStore) window.APP = { store: { getState: function () { return state; }, subscribe: function () { return function () {}; } } };
})();`;

/**
 * The sample file: one HTML document a maintainer can open, audit (`npm run audit -- sample.html`) and turn into a
 * fixture. Its header says what it is; its metadata is in <meta> tags; the page state (if any) in a JSON block.
 */
export function buildSampleFile(parts: { meta: SampleMeta; bodyHtml: string; bodyAttrs?: string; state: Record<string, SampledValue> | null }): string {
  const { meta } = parts;
  const metaJson = JSON.stringify(meta);
  const stateJson = parts.state ? JSON.stringify(parts.state).replace(/</g, '\\u003c') : null;
  return [
    '<!doctype html>',
    '<!--',
    `  Vigie page sample (format ${SAMPLE_FORMAT}), made on the teacher's device and saved by the teacher.`,
    `  Platform: ${meta.platform ?? 'unknown'}. Page language: ${meta.pageLang}. Vigie language: ${meta.uiLang}. Vigie ${meta.extensionVersion}. Day: ${meta.capturedOn}.`,
    '  Structure only: tags, ids, classes, data-* hooks, roles, aria-* state, input types and checked state, hidden state,',
    '  and the words of controls. Every other text is replaced by ▒ marks; names, e-mails, images, chat and the room',
    '  address are not in this file. See docs/platforms/recapture.md to turn it into a fixture.',
    '-->',
    `<html lang="${escapeAttr(meta.pageLang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="vigie:url" content="${escapeAttr(meta.url)}">`,
    `<meta name="vigie:sample" content="${escapeAttr(metaJson)}">`,
    '<title>Vigie page sample</title>',
    ...(stateJson ? [`<script type="application/json" id="vigie-sample-state">${stateJson}</script>`, `<script id="vigie-sample-state-loader">${STATE_LOADER}</script>`] : []),
    '</head>',
    parts.bodyHtml || '<body></body>',
    '</html>',
    '',
  ].join('\n');
}

/** Read a sample file's metadata back (the audit script, tests). null when the file is not a Vigie sample. */
export function readSampleMeta(html: string): Record<string, unknown> | null {
  const m = /<meta\s+name="vigie:sample"\s+content="([^"]*)"/i.exec(html);
  if (!m) return null;
  const decoded = m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  try {
    const v = JSON.parse(decoded) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Everything for one sample, from a document (the tab, or happy-dom in tests). */
export function makeSample(input: {
  doc: Document;
  win?: Window;
  url: string;
  platform: string | null;
  uiLang: string;
  extensionVersion: string;
  state?: Record<string, unknown> | null;
  statePaths?: readonly string[];
  schoolDomains?: readonly string[];
  today?: Date;
}): { file: string; meta: SampleMeta; stats: SanitizeStats } {
  const { html, stats } = sanitizeDocument(input.doc, { win: input.win, schoolDomains: input.schoolDomains });
  const meta: SampleMeta = {
    format: SAMPLE_FORMAT,
    platform: input.platform,
    url: urlShape(input.url),
    uiLang: langCode(input.uiLang),
    pageLang: langCode(input.doc.documentElement?.getAttribute('lang')),
    extensionVersion: /^[0-9A-Za-z.+-]{1,32}$/.test(input.extensionVersion) ? input.extensionVersion : 'unknown',
    capturedOn: (input.today ?? new Date()).toISOString().slice(0, 10),
  };
  const state = sanitizeState(input.state ?? null, input.statePaths ?? []);
  return { file: buildSampleFile({ meta, bodyHtml: html, state }), meta, stats };
}
