import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../utils/platforms';

/**
 * Property-based: random and adversarial DOM against every adapter. An adapter never throws, and junk never
 * earns a pass except through the platform's own strong hooks (state, ids, test ids, ARIA state) — text alone,
 * however safe it claims the room is, is not evidence.
 */

const TAGS = ['div', 'span', 'button', 'input', 'label', 'li', 'section', 'p', 'ul', 'dialog'];
const ATTRS = ['aria-label', 'aria-checked', 'aria-pressed', 'role', 'class', 'title', 'data-x'];
const WORDS = [
  'Waiting room', 'Salle d\u2019attente', 'Lobby', 'Enable lobby', 'Password', 'Mot de passe', 'Private chat disabled', 'End meeting for all',
  'Terminer la réunion pour tous', 'Host', 'Organisateur', 'true', 'false', 'on', 'off', 'Restricted', 'Restreint', 'Only host', 'Hôte seulement',
  'Lock meeting', '<img src=x onerror=alert(1)>', '\u202e', '\u0000', 'x'.repeat(300), '"quoted"', '🙂', 'كلمة', '密码',
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
      .map(([tag, attrs, kids]) => `<${tag} ${attrs.map(([a, v]) => `${a}="${v.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`).join(' ')}>${kids.join('')}</${tag}>`),
  ),
})).node as fc.Arbitrary<string>;

// Arbitrary HTML soup, including broken markup.
const soup = fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('<div', '</div>', '<input type=checkbox checked>', '<![CDATA[', '<!--', '<svg><foreignObject>', '<template>', '<table><td>')), { maxLength: 30 }).map((xs) => xs.join(''));

function ctxFor(url: string, html: string) {
  const w = new Window({ url });
  w.document.body.innerHTML = html;
  return { doc: w.document as unknown as Document, url: new URL(url) };
}

describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s under fuzz', (_id, adapter) => {
  const url = adapter.exampleUrls.yes[0];

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

  it('never reports a pass from text and labels alone', () => {
    fc.assert(
      fc.property(fc.array(textNode, { maxLength: 6 }), (nodes) => {
        const ctx = ctxFor(url, nodes.join(''));
        const passes = Object.entries(adapter.read(ctx)).filter(([, f]) => f?.state === 'pass' && (f.via === 'label' || f.via === 'none'));
        expect(passes).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
