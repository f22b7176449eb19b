import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { platformById } from '../../../utils/platforms';
import { makeSample, readSampleMeta, sanitizeState } from '../../../utils/sample/file';
import { sanitizeDocument } from '../../../utils/sample/sanitize';
import { mask } from '../../../utils/sample/text';
import { urlShape } from '../../../utils/sample/url-shape';

/** Words planted where people's data lives on meeting pages; none may reach a sample. */
const NAME = 'Zéphyrine Quesnel';
const EMAIL = 'zephyrine.quesnel@famille-quesnel.fr';
const CHAT = 'on se retrouve au parc Lafontaine';
const PLANTED = ['Zéphyrine', 'Zephyrine', 'Quesnel', 'quesnel', 'famille-quesnel', 'Lafontaine', 'retrouve', 'avatars/zq', 'S3cretPwd', '4821'];

function doc(body: string, url = 'https://meet.jit.si/ClasseDeZephyrine?pwd=S3cretPwd#config.startWithAudioMuted=true'): Document {
  const w = new Window({ url });
  w.document.write(`<!doctype html><html lang="fr"><head><title>${NAME}</title><style>.gone{display:none}</style></head><body>${body}</body></html>`);
  return w.document as unknown as Document;
}

const PAGE = `
  <div id="participants-pane" role="region">
    <h2>Participants</h2>
    <div class="participant-item" data-testid="participant-item-abc"><img src="https://cdn.example/avatars/zq.png" alt="${NAME}"><span>${NAME}</span>
      <button aria-label="Couper le micro de ${NAME}">Couper</button></div>
  </div>
  <div class="chat-messages"><div class="message"><b>${NAME}</b>: ${CHAT}</div><button>Répondre à ${NAME}</button></div>
  <x-unknown>${NAME}</x-unknown>
  <p>${CHAT}</p>
  <span title="${NAME}" data-name="${NAME}" data-display-name="Zephyrine" data-test="toolbar">${EMAIL}</span>
  <div role="dialog" aria-modal="true"><h3>Options de sécurité</h3><p>${CHAT}</p>
    <label for="lobby">Activer la salle d'attente</label><input id="lobby" type="checkbox" checked>
    <div role="switch" aria-checked="false" aria-label="Autoriser le partage d'écran"></div>
    <input type="text" value="${NAME}" placeholder="Votre nom"><input type="password" value="S3cretPwd">
    <button class="gone">Mot de passe 4821</button>
  </div>
  <div role="menu"><div role="menuitem">Terminer la réunion pour tous</div></div>
  <button hidden aria-hidden="true" style="color:red; display: none" onclick="steal()">Caché</button>
  <a href="https://meet.jit.si/ClasseDeZephyrine?jwt=abc#x=1">${NAME}</a>
  <template><button>${NAME}</button></template>
  <!-- ${NAME} -->
  <script>var n = "${NAME}";</script>
`;

