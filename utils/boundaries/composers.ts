/**
 * Where teachers write to students, per tool: the composer (as selector alternatives, stable-first: ARIA role and
 * data attributes, then EN/FR labels, then class names), what is NOT a composer (search boxes), who the message
 * goes to, and whether the tool has its own "schedule send" (the nudge points to it).
 *
 * Status of the hooks: none of these tools is documented in /work/shared/reference/platforms.md at the composer
 * level. The role/contenteditable shapes are the ARIA patterns these web apps are known to use; the labels come
 * from the tools' public help pages. Each line says so. They are written to fail safe: a composer that is not
 * recognised gets no nudge (never a false warning). Fixtures: tests/fixtures/boundaries/*.html.
 */

export type ComposerToolId = 'google-classroom' | 'classdojo' | 'seesaw' | 'teams' | 'gmail' | 'outlook';

export interface ComposerTool {
  id: ComposerToolId;
  label: string;
  matchPatterns: string[];
  matches(url: URL): boolean;
  /** Selector alternatives for a message composer (any of them). */
  composer: string[];
  /** Editable fields that are never a message (search, subject line, title). */
  exclude: string[];
  /**
   * 'students': everyone reading this tool's messages is in the class (Classroom, ClassDojo, Seesaw, Teams).
   * 'studentDomains': general mail; act only when a recipient's address is in the policy's student domains.
   */
  audience: 'students' | 'studentDomains';
  /** The compose window/form that holds the recipients (closest ancestor). */
  scope?: string[];
  /** Elements that carry recipient addresses (attribute or text). */
  recipients?: string[];
  /** Send buttons (for the optional "confirm on send" mode; never clicked by Vigie). */
  send: string[];
  /** The tool has its own schedule-send: the nudge names where (message boundaries_schedule_<id>). */
  scheduleSend: boolean;
}

const hostIs = (url: URL, ...hosts: string[]) => hosts.includes(url.hostname);

export const COMPOSER_TOOLS: readonly ComposerTool[] = [
  {
    id: 'google-classroom',
    label: 'Google Classroom',
    matchPatterns: ['https://classroom.google.com/*'],
    matches: (u) => hostIs(u, 'classroom.google.com'),
    composer: [
      '[contenteditable="true"][role="textbox"]', // Stream announcement box and comment boxes (ARIA textbox) — not live-verified
      'textarea[aria-label]', // class and private comments, older UI — not live-verified
      '[aria-label="Announce something to your class" i]', // EN help-page label
      '[aria-label^="Annoncer quelque chose" i]', // FR help-page label [unverified]
      '[aria-label^="Add class comment" i], [aria-label^="Add private comment" i]', // EN help-page labels
      '[aria-label^="Ajouter un commentaire" i]', // FR [unverified]
    ],
    exclude: ['input[type="search"]', '[role="searchbox"]', '[role="combobox"]'],
    audience: 'students',
    send: ['[role="button"][aria-label="Post" i], button[aria-label="Post" i]', '[role="button"][aria-label="Publier" i], button[aria-label="Publier" i]'],
    scheduleSend: true, // "Schedule" in the arrow beside Post (announcements) [doc]
  },
  {
    id: 'classdojo',
    label: 'ClassDojo',
    matchPatterns: ['https://teach.classdojo.com/*', 'https://www.classdojo.com/*'],
    matches: (u) => hostIs(u, 'teach.classdojo.com', 'www.classdojo.com'),
    composer: [
      '[contenteditable="true"][role="textbox"]', // message and story composers (ARIA) — not live-verified
      'textarea', // Messages composer, older UI — not live-verified
    ],
    exclude: ['input[type="search"]', '[role="searchbox"]', '[role="combobox"]'],
    audience: 'students',
    send: ['button[aria-label="Send" i], button[aria-label="Envoyer" i]', 'button[type="submit"]'],
    scheduleSend: true, // "Schedule message" in Messages [doc: help.classdojo.com, unverified in the UI]
  },
  {
    id: 'seesaw',
    label: 'Seesaw',
    matchPatterns: ['https://app.seesaw.me/*'],
    matches: (u) => hostIs(u, 'app.seesaw.me'),
    composer: ['[contenteditable="true"][role="textbox"]', 'textarea'], // messages, comments, announcements — not live-verified
    exclude: ['input[type="search"]', '[role="searchbox"]', '[role="combobox"]'],
    audience: 'students',
    send: ['button[aria-label="Send" i], button[aria-label="Envoyer" i]', 'button[type="submit"]'],
    scheduleSend: false, // no schedule-send found in Seesaw's help for messages: the nudge suggests a draft
  },
  {
    id: 'teams',
    label: 'Microsoft Teams',
    matchPatterns: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*', 'https://teams.live.com/*'],
    matches: (u) => hostIs(u, 'teams.microsoft.com', 'teams.cloud.microsoft', 'teams.live.com'),
    composer: [
      '[data-tid="ckeditor"]', // new Teams chat/post composer (data-tid convention, platforms.md §5) — not live-verified
      '[contenteditable="true"][role="textbox"]', // ARIA textbox, chat and channel posts
      '[aria-label^="Type a message" i], [aria-label^="Start a post" i], [aria-label^="Reply" i]', // EN labels
      '[aria-label^="Taper un message" i], [aria-label^="Tapez un message" i], [aria-label^="Commencer une publication" i], [aria-label^="Répondre" i]', // FR [unverified]
    ],
    exclude: ['input[type="search"]', '[role="searchbox"]', '[role="combobox"]', '[data-tid="search-input"]'],
    audience: 'students',
    send: ['[data-tid="newMessageCommands-send"]', 'button[aria-label^="Send" i], button[aria-label^="Envoyer" i]'],
    scheduleSend: true, // chat: right-click (or long-press) Send → "Schedule message" [doc]
  },
  {
    id: 'gmail',
    label: 'Gmail',
    matchPatterns: ['https://mail.google.com/*'],
    matches: (u) => hostIs(u, 'mail.google.com'),
    composer: [
      '[contenteditable="true"][role="textbox"][aria-label="Message Body" i]', // EN compose body
      '[contenteditable="true"][role="textbox"][aria-label="Corps du message" i]', // FR compose body
      '[g_editable="true"][contenteditable="true"]', // Gmail's editable attribute, any UI language
    ],
    exclude: ['input[type="search"]', '[role="searchbox"]', 'input[name="subjectbox"]'],
    audience: 'studentDomains',
    scope: ['[role="dialog"]', 'form', '[data-vigie-compose]'],
    recipients: ['[data-hovercard-id*="@"]', 'span[email]', 'input[name="to"], input[name="cc"], input[name="bcc"]'],
    send: ['[role="button"][data-tooltip^="Send" i], [role="button"][data-tooltip^="Envoyer" i]', '[role="button"][aria-label^="Send" i], [role="button"][aria-label^="Envoyer" i]'],
    scheduleSend: true, // arrow beside Send → "Schedule send" / "Programmer l'envoi" [doc]
  },
  {
    id: 'outlook',
    label: 'Outlook',
    matchPatterns: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
    matches: (u) => hostIs(u, 'outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'),
    composer: [
      '[contenteditable="true"][role="textbox"][aria-label^="Message body" i]', // EN compose body
      '[contenteditable="true"][role="textbox"][aria-label^="Corps du message" i]', // FR compose body
      '[contenteditable="true"][aria-label^="Message body" i], [contenteditable="true"][aria-label^="Corps du message" i]',
    ],
    exclude: ['input[type="search"]', '[role="searchbox"]', '[aria-label="Add a subject" i]', '[aria-label="Ajouter un objet" i]'],
    audience: 'studentDomains',
    scope: ['[role="main"]', '[role="dialog"]', 'form'],
    recipients: ['[role="textbox"][aria-label="To" i] [title*="@"], [role="textbox"][aria-label="À" i] [title*="@"]', '[aria-label="To" i] [title*="@"], [aria-label="À" i] [title*="@"]', '[data-lpc-hover-target] [title*="@"]'],
    send: ['button[aria-label="Send" i], button[aria-label="Envoyer" i]', 'button[title^="Send" i], button[title^="Envoyer" i]'],
    scheduleSend: true, // arrow beside Send → "Schedule send" / "Planifier l'envoi" [doc]
  },
];

