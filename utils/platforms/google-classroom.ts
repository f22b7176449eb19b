import type { ItemId } from '../checklist/items';
import { AmbiguousControl, COMMON_PARTICIPANT_AREAS, findByLabel, firstMatch, usable, type Hit } from './kit/dom';
import { fold, weakLabelLog } from './kit/labels';
import { accessibleName, checkedState } from './kit/controls';
import { sureFirst, switchNamed } from './kit/switches';
import { emailDomain, googleAccountFinding } from './kit/account';
import { fail, pass, unknown } from './kit/finding';
import { coverageOf, readTable, type NotApplicable, type Table } from './kit/probes';
import { ROLE_NOT_SHOWN, type RoleReading } from './kit/role';
import labelTable from './label-tables/google-classroom';
import type { PlatformAdapter, ReadContext } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel, pair } = labelTable;

/**
 * Google Classroom (classroom.google.com), a class space with no live room of its own: the checklist items about
 * a meeting (waiting room, passcode, mute…) are n/a here; they are read on the Meet page the class links to.
 * What a class page can expose: the class code (anyone who gets it can join), a Meet link students can reopen
 * without the teacher, who may post on the stream, and which account the teacher is signed in with.
 *
 * Ground truth is thin (platforms.md §8: "Detectable: the readable settings-page text"): Classroom publishes no
 * test ids, so controls are found by their documented EN/FR names and read through ARIA state. The stream
 * permission strings are [unverified] (platform-labels.json "googleClassroom".chatControl notes): they may
 * decide a fail, never a pass. The class settings page is a settings page remembered for that class.
 */

/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '[role="listitem"][data-stream-item-id]', '.comment-section'];
/** Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. */
const selectors = {
  /** Google account button (account e-mail in its aria-label). Not in platforms.md: the common OneGoogle bar (2026). */
  accountChip: [
    'a[href^="https://accounts.google.com/SignOutOptions"][aria-label*="@"]', // OneGoogle account button (2026)
    'a[href*="accounts.google.com"][aria-label*="@"]', // same, other link form (2026)
  ],
  /** A Meet link's target: a structural fact (the link goes to Meet), whatever the UI language. */
  meetAnchor: ['a[href^="https://meet.google.com/"]'], // class header Meet link (platforms.md §8 "Meet link", 2026-11)
} as const;

/** Where labelled things are looked for. Bounded by the DOM helpers; never the whole page's prose. */
const HEADINGS = '[role="dialog"][aria-label], h1, h2, [role="heading"]';
const BUTTONS = 'button[aria-label], a[aria-label], [role="button"][aria-label]';
const CAPTIONS = 'h2, h3, dt, span, div[role="heading"], [role="heading"]';

/**
 * EN/FR labels from utils/platforms/labels.ts ("google-classroom"), each with where it was seen. Captions, the
 * settings heading and the stream options only ever tell the role or the page, fail, or are cited, so they are read
 * in full; the two switches that can pass (invite codes, Meet link visible) read a key's verified labels as sure and
 * its unverified ones as unsure, and a pass read through an unsure one stays to confirm (capUnverified, in readTable).
 */
const labels = {
  classSettings: anyLabel('google-classroom', 'classSettings'),
  classCode: anyLabel('google-classroom', 'classCode'),
  meetLink: anyLabel('google-classroom', 'meetLink'),
  streamOpen: anyLabel('google-classroom', 'streamOpen'),
  streamCommentOnly: anyLabel('google-classroom', 'streamCommentOnly'),
  streamTeachersOnly: anyLabel('google-classroom', 'streamTeachersOnly'),
} as const;

/** Unverified labels read during the current detector (see capUnverified). */
const weak = weakLabelLog();