describe('sanitizeDocument', () => {
  const { html } = sanitizeDocument(doc(PAGE));

  it('never copies a planted name, e-mail, chat line, avatar, passcode or code', () => {
    for (const word of PLANTED) expect(html, word).not.toContain(word);
    expect(html).not.toContain(EMAIL);
  });

  it('keeps the structure: tags, ids, classes, data-* hooks, roles, aria-* state, input types and checked state', () => {
    expect(html).toContain('<div id="participants-pane" role="region">');
    expect(html).toContain('data-testid="participant-item-abc"');
    expect(html).toContain('data-test="toolbar"');
    expect(html).toContain('<input id="lobby" type="checkbox" checked>');
    expect(html).toContain('role="switch" aria-checked="false"');
    expect(html).toContain('type="password"');
  });

  it('keeps the words of controls: labels, switches, menu items, dialog headings', () => {
    expect(html).toContain("Activer la salle d'attente");
    expect(html).toContain('aria-label="Autoriser le partage d&#39;écran"'.replace('&#39;', "'"));
    expect(html).toContain('Terminer la réunion pour tous');
    expect(html).toContain('<h3>Options de sécurité</h3>');
    expect(html).toContain('placeholder="Votre nom"');
  });

  it('masks text outside controls, and control words in participant and chat places', () => {
    expect(html).toContain(`<x-unknown>${mask(NAME)}</x-unknown>`);
    expect(html).toContain(`<p>${mask(CHAT)}</p>`);
    // the participant row's and the chat's buttons lose their words, not their existence
    expect(html).toMatch(/<button aria-label="▒+">▒+<\/button>/);
    expect(html).not.toContain('Répondre');
    // an e-mail keeps only a domain kind: a family's own domain is not kept
    expect(html).toContain('xxxx@other-domain.invalid');
  });

  it('keeps hidden state (attribute, aria-hidden, inline display:none) and drops scripts, handlers, styles, templates, comments, src', () => {
    expect(html).toContain('<button hidden aria-hidden="true" style="display:none">');
    for (const gone of ['<script', 'onclick', 'steal', 'color:red', '<template', '<!--', 'src=', '<title', '<style']) expect(html, gone).not.toContain(gone);
  });

  it('marks stylesheet-hidden elements display:none when given the window', () => {
    const w = new Window({ url: 'https://meet.jit.si/x' });
    w.document.write('<html><head><style>.gone{display:none}</style></head><body><button class="gone">Mot de passe</button></body></html>');
    expect(sanitizeDocument(w.document as unknown as Document, { win: w as unknown as globalThis.Window }).html).toContain('style="display:none"');
  });

  it('keeps a consumer or school e-mail domain (school-account reads it), never the person', () => {
    const d = doc('<div id="account">eleve.test@ecole-exemple.qc.ca</div><div id="b">zq@gmail.com</div>');
    const out = sanitizeDocument(d, { schoolDomains: ['ecole-exemple.qc.ca'] }).html;
    expect(out).toContain('xxxx@ecole-exemple.qc.ca');
    expect(out).toContain('xxxx@gmail.com');
    expect(out).not.toMatch(/eleve|zq@/);
  });

  it('a name shown as plain text is masked inside control words too, on pages whose hooks say nothing (obfuscated classes)', () => {
    const d = doc('<div role="list"><div role="listitem" class="cxdMu"><span class="zWGUib">Zéphyrine Quesnel</span><button aria-label="More actions for Zéphyrine Quesnel">Pin Zéphyrine Quesnel</button></div></div><button>Mute all</button>');
    const out = sanitizeDocument(d).html;
    expect(out).not.toMatch(/Zéphyrine|Quesnel/);
    expect(out).toContain('aria-label="More actions for ▒▒▒▒▒▒▒▒"');
    expect(out).toContain('>Pin ▒▒▒▒▒▒▒▒<');
    expect(out).toContain('>Mute all<');
  });

  it('a text field set by script (live value, no attribute) shows only that it holds something; data ids in a participant place are masked', () => {
    const d = doc('<div class="access-code-input"><input type="text" readonly></div><div class="participant-item" data-testid="p-1" data-id="zephyrine"></div>');
    (d.querySelector('input') as HTMLInputElement).value = '4821S3cretPwd';
    const out = sanitizeDocument(d).html;
    expect(out).toContain('<input type="text" readonly value="▒▒▒▒▒▒▒▒">');
    expect(out).toContain('data-testid="p-1"');
    expect(out).not.toMatch(/zephyrine|4821|S3cret/);
  });

  it('control words lose digits, e-mails and web addresses (meeting ids, codes, invitations)', () => {
    const out = sanitizeDocument(doc('<button>Copier le lien https://meet.jit.si/Zephyrine 4821</button><button>Inviter zq@famille-quesnel.fr</button>')).html;
    expect(out).toContain('Copier le lien ▒');
    expect(out).toContain('0000');
    expect(out).not.toMatch(/Zephyrine|4821|famille-quesnel/);
  });
});

