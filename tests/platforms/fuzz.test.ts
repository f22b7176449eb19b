import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../utils/platforms';
import { COMMON_PARTICIPANT_AREAS } from '../../utils/platforms/kit/dom';
import type { PlatformAdapter } from '../../utils/platforms/types';
import { loadFixture } from './fixture-loader';

/**
 * Property-based: random and adversarial DOM against every adapter. The properties (no filter on how a pass was
 * obtained: a pass from any evidence counts):
 * 1. an adapter never throws;
 * 2. text and labels alone (no ids, no test ids, no state) never yield a pass;
 * 3. participant-controlled text (display names, chat lines, tile captions) equal to labels Vigie knows, EN and FR,
 *    planted in the adapter's participant areas, changes no verdict and not the role;
 * 4. hidden controls (hidden, display:none inline or from a sheet, aria-hidden ancestor, inert, <template>) change
 *    no verdict, even a hidden copy of the whole page with every switch flipped, placed first;
 * 5. a fake switch with the opposite state placed right before each real one never creates a pass and never
 *    flips a verdict: each item keeps its verdict or becomes unknown.
 */

const TAGS = ['div', 'span', 'button', 'input', 'label', 'li', 'section', 'p', 'ul', 'dialog'];
const ATTRS = ['aria-label', 'aria-checked', 'aria-pressed', 'role', 'class', 'title', 'data-x'];
const WORDS = [
  'Waiting room', 'Salle d\u2019attente', 'Lobby', 'Enable lobby', 'Password', 'Mot de passe', 'Private chat disabled', 'End meeting for all',
  'Terminer la réunion pour tous', 'Host', 'Organisateur', 'true', 'false', 'on', 'off', 'Restricted', 'Restreint', 'Only host', 'Hôte seulement',
  'Lock meeting', '<img src=x onerror=alert(1)>', '\u202e', '\u0000', 'x'.repeat(300), '"quoted"', '🙂', 'كلمة', '密码',
];

/** Labels Vigie knows, EN and FR, as a participant could type them as a display name or a chat line. */
const KNOWN_LABELS = [
  'End meeting for all', 'End Meeting for All', 'End for All', 'End call for everyone', 'End meeting', 'End',
  'Terminer la réunion pour tout le monde', 'Mettre fin à la réunion pour tous', 'Mettre fin à l’appel pour tous', 'Terminer la réunion',
  'Enable Waiting Room', 'Waiting Room', 'Salle d’attente', 'Activer la salle d’attente', 'Enable lobby', 'Activer la salle d\'attente',
  'Host', 'Hôte', 'Organisateur', 'Animateur', 'Moderator', 'Modérateur', 'Host controls', 'Commandes de l’organisateur',
  'Restricted', 'Restreint', 'Lock Meeting', 'Verrouiller la réunion', 'Lock room', 'Room locked', 'Security', 'Sécurité',
  'Let contributors share their screen', 'Share Screen', 'Host Only', 'Only Host', 'Chat', 'Discuter', 'Host management',
  'Who can bypass the lobby?', 'Only me and co-organizers', 'Only authenticated users can join meetings', 'Assign privileges',
  'Student comments', 'Family access', 'Class settings', 'Paramètres du cours',
];

// Text-only nodes: elements with labels and text but no ids/data-test hooks, so any pass would be "by text alone".
const textNode: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...WORDS).map((w) => w.replace(/</g, '&lt;')),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...WORDS)), { maxLength: 3 }),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, attrs, kids]) => `<${tag} ${attrs.map(([a, v]) => `${a}="${esc(v)}"`).join(' ')}>${kids.join('')}</${tag}>`),
  ),
})).node as fc.Arbitrary<string>;

// Arbitrary HTML soup, including broken markup.
const soup = fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('<div', '</div>', '<input type=checkbox checked>', '<![CDATA[', '<!--', '<svg><foreignObject>', '<template>', '<table><td>')), { maxLength: 30 }).map((xs) => xs.join(''));

