import type { ItemId } from '../checklist/items';
import type { Finding } from '../checklist/types';
import { COMMON_PARTICIPANT_AREAS, findByLabel, selectorMemo, usable } from './kit/dom';
import { fold, weakLabelLog } from './kit/labels';
import { checkedRadioLabels, sureFirst, switchByLabelPrefix } from './kit/switches';
import { googleAccountFinding } from './kit/account';
import { fail, pass, unknown } from './kit/finding';
import { coverageOf, readTable, type Detector as KitDetector, type NotApplicable, type Table } from './kit/probes';
import { roleOf, type RoleReading } from './kit/role';
import labelTable from './label-tables/google-meet';
import type { PlatformAdapter, ReadContext } from './types';

/** This platform's labels (utils/platforms/labels.ts, the table of record; see kit/labels.ts). */
const { anyLabel, sure, unsure, pair } = labelTable;

/**
 * Google Meet (meet.google.com). Meet exposes no readable in-page state, so everything comes from the DOM: Google's
 * `jsname` / `data-panel-id` hooks first (stable across languages), then ARIA state (`role="switch"` +
 * `aria-checked`), then row labels, last. Facts: shared/reference/platforms.md §4. Labels come from
 * utils/platforms/labels.ts ("google-meet"), each with its source: a label no Google help page in that language
 * shows (today every English switch and access-type label) may fail an item or leave it to confirm, never pass it
 * (capUnverified, in readTable). French labels Vigie has no source for are not read at all: in a French UI those items
 * stay "to confirm", while everything read from jsname hooks works in any language.
 */

/**
 * Where participants write (names, chat, tiles): labels there never decide an item or the role. The common list plus
 * this platform's own containers (generic class names, not verified live: they only ever make Vigie read less).
 */
const AREAS: readonly string[] = [...COMMON_PARTICIPANT_AREAS, '[role="list"][aria-label="Participants"]', '[data-message-id]'];
/** Selectors as alternatives, stable-first. Each line: the UI variant and when it was seen. */
const selectors = {
  hostControlsButton: ['[jsname="A5il2e"][data-panel-id="16"]'], // side-panel button "Host controls", hosts only (fork, live 2026-08-13)
  panelButtons: ['[jsname="A5il2e"][data-panel-id]'], // any side-panel button (2 = chat), rendered once the call UI is up (2026-02/08)
  leaveButton: [
    '[jsname="CQylAd"]', // leave-call button (streamdeck-googlemeet 2026-02-28)
    'button[aria-label="Leave call"]', // EN label (2026-02)
  ],
  inCallIcon: ['.google-symbols', '.google-material-icons'], // icon ligature text "call_end" in any language (TranscripTonic fe25d759)
  hostSwitches: [
    '[jsname="DMn7nd"][role="switch"]', // Host controls switches: aria-label starts with the row label, aria-checked = state (2026-08-13)
    '[role="switch"][aria-label]', // same switches if the jsname changes (2026-08)
  ],
  accessRadios: ['[role="radio"]', 'input[type="radio"]'], // Meeting access radio group: no aria-label, row text only (2026-08-13)
  // Leave dialog shown to hosts: "Just leave the call" / "End call for everyone" (2026-02-28). Its EN aria-label is no
  // longer a selector here: no Google help page backs it (labels.ts endForAll), so it is only cited (end-for-all).
  leaveDialogEndForAll: ['[data-mdc-dialog-action="Pd96ce"]'],
  /** Google account chip (account e-mail in its aria-label). Not in platforms.md: common OneGoogle bar, seen on pre-join pages. */
  accountChip: [
    'a[href^="https://accounts.google.com/SignOutOptions"][aria-label*="@"]', // OneGoogle account button (pre-join, 2026)
    'a[href*="accounts.google.com"][aria-label*="@"]', // same, other link form (2026)
  ],
} as const;

/**
 * One read() runs a dozen detectors over the same document: each selector is queried once per read (memo below),
 * so a 5,000-tile meeting costs a handful of DOM scans, not dozens.
 */