export const COMPOSER_MATCH_PATTERNS: string[] = COMPOSER_TOOLS.flatMap((t) => t.matchPatterns);

export function composerToolFor(href: string): ComposerTool | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' ? (COMPOSER_TOOLS.find((t) => t.matches(url)) ?? null) : null;
  } catch {
    return null;
  }
}

function closestAny(el: Element, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    try {
      const hit = el.closest(s);
      if (hit) return hit;
    } catch {
      /* an invalid alternative only loses itself */
    }
  }
  return null;
}

/** The composer the event target is in, or null (a search box, a subject line, anything else). */
export function findComposer(target: EventTarget | null, tool: ComposerTool): HTMLElement | null {
  const el = target && (target as Node).nodeType === 1 ? (target as Element) : ((target as Node | null)?.parentElement ?? null);
  if (!el) return null;
  if (closestAny(el, tool.exclude)) return null;
  const hit = closestAny(el, tool.composer);
  if (!hit) return null;
  const editable = hit instanceof HTMLTextAreaElement || (hit as HTMLElement).isContentEditable || hit.getAttribute('contenteditable') === 'true';
  return editable ? (hit as HTMLElement) : null;
}

/** What the teacher has typed (read, checked, dropped: never stored). */
export function composerText(el: HTMLElement): string {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
}

const ADDRESS = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/gi;

/** Domains of the recipients of the compose window that holds `composer` (lower case, deduplicated). */
export function recipientDomains(composer: Element, tool: ComposerTool): string[] {
  if (!tool.recipients?.length) return [];
  const scope = (tool.scope && closestAny(composer, tool.scope)) || composer.ownerDocument;
  const out = new Set<string>();
  for (const selector of tool.recipients) {
    let nodes: Element[] = [];
    try {
      nodes = Array.from(scope.querySelectorAll(selector));
    } catch {
      continue;
    }
    for (const n of nodes.slice(0, 200)) {
      const carriers = [n.getAttribute('data-hovercard-id'), n.getAttribute('email'), n.getAttribute('title'), (n as HTMLInputElement).value, n.textContent];
      for (const c of carriers) for (const m of (c ?? '').matchAll(ADDRESS)) out.add(m[1].toLowerCase());
    }
  }
  return [...out];
}

/** Does any recipient domain belong to the student domains (exact or a subdomain)? */
export function writesToStudents(domains: readonly string[], studentDomains: readonly string[]): boolean {
  const wanted = studentDomains.map((d) => d.toLowerCase());
  return domains.some((d) => wanted.some((s) => d === s || d.endsWith(`.${s}`)));
}