function esc(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** What a participant's name or message can become on the page, with a known label as the text. */
const planted: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...KNOWN_LABELS), fc.boolean(), fc.integer({ min: 0, max: 7 }))
  .map(([label, on, form]) => {
    const l = esc(label);
    return [
      `<span>${l}</span>`, // tile caption
      `<p>${l} ${l}</p>`, // chat line
      `<div aria-label="${l}"></div>`, // tile with the name as its label
      `<button aria-label="${l}">${l}</button>`, // a tile's button named after the participant
      `<div role="switch" aria-checked="${on}" aria-label="${l}"></div>`,
      `<input type="checkbox"${on ? ' checked' : ''} aria-label="${l}">`,
      `<div role="menuitemcheckbox" aria-checked="${on}">${l}</div>`,
      `<label><input type="checkbox"${on ? ' checked' : ''}> ${l}</label>`,
    ][form];
  });

/** An element matching a simple selector (`tag`, `.class`, `[attr]`, `[attr="v"]`), wrapping `inner`. */
function elementFor(selector: string, inner: string): string {
  const tag = /^[a-z][a-z0-9-]*/i.exec(selector)?.[0] ?? 'div';
  const classes = [...selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
  const attrs = [...selector.matchAll(/\[([\w-]+)(?:="([^"]*)")?\]/g)].map(([, a, v]) => `${a}="${esc(v ?? 'x')}"`);
  if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
  return tag === 'textarea' ? `<textarea ${attrs.join(' ')}>${inner.replace(/</g, '&lt;')}</textarea>` : `<${tag} ${attrs.join(' ')}>${inner}</${tag}>`;
}

const HIDERS: readonly [string, (inner: string) => string][] = [
  ['hidden', (c) => `<div hidden>${c}</div>`],
  ['inline display:none', (c) => `<div style="display:none">${c}</div>`],
  ['sheet display:none', (c) => `<style>.vg-fuzz-gone{display:none}</style><div class="vg-fuzz-gone">${c}</div>`],
  ['aria-hidden ancestor', (c) => `<div aria-hidden="true"><section>${c}</section></div>`],
  ['inert', (c) => `<div inert>${c}</div>`],
  ['template', (c) => `<template>${c}</template>`],
];

function ctxFor(url: string, html: string) {
  const w = new Window({ url });
  w.document.body.innerHTML = html;
  return { doc: w.document as unknown as Document, url: new URL(url) };
}

/** Insert `first` right after <body> (before every real control) and `last` before </body>. */
function plant(html: string, first: string, last = ''): string {
  const withFirst = /<body[^>]*>/i.test(html) ? html.replace(/<body[^>]*>/i, (b) => `${b}${first}`) : `${first}${html}`;
  return /<\/body>/i.test(withFirst) ? withFirst.replace(/<\/body>/i, `${last}</body>`) : `${withFirst}${last}`;
}

/** The body of a fixture with every switch/checkbox state flipped (a stale copy saying the opposite). */
function flippedBody(html: string): string {
  const w = new Window({ url: 'https://example.invalid/' });
  w.document.write(html.replace(/<script[\s\S]*?<\/script>/gi, ''));
  for (const el of Array.from(w.document.querySelectorAll('[aria-checked], [aria-pressed]'))) {
    for (const a of ['aria-checked', 'aria-pressed']) {
      const v = el.getAttribute(a);
      if (v === 'true' || v === 'false') el.setAttribute(a, v === 'true' ? 'false' : 'true');
    }
  }
  for (const el of Array.from(w.document.querySelectorAll('input[type="checkbox"]'))) {
    if (el.hasAttribute('checked')) el.removeAttribute('checked');
    else el.setAttribute('checked', '');
  }
  // Radios would join the real group (and uncheck the real radio): renamed, then flipped.
  for (const el of Array.from(w.document.querySelectorAll('input[type="radio"]'))) {
    el.setAttribute('name', `vg-fuzz-${el.getAttribute('name') ?? ''}`);
    if (el.hasAttribute('checked')) el.removeAttribute('checked');
    else el.setAttribute('checked', '');
  }
  return w.document.body.innerHTML;
}

function fixturesOf(adapter: PlatformAdapter): { name: string; html: string; path: string }[] {
  const dir = `tests/fixtures/${adapter.id}`;
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.html'));
  } catch {
    names = [];
  }
  return names.sort().map((name) => ({ name, path: `${dir}/${name}`, html: readFileSync(`${dir}/${name}`, 'utf8') }));
}

async function verdicts(adapter: PlatformAdapter, html: string, path: string) {
  const ctx = await loadHtml(adapter, html, path);
  const f = adapter.read(ctx);
  const window = (ctx as { window?: { close(): void } }).window;
  const out = { role: adapter.role(ctx), meeting: adapter.isMeetingPage(ctx), states: Object.fromEntries(Object.entries(f).map(([id, x]) => [id, x!.state])) };
  window?.close();
  return out;
}

/** loadFixture reads a file: give it the planted HTML through a data: path stand-in. */
async function loadHtml(adapter: PlatformAdapter, html: string, path: string) {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'vigie-fuzz-'));
  const file = join(dir, path.split('/').pop()!);
  writeFileSync(file, html);
  return loadFixture(file, adapter);
}

describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s under fuzz', (_id, adapter) => {
  const url = adapter.exampleUrls.yes[0];
  const areas = adapter.participantAreas ?? COMMON_PARTICIPANT_AREAS;
  const fixtures = fixturesOf(adapter);

  it('never throws on random markup', () => {
    fc.assert(
      fc.property(soup, (html) => {
        const ctx = ctxFor(url, html);
        adapter.read(ctx);
        adapter.isMeetingPage(ctx);
        adapter.role(ctx);
        adapter.settingsScope?.(ctx);
        adapter.rememberedScopes?.(ctx);
      }),
      { numRuns: 150 },
    );
  });

  it('never reports a pass from text and labels alone (whatever the pass claims as its evidence)', () => {
    fc.assert(
      fc.property(fc.array(textNode, { maxLength: 6 }), (nodes) => {
        const ctx = ctxFor(url, nodes.join(''));
        const passes = Object.entries(adapter.read(ctx)).filter(([, f]) => f?.state === 'pass');
        expect(passes).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('declares participant areas that start with the common list', () => {
    expect(areas.slice(0, COMMON_PARTICIPANT_AREAS.length)).toEqual([...COMMON_PARTICIPANT_AREAS]);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: names, chat lines and tile captions equal to known labels change nothing', async (_n, fx) => {
    const base = await verdicts(adapter, fx.html, fx.path);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...areas), fc.array(planted, { minLength: 1, maxLength: 4 }), fc.boolean(), async (area, items, first) => {
        const markup = elementFor(area, items.join(''));
        const after = await verdicts(adapter, first ? plant(fx.html, markup) : plant(fx.html, '', markup), fx.path);
        expect(after).toEqual(base);
      }),
      { numRuns: 12 },
    );
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: hidden controls change nothing (a hidden, flipped copy of the page first; hidden labelled switches)', async (_n, fx) => {
    const base = await verdicts(adapter, fx.html, fx.path);
    const flipped = flippedBody(fx.html);
    for (const [what, hide] of HIDERS) {
      const after = await verdicts(adapter, plant(fx.html, hide(flipped)), fx.path);
      expect({ what, ...after }).toEqual({ what, ...base });
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HIDERS), fc.array(planted, { minLength: 1, maxLength: 4 }), async ([what, hide], items) => {
        const after = await verdicts(adapter, plant(fx.html, hide(items.join('')), hide(items.join(''))), fx.path);
        expect({ what, ...after }).toEqual({ what, ...base });
      }),
      { numRuns: 8 },
    );
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: a fake switch with the opposite state before each real one never creates or flips a verdict', async (_n, fx) => {
    const base = await verdicts(adapter, fx.html, fx.path);
    const w = new Window({ url: 'https://example.invalid/' });
    w.document.write(fx.html);
    const toggles = Array.from(w.document.querySelectorAll('[role="switch"][aria-checked], [role="checkbox"][aria-checked], [role="menuitemcheckbox"][aria-checked], [role="radio"][aria-checked], input[type="checkbox"]'));
    for (const el of toggles) {
      const fake = el.cloneNode(true);
      fake.removeAttribute('id');
      if (fake.tagName === 'INPUT') {
        if (el.hasAttribute('checked') || (el as unknown as HTMLInputElement).checked) fake.removeAttribute('checked');
        else fake.setAttribute('checked', '');
      } else fake.setAttribute('aria-checked', el.getAttribute('aria-checked') === 'true' ? 'false' : 'true');
      el.parentNode!.insertBefore(fake, el);
    }
    const html = `<!doctype html>${w.document.documentElement.outerHTML}`;
    w.close();
    const after = await verdicts(adapter, html, fx.path);
    for (const [id, state] of Object.entries(after.states)) {
      expect([base.states[id], 'unknown'], `${fx.name} ${id}: ${base.states[id]} → ${state}`).toContain(state);
    }
  });
});