const memo = selectorMemo();
const q = memo.all;
const first = (doc: Document, list: readonly string[]) => memo.first(doc, list, AREAS);

/**
 * Host-controls switch keys in labels.ts ("google-meet"). quickAccess is the legacy 2020–23 toggle
 * (TODO [2027-06-30]: drop). endForAll is only ever cited, never a pass.
 */
type SwitchKey = 'hostManagement' | 'shareScreen' | 'chat' | 'mic' | 'video' | 'quickAccess';
const ACCESS_KEYS: Record<Access, string> = { open: 'accessOpen', trusted: 'accessTrusted', restricted: 'accessRestricted' };
const END_FOR_ALL = anyLabel('google-meet', 'endForAll');

/** Unverified labels read during the current detector (see capUnverified). */
const weak = weakLabelLog();

const MEET_CODE = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/;
const LOOKUP = /^\/lookup\/[A-Za-z0-9_-]{3,64}\/?$/;

interface SwitchHit {
  on: boolean;
  label: string;
  selector: string;
  /** The label that matched is one a Google help page in that language shows. */
  verified: boolean;
}

/**
 * A host-controls switch for `key` (labels.ts): its aria-label starts with one of the key's verified labels, or,
 * failing that, with one of its unverified ones (then `verified` is false and the weak log notes it). `only`
 * limits the search to one kind.
 */
function hostSwitch(doc: Document, key: SwitchKey, only?: 'sure' | 'unsure'): SwitchHit | null {
  return sureFirst((wanted) => switchFor(doc, wanted), pair(key), weak, (t) => t.label, only);
}

/** A host-controls switch whose aria-label starts with one of `wanted` (kit/controls.ts switchByLabelPrefix). */
const switchFor = (doc: Document, wanted: readonly string[]) => switchByLabelPrefix((sel) => q(doc, sel), selectors.hostSwitches, wanted, AREAS);

/** Is any usable host-controls switch on the page (labels in any language)? */
function anyHostSwitch(doc: Document): boolean {
  return selectors.hostSwitches.some((selector) => q(doc, selector).some((el) => usable(el, AREAS)));
}

type Access = 'open' | 'trusted' | 'restricted';

/** Which access type a radio label names (labels.ts accessOpen/accessTrusted/accessRestricted), and whether verified. */
function accessOf(text: string): { type: Access; label: string; verified: boolean } | null {
  for (const type of ['open', 'trusted', 'restricted'] as const) {
    const key = ACCESS_KEYS[type];
    const s = sure('google-meet', key).find((w) => fold(w) === text);
    if (s) return { type, label: s, verified: true };
    const u = unsure('google-meet', key).find((w) => fold(w) === text);
    if (u) return { type, label: u, verified: false };
  }
  return null;
}

/**
 * The checked "Meeting access" radio, matched by its own label (labels.ts; English only, and unverified today: a
 * "Restricted" read through it stays to confirm, an "Open" or "Trusted" still fails).
 */
function accessType(doc: Document): { type: Access; evidence: string; verified: boolean } | { type: null; evidence: string } | null {
  const labels = checkedRadioLabels((sel) => q(doc, sel), selectors.accessRadios, AREAS);
  if (!labels) return null;
  const read = labels.map((text) => ({ hit: accessOf(text), text }));
  // Two checked access radios (a stale or fake group) that say different things: nothing is certain.
  if (read.some((r) => r.hit?.type !== read[0].hit?.type)) return { type: null, evidence: 'two Meeting access options are shown as selected' };
  const { hit, text } = read[0];
  if (hit) {
    if (!hit.verified) weak.note(hit.label);
    const unverified = hit.verified ? '' : '; no Google help page Vigie has read shows this label';
    return { type: hit.type, verified: hit.verified, evidence: `Host controls → Meeting access: "${hit.label}" is selected (the radio's own label${unverified})` };
  }
  return { type: null, evidence: `a Meeting access option is selected, but its label ("${text.slice(0, 40)}") is not one Vigie has verified (English only)` };
}

