import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import { AmbiguousControl, COMMON_PARTICIPANT_AREAS, labelOf, selectorMemo, toggleState, usable, type Hit } from './kit/dom';
import { fold, weakLabelLog } from './kit/labels';
import { sureFirst } from './kit/switches';
import { fail, pass, unknown } from './kit/finding';
import { coverageOf, readTable, type NotApplicable, type Table } from './kit/probes';
import { roleOf, type RoleReading } from './kit/role';
import labelTable from './label-tables/webex';
import type { PlatformAdapter, ReadContext } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel, pair } = labelTable;

/**
 * Webex meetings in the browser (<site>.webex.com personal rooms, j.php links, the web app join service,
 * web.webex.com). platforms.md §6 has NO selectors for Webex (no public code reads its DOM): only the English control
 * labels quoted by university help pages. So this adapter reads those labels, and only where a label itself carries
 * the state ("Unlock meeting" is shown only while the meeting is locked) or the control's own checked state.
 * French labels are unverified for Webex, so a French UI stays "to confirm". Facts: platforms.md §6,
 * platform-labels.json "webex".
 */

/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '.participant-list', '.chat-panel'];
/** Where labels are looked for: controls only (never page text), most specific first. */
const selectors = {
  controls: 'button, [role="button"], [role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"], [role="switch"], [role="checkbox"], [role="radio"], [role="option"]', // Webex web client controls (help pages, 2026)
  stateful: 'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="radio"], [role="switch"], [role="menuitemcheckbox"], [role="menuitemradio"]', // controls that carry checked state (2026)
  labelled: 'label', // form rows in Assign privileges / meeting options (help pages, 2026)
} as const;

/**
 * English labels from utils/platforms/labels.ts ("webex"), each with where it was seen (university KBs, one
 * help.webex.com page). Labels that only tell the role or are only cited are read in full (`anyLabel`); the two
 * checked-state items read a key's verified labels as sure and its unverified ones as unsure, and a pass read
 * through an unsure one stays to confirm (capUnverified in read()).
 */
const labels = {
  endMeeting: anyLabel('webex', 'endMeeting'), // host only; participants see "Leave meeting"
  leaveMeeting: anyLabel('webex', 'leaveMeeting'),
  lock: anyLabel('webex', 'lock'), // shown while the meeting is unlocked
  unlock: anyLabel('webex', 'unlock'), // shown while the meeting is locked
  muteOnEntry: anyLabel('webex', 'muteOnEntry'),
  allowUnmute: anyLabel('webex', 'allowUnmute'),
  assignPrivileges: anyLabel('webex', 'assignPrivileges'),
  record: anyLabel('webex', 'record'),
} as const;
/** Keys read with their checked state (they may decide an item). */
type StateKey = 'onlyHost' | 'anyoneCanShare' | 'rename';

/** Unverified labels read during the current detector (see capUnverified). */
const weak = weakLabelLog();

/**
 * One read() runs a dozen detectors over the same document: each selector is queried once per read (memo below),
 * so a 5,000-tile meeting costs a handful of DOM scans, not dozens.
 */
const memo = selectorMemo();
const q = memo.all;

/**
 * Like kit/dom.ts findByLabel (exact label, accent- and case-insensitive), over the memoised candidates. Hidden ones and
 * those in participant areas are skipped; two usable matches whose checked state differs throw AmbiguousControl.
 */
function findByLabel(doc: Document, candidates: string, wanted: readonly string[], _exact = true, exclude: readonly string[] = AREAS): Hit | null {
  const folded = wanted.map(fold);
  // One cheap scan ('button, [role]', 'label') filtered with matches(): long selector lists are slow to run on big DOMs.
  const pool = candidates === selectors.labelled ? q(doc, 'label') : q(doc, 'button, [role], input');
  let found: Hit | null = null;
  let state: boolean | null = null;
  for (const el of pool) {
    let ok = false;
    try {
      ok = el.matches(candidates);
    } catch {
      ok = false;
    }
    if (!ok) continue;
    const text = fold(labelOf(el));
    if (!text) continue;
    const i = folded.indexOf(text);
    if (i < 0 || !usable(el, exclude)) continue;
    const target = el.tagName === 'LABEL' ? ((el as HTMLLabelElement).control ?? el.querySelector('input, [role="checkbox"], [role="radio"], [role="switch"]') ?? el) : el;
    const on = toggleState(target);
    if (!found) {
      found = { el, selector: `${candidates} labelled "${wanted[i]}"` };
      state = on;
    } else if (on !== state) throw new AmbiguousControl(wanted[i]);
  }
  return found;
}