/** /c/<courseId>, optionally behind the multi-account prefix /u/<n>. */
const CLASS_PATH = /^(?:\/u\/\d{1,2})?\/c\/([A-Za-z0-9_-]{6,64})(?:\/[^?#]*)?$/;
const CLASS_CODE = /^[A-Za-z0-9]{5,8}$/;

function courseId(url: URL): string | null {
  return CLASS_PATH.exec(url.pathname)?.[1] ?? null;
}

function settingsHeading(doc: Document): Hit | null {
  return findByLabel(doc, HEADINGS, labels.classSettings, true, AREAS);
}

function readRole(ctx: ReadContext, heading: Hit | null = settingsHeading(ctx.doc)): RoleReading {
  // Only teachers of the class see its settings (page, or the gear that opens it).
  if (heading) return { role: 'host', via: 'aria', evidence: `${heading.selector} (teachers only)` };
  const gear = findByLabel(ctx.doc, BUTTONS, labels.classSettings, true, AREAS);
  if (gear) return { role: 'host', via: 'aria', evidence: `${gear.selector} (teachers only)` };
  return { role: 'unknown', via: 'none', evidence: 'no teacher-only control shown' };
}

/** A class-settings switch by accessible name (kit/switches.ts), sure labels first; AmbiguousControl when two disagree. */
const switchFor = (doc: Document, key: 'inviteCodes' | 'visibleToStudents') => sureFirst((names) => switchNamed(doc, names, AREAS), pair(key), weak, (t) => t.name);

/** The selected stream-permission option (radio or listbox option), by its name. */
function selectedStreamOption(doc: Document): { label: string; open: boolean } | null {
  let nodes: Element[] = [];
  try {
    nodes = Array.from(doc.querySelectorAll('input[type="radio"], [role="radio"], [role="option"]')).slice(0, 2000);
  } catch {
    return null;
  }
  const groups = [
    { list: labels.streamOpen, open: true },
    { list: labels.streamCommentOnly, open: false },
    { list: labels.streamTeachersOnly, open: false },
  ];
  let found: { label: string; open: boolean } | null = null;
  for (const el of nodes) {
    const selected = el.getAttribute('role') === 'option' ? el.getAttribute('aria-selected') === 'true' : checkedState(el) === true;
    if (!selected || !usable(el, AREAS)) continue;
    const name = fold(el.getAttribute('role') === 'option' ? (el.getAttribute('aria-label') ?? el.textContent ?? '') : accessibleName(el) || (el.textContent ?? ''));
    for (const g of groups) {
      const i = g.list.map(fold).indexOf(name);
      if (i < 0) continue;
      // Two selected options that say different things (a stale or fake group): nothing is certain.
      if (found && found.open !== g.open) throw new AmbiguousControl(g.list[i]);
      found ??= { label: g.list[i], open: g.open };
    }
  }
  return found;
}

/**
 * Short captions (leaf elements whose whole text is one of the wanted labels), found in ONE bounded pass over the
 * page: only leaves whose text length fits a label are folded, and at most 3,000 candidates are looked at.
 */
function captions(doc: Document): { classCode: Hit | null; meetLink: Hit | null } {
  const out: { classCode: Hit | null; meetLink: Hit | null } = { classCode: null, meetLink: null };
  let nodes: Element[] = [];
  try {
    nodes = Array.from(doc.querySelectorAll(CAPTIONS)).slice(0, 3000);
  } catch {
    return out;
  }
  const sets = [
    { key: 'classCode' as const, names: labels.classCode, wanted: labels.classCode.map(fold) },
    { key: 'meetLink' as const, names: labels.meetLink, wanted: labels.meetLink.map(fold) },
  ];
  for (const el of nodes) {
    if (el.childElementCount) continue;
    const raw = el.textContent ?? '';
    if (raw.length < 6 || raw.length > 40) continue;
    const text = fold(raw);
    for (const set of sets) {
      const i = set.wanted.indexOf(text);
      if (i >= 0 && !out[set.key] && usable(el, AREAS)) out[set.key] = { el, selector: `caption labelled "${set.names[i]}"` };
    }
    if (out.classCode && out.meetLink) break;
  }
  return out;
}

/** A class code shown next to its "Class code" caption (the caption's parent holds the code). */
function shownClassCode(hit: Hit | null): { caption: string } | null {
  const box = hit?.el.parentElement;
  if (!box) return null;
  for (const el of Array.from(box.querySelectorAll('*')).slice(0, 50)) {
    if (el === hit!.el || el.children.length || !usable(el, AREAS)) continue;
    if (CLASS_CODE.test((el.textContent ?? '').trim())) return { caption: hit!.selector };
  }
  return null;
}

/** A Meet link under its "Meet link" caption. */
function shownMeetLink(hit: Hit | null): { caption: string } | null {
  const box = hit?.el.parentElement;
  return box && firstMatch(box, selectors.meetAnchor, AREAS) ? { caption: hit!.selector } : null;
}

function accountEmail(doc: Document): { domain: string; selector: string } | null {
  const hit = firstMatch(doc, selectors.accountChip, AREAS);
  const domain = hit ? emailDomain(hit.el.getAttribute('aria-label')) : null;
  return hit && domain ? { domain, selector: hit.selector } : null;
}

/** What one read learned about the page, computed once and shared by the detectors. */
interface Page {
  role: RoleReading;
  settingsPage: boolean;
  captions: { classCode: Hit | null; meetLink: Hit | null };
}

const NO_ROOM = 'a class has no live session; checked on the Meet page';
/** A class has no live room: declared once, for coverage and read alike. */
const NA = {
  'waiting-room': 'a class has no live room; the Meet link is checked on the Meet page',
  passcode: 'Classroom has no passcode; joining is by invitation, class code or invite link',
  'recording-control': 'a class has no live session to record; checked on the Meet page',
  'screen-share-host-only': NO_ROOM,
  'end-for-all': 'a class has no live session to end; checked on the Meet page',
  'join-before-host-off': NO_ROOM,
  'mute-control': 'a class has no live audio; checked on the Meet page',
  'camera-control': 'a class has no live video; checked on the Meet page',
} as const satisfies NotApplicable;

const table: Table<Page> = {
  'restricted-access': ({ doc }, { role: r, settingsPage, captions: c }) => {
    if (settingsPage) {
      const codes = switchFor(doc, 'inviteCodes');
      if (codes) {
        if (codes.on) return fail(`switch "${codes.name}" is on: anyone given the class code or invite link can join (unless your admin limits classes to your domain)`, 'aria');
        const evidence = `switch "${codes.name}" is off: only students you invite can join`;
        return codes.verified ? pass(evidence, 'aria') : unknown(`${evidence}; no Google help page Vigie has read shows this label: confirm on the page`);
      }
      return null;
    }
    const code = shownClassCode(c.classCode);
    if (!code) return null;
    if (r.role === 'host') return null; // the teacher always sees the code; whether students do is the question
    return fail(`${code.caption} with a code is shown on the class page: anyone who gets it can join (unless your admin limits classes to your domain)`, 'label');
  },
  'no-stay-after-host': ({ doc }, { role: r, settingsPage, captions: c }) => {
    if (settingsPage) {
      const visible = switchFor(doc, 'visibleToStudents');
      if (visible) {
        if (visible.on) return fail(`switch "${visible.name}" is on: students can reopen the class Meet link without you`, 'aria');
        const evidence = `switch "${visible.name}" is off: the class Meet link is hidden from students`;
        return visible.verified ? pass(evidence, 'aria') : unknown(`${evidence}; no Google help page Vigie has read shows this label: confirm on the page`);
      }
      return null;
    }
    const meet = shownMeetLink(c.meetLink);
    if (!meet || r.role === 'host') return null;
    return fail(`${meet.caption} with a meet.google.com link is shown to students: they can reopen it at any time, without you`, 'dom');
  },
  'chat-control': ({ doc }) => {
    const option = selectedStreamOption(doc);
    if (!option) return null;
    if (option.open) return fail(`stream permission "${option.label}" is selected: students can post to the whole class (label not yet verified live)`, 'aria');
    // [unverified] labels never decide a pass: say what was seen and leave it to the teacher.
    return unknown(`stream permission shows "${option.label}" (label not yet verified live: confirm it)`);
  },
  'school-account': ({ doc, schoolDomains }) => {
    const acct = accountEmail(doc);
    return acct ? googleAccountFinding(acct.selector, acct.domain, schoolDomains) : null;
  },
  // private-chat-off, authenticated-only, personal-info-limited: admin settings, never on the page (unread, hinted).
};

const UNKNOWN_HINT: Partial<Record<ItemId, string>> = {
  'private-chat-off': 'private comments go between a student and the teachers only; confirm students cannot message each other (Google Chat is an admin setting)',
  'authenticated-only': 'Classroom always needs a Google account; whether only your domain can join is an admin setting ("Class membership"): confirm it',
  'personal-info-limited': 'names and photos come from Google accounts (admin settings): confirm students cannot change them',
  'restricted-access': 'open the class settings once so Vigie can read the invite codes',
  'no-stay-after-host': 'open the class settings once so Vigie can read whether the Meet link is visible to students',
  'chat-control': 'open the class settings once so Vigie can read the stream permissions',
};

const googleClassroom: PlatformAdapter = {
  id: 'google-classroom',
  label: 'Google Classroom',
  kind: 'classroom',
  participantAreas: AREAS,
  matchPatterns: ['https://classroom.google.com/*'],
  matches(url) {
    return url.protocol === 'https:' && url.hostname === 'classroom.google.com' && CLASS_PATH.test(url.pathname);
  },
  exampleUrls: {
    yes: ['https://classroom.google.com/c/NjQ1MjM0NTY3ODkw', 'https://classroom.google.com/u/1/c/NjQ1MjM0NTY3ODkw', 'https://classroom.google.com/c/NjQ1MjM0NTY3ODkw?hl=fr'],
    no: [
      'https://classroom.google.com/',
      'https://classroom.google.com/h',
      'https://classroom.google.com/u/0/h',
      'https://classroom.google.com/c/',
      'http://classroom.google.com/c/NjQ1MjM0NTY3ODkw',
      'https://meet.google.com/abc-defg-hij',
      'https://example.com/c/NjQ1MjM0NTY3ODkw',
    ],
  },
  isMeetingPage(ctx) {
    // The class page itself, once rendered (a blank, still-loading page is not scored yet).
    return !!courseId(ctx.url) && !settingsHeading(ctx.doc) && !!ctx.doc.body?.firstElementChild;
  },
  role: (ctx) => readRole(ctx).role,
  read(ctx) {
    let page: Page;
    try {
      const heading = settingsHeading(ctx.doc);
      page = { role: readRole(ctx, heading), settingsPage: !!heading, captions: heading ? { classCode: null, meetLink: null } : captions(ctx.doc) };
    } catch {
      page = { role: { ...ROLE_NOT_SHOWN, evidence: 'role not read' }, settingsPage: false, captions: { classCode: null, meetLink: null } };
    }
    return readTable('google-classroom', table, NA, ctx, page, { areas: AREAS, weak, unread: (id) => UNKNOWN_HINT[id] ?? 'not shown on this page' });
  },
  roomKey(url) {
    const id = courseId(url);
    return id ? `google-classroom:${id}` : `google-classroom:${url.pathname.replace(/\/+$/, '')}`;
  },
  coverage: coverageOf(NA, {
    'restricted-access': 'read',
    'no-stay-after-host': 'read',
    'private-chat-off': 'confirm',
    'authenticated-only': 'confirm',
    'chat-control': 'read',
    'school-account': 'read',
    'personal-info-limited': 'confirm',
  }),
  settingsScope(ctx) {
    const id = courseId(ctx.url);
    return id && settingsHeading(ctx.doc) ? `classroom:${id}` : null;
  },
  rememberedScopes(ctx) {
    const id = courseId(ctx.url);
    return id ? [`classroom:${id}`] : [];
  },
  // Settings live in dialogs, switches, radios and the class header; stream posts and comments are ignored.
  watch: ['[role="dialog"]', '[role="switch"]', '[role="radio"]', '[role="option"]', '[role="listbox"]', 'input[type="checkbox"]', 'input[type="radio"]', 'header', 'h1', 'h2', 'a[href*="accounts.google.com"]'],
};

export default googleClassroom;

/*
 * Observed on:
 * - https://classroom.google.com/c/<courseId> (teacher and student views) and the class settings (opened from the
 *   gear): labels from shared/reference/platforms.md §8 and platform-labels.json "googleClassroom" (Google
 *   support pages, EN and FR; the stream permission strings are [unverified] in both languages).
 * - The account button selector (school-account) is the common OneGoogle bar, not from platforms.md.
 * - Built from those documented labels 2026-11-23; Classroom's DOM was not captured live, so fixtures model the
 *   controls minimally with standard ARIA roles. Recapture before trusting any pass here.
 */