function readRole(ctx: ReadContext): RoleReading {
  const host = first(ctx.doc, selectors.hostControlsButton);
  if (host) return { role: 'host', evidence: `${host.selector} (Host controls button, rendered for hosts only)` };
  // Only a fully drawn call (leave button and side-panel buttons present) tells a participant from a page still loading.
  const leave = first(ctx.doc, selectors.leaveButton);
  const panels = first(ctx.doc, selectors.panelButtons);
  if (leave && panels) return { role: 'participant', evidence: `${panels.selector} present without the Host controls button` };
  return { role: 'unknown', evidence: 'role not shown yet' };
}

function inCall(doc: Document): boolean {
  if (first(doc, selectors.leaveButton)) return true;
  for (const selector of selectors.inCallIcon) {
    for (const el of q(doc, selector).slice(0, 200)) if (el.textContent?.trim() === 'call_end') return true;
  }
  return false;
}

function accountEmail(doc: Document): { email: string; selector: string } | null {
  const hit = first(doc, selectors.accountChip);
  if (!hit) return null;
  const m = /[A-Z0-9._%+-]+@([A-Z0-9-]+\.)+[A-Z]{2,63}/i.exec(hit.el.getAttribute('aria-label') ?? '');
  return m ? { email: m[0].toLowerCase(), selector: hit.selector } : null;
}

type Detector = KitDetector<RoleReading>;

const UNVERIFIED = '(label no Google help page Vigie has read shows)';

type Said = readonly ['fail' | 'unknown', string];
/**
 * What the selected Meeting access type means for an item: open and trusted say `open`/`trusted`; restricted passes
 * with `restricted[0]` when its label is verified, else stays to confirm with `restricted[1]`; an unrecognised
 * selection stays to confirm (`citeOther`) or decides nothing.
 */
function accessVerdict(a: ReturnType<typeof accessType>, open: Said, trusted: Said, restricted: readonly [string, string], citeOther: boolean): Finding | null {
  if (!a) return null;
  if (a.type === 'restricted') return a.verified ? pass(`${a.evidence}: ${restricted[0]}`, 'dom') : unknown(`${a.evidence}: ${restricted[1]}`);
  if (a.type === 'open' || a.type === 'trusted') {
    const [v, why] = a.type === 'open' ? open : trusted;
    return v === 'fail' ? fail(`${a.evidence}: ${why}`, 'dom') : unknown(`${a.evidence}: ${why}`);
  }
  return citeOther ? unknown(a.evidence) : null;
}

const switchItem =
  (key: SwitchKey, safeWhenOn: boolean, what: string): Detector =>
  ({ doc }) => {
    const s = hostSwitch(doc, key);
    if (!s) return anyHostSwitch(doc) ? unknown(`Host controls are shown but the "${anyLabel('google-meet', key)[0]}" switch label is not one Vigie has verified in this language`) : null;
    const evidence = `${s.selector} aria-checked=${s.on} (${what})`;
    if (s.on !== safeWhenOn) return fail(evidence, 'aria');
    // A safe position read through an unverified label stays to confirm (capUnverified would say so too).
    return s.verified ? pass(evidence, 'aria') : unknown(`${evidence} ${UNVERIFIED}: confirm on the page`);
  };

/**
 * The host can turn a feature off for others: a switch with a verified label, or the Host controls button itself
 * (a jsname hook shown to hosts only, no label). A switch found only through an unverified label is cited.
 */
const capability =
  (key: SwitchKey, what: string): Detector =>
  ({ doc }, r) => {
    const s = hostSwitch(doc, key, 'sure');
    if (s) return pass(`${s.selector} offered to the host (currently ${s.on ? 'on' : 'off'}): ${what}`, 'aria');
    if (r.role === 'host') return pass(`${r.evidence}: ${what} in Host controls`, 'dom');
    const w = hostSwitch(doc, key, 'unsure');
    return w ? unknown(`${w.selector} is shown ${UNVERIFIED}: confirm ${what}`) : null;
  };

/** What Meet has no notion of: declared once, for coverage and read alike. */
const NA = {
  'private-chat-off': 'Meet has no private chat between participants: everyone in the call sees every message (Google Help 7311541)',
  passcode: 'Meet has no passcodes: access is by Google account and the access type',
} as const satisfies NotApplicable;