/** A control labelled with one of `wanted` (aria-label or text), or a <label> row with its input. */
function control(doc: Document, wanted: readonly string[]): Hit | null {
  const hit = findByLabel(doc, selectors.controls, wanted, true, AREAS);
  if (hit) return hit;
  const row = findByLabel(doc, selectors.labelled, wanted, true, AREAS);
  if (!row) return null;
  const label = row.el as HTMLLabelElement;
  const inner = Array.from(label.querySelectorAll('input, [role="checkbox"], [role="radio"], [role="switch"]')).filter((el) => usable(el, AREAS));
  const input = label.control ?? inner[0] ?? null;
  // A row holding two controls that disagree (a fake one before the real one): nothing is certain.
  if (input && inner.some((el) => toggleState(el) !== toggleState(input))) throw new AmbiguousControl(row.selector);
  return input ? { el: input, selector: `${row.selector} → its control` } : row;
}

/**
 * On/off of a labelled checkbox, radio or switch (never a plain button) for `key`: its verified labels first, then
 * its unverified ones (noted in the weak log, `verified` false). null when absent or the control carries no state.
 */
function checked(doc: Document, key: StateKey): { on: boolean; hit: Hit; verified: boolean } | null {
  return sureFirst((wanted) => stateOf(doc, wanted), pair(key), weak, (t) => t.hit.selector);
}

function stateOf(doc: Document, wanted: readonly string[]): { on: boolean; hit: Hit } | null {
  if (!wanted.length) return null;
  const hit = control(doc, wanted);
  if (!hit) return null;
  try {
    if (!hit.el.matches(selectors.stateful)) return null;
  } catch {
    return null;
  }
  const on = toggleState(hit.el);
  return on === null ? null : { on, hit };
}

function readRole(ctx: ReadContext): RoleReading {
  try {
    return roleFrom(ctx);
  } catch {
    return { role: 'unknown', evidence: 'two host controls of one name disagree' };
  }
}

function roleFrom(ctx: ReadContext): RoleReading {
  const end = control(ctx.doc, labels.endMeeting);
  if (end) return { role: 'host', evidence: `${end.selector} (shown to the host only)` };
  const lock = control(ctx.doc, [...labels.lock, ...labels.unlock]) ?? control(ctx.doc, labels.assignPrivileges);
  if (lock) return { role: 'host', evidence: `${lock.selector} (host control)` };
  return { role: 'unknown', evidence: 'role not shown' };
}

const lockState = (doc: Document): { locked: boolean; hit: Hit } | null => {
  const unlock = control(doc, labels.unlock);
  if (unlock) return { locked: true, hit: unlock };
  const lock = control(doc, labels.lock);
  return lock ? { locked: false, hit: lock } : null;
};

/**
 * Labels alone never make an item pass (tests/platforms/fuzz.test.ts): a label may reveal a risk ("Lock meeting" is
 * offered = the meeting is unlocked) or, with a control's own checked state, decide an item; a host control seen by
 * its label only is cited in a "to confirm" finding so the teacher knows where to look.
 */
const seen = (hit: Hit | null, what: string): Finding | null => (hit ? unknown(`${hit.selector} is shown (${what}); Vigie does not certify from a label alone: confirm`) : null);

const table: Table<RoleReading> = {
  'waiting-room': ({ doc }) => {
    const l = lockState(doc);
    if (!l) return null;
    return l.locked
      ? unknown(`${l.hit.selector}: the label says the meeting is locked (newcomers wait in the lobby); confirm`)
      : fail(`${l.hit.selector}: the meeting is unlocked, people with the link join without waiting`, 'label');
  },
  'restricted-access': ({ doc }) => {
    const l = lockState(doc);
    return l ? unknown(`${l.hit.selector}: who may join is set by the meeting's scheduling options`) : null;
  },
  'no-stay-after-host': ({ doc }) => seen(control(doc, labels.endMeeting), 'the host can end the meeting for everyone'),
  'recording-control': ({ doc }, r) => (r.role === 'host' ? seen(control(doc, labels.record), 'in Webex only the host or a cohost can record') : null),
  'screen-share-host-only': ({ doc }) => {
    const only = checked(doc, 'onlyHost');
    if (only?.on) {
      const evidence = `${only.hit.selector} checked (Who can share?)`;
      return only.verified ? pass(evidence, 'aria') : unknown(`${evidence}; no Webex help page Vigie has read shows this label: confirm on the page`);
    }
    const anyone = checked(doc, 'anyoneCanShare');
    if (anyone?.on) return fail(`${anyone.hit.selector} checked (Who can share?)`, 'aria');
    return null;
  },
  'end-for-all': ({ doc }) => seen(control(doc, labels.endMeeting), 'the host can end the meeting for everyone'),
  'chat-control': ({ doc }) => seen(control(doc, labels.assignPrivileges), 'the host can restrict chat in its Communicate tab'),
  'mute-control': ({ doc }) => seen(control(doc, labels.muteOnEntry) ?? control(doc, labels.allowUnmute), 'the host can mute on entry and stop self-unmute'),
  'personal-info-limited': ({ doc }) => {
    const c = checked(doc, 'rename');
    if (!c) return null;
    if (c.on) return fail(`${c.hit.selector} is checked: participants can rename themselves`, 'dom');
    return c.verified ? pass(`${c.hit.selector} is not checked`, 'dom') : unknown(`${c.hit.selector} is not checked; no Webex help page Vigie has read shows this label: confirm on the page`);
  },
};

