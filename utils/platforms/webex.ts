import type { ItemId } from '../checklist/items';
import type { Finding, Findings } from '../checklist/types';
import { findByLabel, toggleState, type Hit } from './dom';
import { fail, pass, unknown } from './finding';
import type { PlatformAdapter, ReadContext, Role } from './types';

/**
 * Webex meetings in the browser (<site>.webex.com personal rooms, j.php links, the web app join service,
 * web.webex.com). platforms.md §6 has NO selectors for Webex (no public code reads its DOM): only the English control
 * labels quoted by university help pages. So this adapter reads those labels, and only where a label itself carries
 * the state ("Unlock meeting" is shown only while the meeting is locked) or the control's own checked state.
 * French labels are unverified for Webex, so a French UI stays "to confirm". Facts: platforms.md §6,
 * platform-labels.json "webex".
 */

/** Where labels are looked for: controls only (never page text), most specific first. */
const selectors = {
  controls: 'button, [role="button"], [role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"], [role="switch"], [role="checkbox"], [role="radio"], [role="option"]', // Webex web client controls (help pages, 2026)
  labelled: 'label', // form rows in Assign privileges / meeting options (help pages, 2026)
} as const;

/** English labels [doc] (ccri KB 104357, ecu KB 67428, Strathclyde "Managing participants", help.webex.com). */
const labels = {
  endMeeting: ['End meeting', 'End meeting for all'], // host only; participants see "Leave meeting"
  leaveMeeting: ['Leave meeting'],
  lock: ['Lock meeting'], // shown while the meeting is unlocked
  unlock: ['Unlock meeting'], // shown while the meeting is locked
  muteOnEntry: ['Mute on entry'],
  allowUnmute: ['Allow participants to unmute themselves'],
  anyoneCanShare: ['Anyone can share'],
  onlyHost: ['Only Host', 'Only host'],
  assignPrivileges: ['Assign privileges'],
  rename: ['Allow participants to rename themselves'],
  record: ['Record', 'Start recording'],
} as const;

/** A control labelled with one of `wanted` (aria-label or text), or a <label> row with its input. */
function control(doc: Document, wanted: readonly string[]): Hit | null {
  const hit = findByLabel(doc, selectors.controls, wanted);
  if (hit) return hit;
  const row = findByLabel(doc, selectors.labelled, wanted);
  if (!row) return null;
  const label = row.el as HTMLLabelElement;
  const input = label.control ?? label.querySelector('input, [role="checkbox"], [role="radio"], [role="switch"]');
  return input ? { el: input, selector: `${row.selector} → its control` } : row;
}

/** On/off of a labelled checkbox, radio or switch; null when the control carries no state. */
function checked(doc: Document, wanted: readonly string[]): { on: boolean; hit: Hit } | null {
  const hit = control(doc, wanted);
  if (!hit) return null;
  const on = toggleState(hit.el);
  return on === null ? null : { on, hit };
}

interface RoleReading {
  role: Role;
  evidence: string;
}

function readRole(ctx: ReadContext): RoleReading {
  const end = control(ctx.doc, labels.endMeeting);
  if (end) return { role: 'host', evidence: `${end.selector} (shown to the host only)` };
  const lock = control(ctx.doc, [...labels.lock, ...labels.unlock]) ?? control(ctx.doc, labels.assignPrivileges);
  if (lock) return { role: 'host', evidence: `${lock.selector} (host control)` };
  return { role: 'unknown', evidence: 'role not shown' };
}

type Detector = (ctx: ReadContext, r: RoleReading) => Finding | null;

const lockState = (doc: Document): { locked: boolean; hit: Hit } | null => {
  const unlock = control(doc, labels.unlock);
  if (unlock) return { locked: true, hit: unlock };
  const lock = control(doc, labels.lock);
  return lock ? { locked: false, hit: lock } : null;
};