const table: Table<RoleReading> = {
  'waiting-room': ({ doc }) => {
    const a = accessType(doc);
    // Trusted: everyone in the host's organisation (every pupil of a school domain) joins without asking
    // (Workspace Updates 2023-07-17; Meet API SpaceConfig.AccessType TRUSTED): nobody admits them.
    if (a) return accessVerdict(a, ['fail', 'anyone with the link joins without asking'], ['fail', 'everyone in your organisation, and dial-in callers, join without asking'], ['only people invited join directly; everyone else asks and you admit them', 'confirm only invited people join directly'], true);
    const quick = hostSwitch(doc, 'quickAccess');
    if (!quick) return null;
    if (quick.on) return fail(`${quick.selector} on: people join without asking`, 'aria');
    return quick.verified ? pass(`${quick.selector} off: everyone asks to join`, 'aria') : unknown(`${quick.selector} off ${UNVERIFIED}: confirm everyone asks to join`);
  },
  // Trusted also lets dial-in callers join without asking (Meet API AccessType TRUSTED): not only school accounts.
  'restricted-access': ({ doc }) =>
    accessVerdict(accessType(doc), ['fail', 'anyone with the link can get in'], ['unknown', "your organisation's accounts join directly, but so do dial-in callers; confirm no dial-in number is shared"], ['only invited accounts join directly', 'confirm only invited accounts join directly'], true),
  'no-stay-after-host': ({ doc }, r) => {
    const end = first(doc, selectors.leaveDialogEndForAll);
    if (end) return pass(`Meet keeps the call open when the host leaves, but the host has "End call for everyone" (${end.selector})`, 'dom');
    return r.role === 'host' ? pass(`Meet keeps the call open when the host leaves; the host can end it for everyone (${r.evidence})`, 'dom') : null;
  },
  'recording-control': ({ doc }) => {
    const s = hostSwitch(doc, 'hostManagement');
    if (!s) return null;
    // Host management ON limits recording to hosts (teacher guides); OFF leaves it to the Workspace admin's policy.
    if (!s.on) return unknown(`${s.selector} aria-checked=false: who may record then depends on your Workspace admin`);
    return s.verified ? pass(`${s.selector} aria-checked=true: only hosts can record`, 'aria') : unknown(`${s.selector} aria-checked=true ${UNVERIFIED}: confirm only hosts can record`);
  },
  'screen-share-host-only': switchItem('shareScreen', false, 'contributors sharing their screen'),
  'end-for-all': ({ doc }, r) => {
    const end = first(doc, selectors.leaveDialogEndForAll);
    if (end) return pass(`${end.selector} (leave dialog offers "End call for everyone")`, 'dom');
    if (r.role === 'host') return pass(`${r.evidence}: hosts get "End call for everyone" when leaving`, 'dom');
    // The English label alone is cited, never certified (labels are the weakest evidence).
    const label = findByLabel(doc, 'button, [role="button"], [role="menuitem"]', END_FOR_ALL, true, AREAS);
    return label ? unknown(`${label.selector} is shown; confirm you can end the call for everyone`) : null;
  },
  'authenticated-only': ({ doc }) =>
    accessVerdict(accessType(doc), ['fail', 'anyone with the link joins'], ['unknown', 'guests may still ask to join unless your admin blocks anonymous users'], ['only invited accounts can join', 'confirm only invited accounts can join'], false),
  'chat-control': capability('chat', 'the host can turn participants’ messages off'),
  'school-account': ({ doc, schoolDomains }) => {
    const acct = accountEmail(doc);
    if (!acct) return null;
    const domain = acct.email.split('@')[1];
    return googleAccountFinding(acct.selector, domain, schoolDomains, (d, schools) => schools.some((x) => d === x.toLowerCase() || d.endsWith(`.${x.toLowerCase()}`)));
  },
  'mute-control': capability('mic', 'the host can stop contributors turning on their microphone'),
  'camera-control': capability('video', 'the host can stop contributors turning on their video'),
};