/** Webex has every item in some form (n/a is declared here once: none). */
const NA: NotApplicable = {};

const WHY_UNKNOWN: Partial<Record<ItemId, string>> = {
  passcode: 'the meeting password is set when scheduling; Webex does not show it in the meeting',
  'authenticated-only': 'a site and scheduler option (who can join), not shown in the meeting',
  'join-before-host-off': 'a scheduler option ("join before host"), not shown in the meeting',
  'school-account': 'Webex does not show the signed-in account in the meeting page',
  'camera-control': 'Webex shows no host camera control on the page',
  'private-chat-off': 'set in Assign privileges → Communicate; Vigie cannot read those boxes reliably',
};

const WEBEX_HOST = /^[a-z0-9-]+\.webex\.com$/;
const NOT_MEETING_HOSTS = ['www.webex.com', 'help.webex.com', 'signin.webex.com', 'idbroker.webex.com', 'blog.webex.com', 'developer.webex.com', 'admin.webex.com', 'settings.webex.com'];

/** Short non-reversible tag of a query value (a j.php link's MTID), so rooms stay distinct without keeping the query. */
function tag(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

const webex: PlatformAdapter = {
  id: 'webex',
  label: 'Webex',
  kind: 'meeting',
  participantAreas: AREAS,
  matchPatterns: ['https://*.webex.com/*'],
  matches(url) {
    if (url.protocol !== 'https:' || !WEBEX_HOST.test(url.hostname) || NOT_MEETING_HOSTS.includes(url.hostname)) return false;
    const p = url.pathname;
    if (url.hostname === 'web.webex.com') return true; // Webex App on the web
    return /^\/meet\/[^/]+\/?$/i.test(p) || /^\/[^/]+\/j\.php$/i.test(p) || /^\/wbxmjs\/joinservice\//i.test(p);
  },
  exampleUrls: {
    yes: [
      'https://ecole.webex.com/meet/m.tremblay',
      'https://ecole.webex.com/ecole/j.php?MTID=m0123456789abcdef',
      'https://ecole.webex.com/wbxmjs/joinservice/sites/ecole/meeting/download/abc',
      'https://web.webex.com/meetings',
    ],
    no: ['https://www.webex.com/', 'https://help.webex.com/en-us/article/x', 'https://ecole.webex.com/', 'https://ecole.webex.com.evil.example/meet/x', 'http://ecole.webex.com/meet/x', 'https://webex.com/meet/x', 'https://ecole.webex.com/meet/'],
  },
  isMeetingPage(ctx) {
    try {
      return !!(control(ctx.doc, labels.leaveMeeting) ?? control(ctx.doc, labels.endMeeting));
    } catch {
      return true; // two same-named controls disagree: still a meeting page, whose items then stay to confirm
    }
  },
  role: roleOf(readRole),
  read(ctx) {
    return memo.during(() => readTable('webex', table, NA, ctx, readRole(ctx), { areas: AREAS, weak, unread: (id) => WHY_UNKNOWN[id] ?? 'not shown on this page (Webex labels are read in English only)' }));
  },
  roomKey(url) {
    const mtid = url.searchParams.get('MTID');
    return `webex:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}${mtid ? `#${tag(mtid)}` : ''}`;
  },
  coverage: coverageOf(NA, {
    'waiting-room': 'read',
    'restricted-access': 'confirm',
    'no-stay-after-host': 'confirm',
    'recording-control': 'confirm',
    'private-chat-off': 'confirm',
    'screen-share-host-only': 'read',
    'end-for-all': 'confirm',
    passcode: 'confirm',
    'authenticated-only': 'confirm',
    'join-before-host-off': 'confirm',
    'chat-control': 'confirm',
    'school-account': 'confirm',
    'mute-control': 'confirm',
    'camera-control': 'confirm',
    'personal-info-limited': 'read',
  }),
  // Controls live in menus, dialogs and the control bar; video tiles are ignored.
  watch: ['[role="dialog"]', '[role="menu"]', '[role="menuitem"]', 'button', 'label', 'input', '[role="checkbox"]', '[role="radio"]', '[role="switch"]'],
};

export default webex;

/*
 * Observed on:
 * - https://<site>.webex.com/meet/<user>, https://<site>.webex.com/<site>/j.php?MTID=…, /wbxmjs/joinservice/…,
 *   https://web.webex.com, as listed in shared/reference/platforms.md §6 (research date 2026-11-23).
 * - Labels from help pages only: ccri.teamdynamix KB 104357, ecu.teamdynamix KB 67428, Strathclyde "Managing
 *   participants", help.webex.com "Lock or Unlock Your Meeting". No public code with Webex selectors exists, so no
 *   selector here is known to be stable; no live capture. A live capture should replace labels with real hooks.
 */