describe('urlShape', () => {
  it.each([
    ['https://meet.jit.si/ClasseDeZephyrine?pwd=S3cretPwd#config.disableChat=true', 'https://meet.jit.si/XxxxxxXxXxxxxxxxx?pwd=x#config.disableChat=true'],
    ['https://app.zoom.us/wc/81234567890/join?pwd=Zk9xTmVh&uname=Zephyrine', 'https://app.zoom.us/wc/00000000000/join?pwd=x&uname=x'],
    ['https://meet.google.com/abc-defg-hij?authuser=1', 'https://meet.google.com/xxx-xxxx-xxx?authuser=x'],
    ['https://teach.classdojo.com/#/classes/697d7ed028ab93052f78c907/points?settings=true', 'https://teach.classdojo.com/#/classes/000000000000000000000000/points?settings=true'],
    ['https://ecole.webex.com/meet/z.quesnel', 'https://ecole.webex.com/meet/x.xxxxxxx'],
    ['javascript:alert(1)', 'https://invalid.invalid/'],
  ])('%s → %s', (input, want) => {
    expect(urlShape(input)).toBe(want);
  });
});

describe('sanitizeState', () => {
  it('keeps declared paths only; booleans, numbers, null and known enum words as they are, other strings as [string]', () => {
    const out = sanitizeState(
      { 'store:a.role': 'moderator', 'store:a.name': NAME, 'store:a.on': true, 'store:a.n': 3, 'store:a.none': null, 'store:undeclared': true, __read: true },
      ['store:a.role', 'store:a.name', 'store:a.on', 'store:a.n', 'store:a.none'],
    );
    expect(out).toEqual({ 'store:a.role': 'moderator', 'store:a.name': '[string]', 'store:a.on': true, 'store:a.n': 3, 'store:a.none': null });
  });
});

describe('makeSample: the file', () => {
  it('declares its URL shape, platform, languages and version; carries no planted word anywhere', () => {
    const { file, meta } = makeSample({ doc: doc(PAGE), url: 'https://meet.jit.si/ClasseDeZephyrine?pwd=S3cretPwd', platform: 'jitsi', uiLang: 'fr', extensionVersion: '0.1.0', state: { 'store:x.name': NAME }, statePaths: ['store:x.name'], today: new Date('2026-12-02T10:00:00Z') });
    expect(meta).toEqual({ format: 1, platform: 'jitsi', url: 'https://meet.jit.si/XxxxxxXxXxxxxxxxx?pwd=x', uiLang: 'fr', pageLang: 'fr', extensionVersion: '0.1.0', capturedOn: '2026-12-02' });
    expect(readSampleMeta(file)).toEqual(meta);
    expect(file).toContain('<meta name="vigie:url" content="https://meet.jit.si/XxxxxxXxXxxxxxxxx?pwd=x">');
    for (const word of PLANTED) expect(file, word).not.toContain(word);
  });

  it('every fixture with names and chat planted in it: none of them reaches its sample', () => {
    const dirs = readdirSync('tests/fixtures').filter((d) => platformById(d));
    let checked = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(join('tests/fixtures', dir)).filter((x) => x.endsWith('.html'))) {
        const html = readFileSync(join('tests/fixtures', dir, f), 'utf8').replace('<body', `<body data-x="1"><div class="chat-message">${NAME}: ${CHAT}</div><span>${EMAIL}</span><img src="https://cdn.example/avatars/zq.png" alt="${NAME}"></body><body`);
        const w = new Window({ url: 'https://meet.jit.si/x' });
        w.document.write(html);
        const { file } = makeSample({ doc: w.document as unknown as Document, url: 'https://meet.jit.si/Zephyrine', platform: dir, uiLang: 'en', extensionVersion: '0.1.0' });
        for (const word of PLANTED) expect(file, `${dir}/${f}: ${word}`).not.toContain(word);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});