const detectors: Record<ItemId, Detector> = {
  'waiting-room': ({ doc }) => {
    const l = lockState(doc);
    if (!l) return null;
    return l.locked
      ? pass(`${l.hit.selector}: the meeting is locked, newcomers wait in the lobby until you admit them`, 'label')
      : fail(`${l.hit.selector}: the meeting is unlocked, people with the link join without waiting`, 'label');
  },
  'restricted-access': ({ doc }) => {
    const l = lockState(doc);
    if (!l) return null;
    // Locked: nobody new gets in without the host. Unlocked: who may join is set by site and scheduler options.
    return l.locked ? pass(`${l.hit.selector}: the meeting is locked`, 'label') : unknown(`${l.hit.selector}: unlocked; who may join depends on the meeting's scheduling options`);
  },
  'no-stay-after-host': (_ctx, r) =>
    r.role === 'host' && r.evidence.includes('End meeting') ? pass(`the host has "End meeting" for everyone (${r.evidence})`, 'label') : null,
  'recording-control': ({ doc }, r) => {
    const rec = control(doc, labels.record);
    return rec && r.role === 'host' ? pass(`${rec.selector}: in Webex only the host or a cohost can record`, 'label') : null;
  },
  'private-chat-off': () => null,
  'screen-share-host-only': ({ doc }) => {
    const only = checked(doc, labels.onlyHost);
    if (only?.on) return pass(`${only.hit.selector} selected (Who can share?)`, 'label');
    const anyone = checked(doc, labels.anyoneCanShare);
    if (anyone?.on) return fail(`${anyone.hit.selector} selected`, 'label');
    if (anyone && !anyone.on && only) return pass(`${anyone.hit.selector} not selected`, 'label');
    return null;
  },
  'end-for-all': ({ doc }) => {
    const end = control(doc, labels.endMeeting);
    return end ? pass(`${end.selector} (host can end the meeting for everyone)`, 'label') : null;
  },
  passcode: () => null,
  'authenticated-only': () => null,
  'join-before-host-off': () => null,
  'chat-control': ({ doc }) => {
    const hit = control(doc, labels.assignPrivileges);
    return hit ? pass(`${hit.selector}: the host can restrict chat (Communicate tab)`, 'label') : null;
  },
  'school-account': () => null,
  'mute-control': ({ doc }) => {
    const hit = control(doc, labels.muteOnEntry) ?? control(doc, labels.allowUnmute);
    return hit ? pass(`${hit.selector} offered to the host`, 'label') : null;
  },
  'camera-control': () => null,
  'personal-info-limited': ({ doc }) => {
    const c = checked(doc, labels.rename);
    if (!c) return null;
    return c.on ? fail(`${c.hit.selector} is on: participants can rename themselves`, 'label') : pass(`${c.hit.selector} is off`, 'label');
  },
};

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
    return !!(control(ctx.doc, labels.leaveMeeting) ?? control(ctx.doc, labels.endMeeting));
  },
  role(ctx) {
    return readRole(ctx).role;
  },
  read(ctx) {
    const r = readRole(ctx);
    const findings: Findings = {};
    for (const [id, detect] of Object.entries(detectors) as [ItemId, Detector][]) {
      try {
        findings[id] = detect(ctx, r) ?? unknown(WHY_UNKNOWN[id] ?? 'not shown on this page (Webex labels are read in English only)');
      } catch (error) {
        findings[id] = unknown(`webex/${id}: detector error (${(error as Error)?.message ?? 'unknown'})`);
      }
    }
    return findings;
  },
  roomKey(url) {
    const mtid = url.searchParams.get('MTID');
    return `webex:${url.hostname}${url.pathname.replace(/\/+$/, '').toLowerCase()}${mtid ? `#${tag(mtid)}` : ''}`;
  },
  coverage: {
    'waiting-room': 'read',
    'restricted-access': 'read',
    'no-stay-after-host': 'read',
    'recording-control': 'read',
    'private-chat-off': 'confirm',
    'screen-share-host-only': 'read',
    'end-for-all': 'read',
    passcode: 'confirm',
    'authenticated-only': 'confirm',
    'join-before-host-off': 'confirm',
    'chat-control': 'read',
    'school-account': 'confirm',
    'mute-control': 'read',
    'camera-control': 'confirm',
    'personal-info-limited': 'read',
  },
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