const WHY_UNKNOWN: Partial<Record<ItemId, string>> = {
  'join-before-host-off': 'set in Google Calendar ("Guests can join before host") or by your admin: not shown in the call',
  'personal-info-limited': 'names come from Google accounts; Meet has no host setting for it',
  'recording-control': 'who may record is set by your Workspace admin and Host management (open Host controls to read it)',
};

const googleMeet: PlatformAdapter = {
  id: 'google-meet',
  label: 'Google Meet',
  kind: 'meeting',
  participantAreas: AREAS,
  matchPatterns: ['https://meet.google.com/*'],
  matches(url) {
    if (url.protocol !== 'https:' || url.hostname !== 'meet.google.com') return false;
    // Rooms (xxx-xxxx-xxx) and older Classroom /lookup/<code> links (they redirect to a room); not /landing or /.
    return MEET_CODE.test(url.pathname) || LOOKUP.test(url.pathname);
  },
  exampleUrls: {
    yes: ['https://meet.google.com/abc-defg-hij', 'https://meet.google.com/abc-defg-hij?authuser=1', 'https://meet.google.com/abc-defg-hij?hs=122#x', 'https://meet.google.com/lookup/c4tkd2xm7q'],
    no: ['https://meet.google.com/', 'https://meet.google.com/landing', 'https://meet.google.com/new', 'http://meet.google.com/abc-defg-hij', 'https://meet.google.com.evil.example/abc-defg-hij', 'https://calendar.google.com/calendar/r', 'https://meet.google.com/abc-defg-hij/extra'],
  },
  isMeetingPage(ctx) {
    return inCall(ctx.doc);
  },
  role: roleOf(readRole),
  read(ctx) {
    return memo.during(() =>
      readTable('google-meet', table, NA, ctx, readRole(ctx), { areas: AREAS, weak, unread: (id) => WHY_UNKNOWN[id] ?? 'not shown on this page (open Host controls to let Vigie read it)' }),
    );
  },
  roomKey(url) {
    const path = url.pathname.replace(/\/+$/, '');
    return LOOKUP.test(url.pathname) ? `google-meet:lookup:${path.split('/')[2]}` : `google-meet:${path.slice(1).toLowerCase()}`;
  },
  coverage: coverageOf(NA, {
    'waiting-room': 'read',
    'restricted-access': 'read',
    'no-stay-after-host': 'read',
    'recording-control': 'read',
    'screen-share-host-only': 'read',
    'end-for-all': 'read',
    'authenticated-only': 'read',
    'join-before-host-off': 'confirm',
    'chat-control': 'read',
    'school-account': 'read',
    'mute-control': 'read',
    'camera-control': 'read',
    'personal-info-limited': 'confirm',
  }),
  settingsUrl: 'https://calendar.google.com/',
  // Settings live in the Host controls panel, the leave dialog and the side-panel buttons; tiles and captions are ignored.
  watch: ['[role="dialog"]', '[role="switch"]', '[role="radio"]', 'input[type="radio"]', '[jsname="A5il2e"]', '[jsname="CQylAd"]', '[data-mdc-dialog-action]', 'aside', '[role="complementary"]'],
};

export default googleMeet;

/*
 * Observed on:
 * - https://meet.google.com/<xxx-xxxx-xxx> (host and participant) and https://meet.google.com/lookup/<code>, as documented
 *   in shared/reference/platforms.md §4 (research date 2026-11-23): ChrisRegado/streamdeck-googlemeet@3dfec9c3
 *   (2026-02-28) event handlers; a fork's HostControlsEventHandler "read off a live call on 2026-08-13" (English UI
 *   only); vivek-nexus/transcriptonic@fe25d759 (icon ligatures); Vexa-ai/vexa googlemeet/selectors.ts (2026-07-24);
 *   Google Help FR 10885841, 16229038, 7311541; Workspace Updates 2020-09-14 and 2023-07-17.
 * - The account chip selector (school-account) is the common OneGoogle account button, not from platforms.md.
 * - Built from those documented hooks, not from a live capture; fixtures in tests/fixtures/google-meet/ model them.
 */
