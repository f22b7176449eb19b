import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { throttle } from '../page/throttle';
import { t } from '../i18n';
import { sendMessage, type BoundaryContext } from '../messaging';
import { composerText, findComposer, recipientDomains, writesToStudents, type ComposerTool } from './composers';
import { findContactDetails, type ContactKind } from './contact-details';
import { nextSchoolSlot, schoolHoursState, type SchoolHours } from './schedule';
import { mountPanel, type Panel } from './ui';

/**
 * Composers of school tools (Classroom, ClassDojo, Seesaw, Teams; Gmail and Outlook only when writing to the
 * student domains): an out-of-hours nudge pointing to the tool's own schedule-send, and a warning about personal
 * contact details. Event-driven (input events, throttled): no observer, no polling. The typed text is read,
 * checked and dropped; nothing of it is stored or sent. Optional policy mode "confirm": a send outside school hours
 * asks first (capture phase; the text stays in the composer).
 */

export const CHECK_MS = 250;
/** Longest wait for an idle moment before the check runs anyway. */
const IDLE_TIMEOUT_MS = 250;
const ENTER_SENDS: ReadonlySet<string> = new Set(['teams', 'classdojo', 'seesaw']);

/** Dates in the language of the messages themselves (never "22:40 on samedi"). */
function lang(): string {
  const fromMessages = t('boundaries_locale');
  if (fromMessages !== 'boundaries_locale') return fromMessages;
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

function fmt(date: Date, timeZone: string, opts: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(lang(), { timeZone, ...opts }).format(date);
  } catch {
    return '';
  }
}

/** "It is 22:40 on Saturday; schedule this for Monday 08:00?" in the school's time zone and the UI language. */
export function outOfHoursLine(now: Date, hours: SchoolHours): string {
  const tz = hours.timeZone;
  const time = fmt(now, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = fmt(now, tz, { weekday: 'long' });
  const next = nextSchoolSlot(now, hours);
  if (!next) return t('boundaries_hours_now', [time, day]);
  const soon = next.at.getTime() - now.getTime() < 6 * 86_400_000;
  const when = soon
    ? `${fmt(next.at, tz, { weekday: 'long' })} ${fmt(next.at, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`
    : fmt(next.at, tz, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return t('boundaries_hours_now_next', [time, day, when]);
}

export function runComposer(ctx: ContentScriptContext, tool: ComposerTool, doc: Document = document, now: () => Date = () => new Date()): void {
  let context: BoundaryContext | null = null;
  let pending: Promise<BoundaryContext | null> | null = null;
  let panel: Panel | null = null;
  let current: HTMLElement | null = null;
  let nudgeHidden = false;
  let contactHiddenFor = '';
  /** The "send outside school hours?" question (or its answer) is on screen: typing checks must not replace it. */
  let holding = false;
  const confirmed = new WeakSet<HTMLElement>();

  const getContext = () =>
    (pending ??= sendMessage('cs.getBoundaryContext', { url: doc.location.href, surface: 'composer' })
      .then((c) => (context = c))
      .catch(() => null));

  const forStudents = (composer: HTMLElement, c: BoundaryContext) =>
    tool.audience === 'students' || writesToStudents(recipientDomains(composer, tool), c.studentDomains);

  const ensurePanel = () => (panel ??= mountPanel(doc, 'vigie-composer-nudge'));

  const evaluate = async () => {
    const composer = current;
    if (!composer?.isConnected) return panel?.hide();
    const c = await getContext();
    if (!c || ctx.isInvalid || (holding && panel?.visible)) return;
    holding = false;
    if (!forStudents(composer, c)) return panel?.hide();
    const text = composerText(composer);
    if (!text.trim()) return panel?.hide();
    const instant = now();
    const out = c.outOfHours && !nudgeHidden && schoolHoursState(instant, c.schoolHours) === 'out';
    let kinds: ContactKind[] = c.contactDetails ? findContactDetails(text, { schoolDomains: c.schoolDomains }) : [];
    if (kinds.join() === contactHiddenFor) kinds = [];
    if (!out && !kinds.length) return panel?.hide();
    const lines: string[] = [];
    for (const k of kinds) lines.push(t(`boundaries_contact_${k}`));
    if (kinds.length) lines.push(t('boundaries_contact_local'));
    if (out) lines.push(outOfHoursLine(instant, c.schoolHours), t(tool.scheduleSend ? `boundaries_schedule_${tool.id.replace('-', '_')}` : 'boundaries_schedule_none'));
    const shownKinds = kinds.join();
    const p = ensurePanel();
    p.show({
      tone: kinds.length ? 'warn' : 'info',
      title: kinds.length ? t('boundaries_contact_title') : t('boundaries_hours_title'),
      lines,
      actions: [
        {
          label: t('boundaries_hide'),
          onClick: () => {
            if (out) nudgeHidden = true;
            if (shownKinds) contactHiddenFor = shownKinds;
            p.hide();
          },
        },
      ],
    });
    p.placeNear(composer);
  };
  // The check itself is linear (utils/boundaries/contact-details.ts) and runs when the page is idle, so typing in a
  // long message never waits on it; the timeout bounds how late a warning can come.
  const idle = (fn: () => void) => (typeof globalThis.requestIdleCallback === 'function' ? globalThis.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(fn, 0));
  const scheduled = throttle(() => idle(() => void evaluate()), CHECK_MS);

  const onInput = (e: Event) => {
    const composer = findComposer(e.target, tool);
    if (!composer) return;
    current = composer;
    scheduled();
  };

  /** Confirm mode: stop this send (capture phase, before the tool sees it) and ask; the text is untouched. */
  const onSendAttempt = (e: Event, composer: HTMLElement | null) => {
    const c = context;
    if (!c || !composer?.isConnected || c.outOfHoursMode !== 'confirm' || !c.outOfHours) return;
    if (confirmed.has(composer)) {
      // The teacher already said yes: this send goes through; the "press Send again" note has done its job.
      holding = false;
      panel?.hide();
      return;
    }
    if (!composerText(composer).trim() || !forStudents(composer, c)) return;
    const instant = now();
    if (schoolHoursState(instant, c.schoolHours) !== 'out') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    scheduled.cancel();
    holding = true;
    const p = ensurePanel();
    p.show({
      tone: 'warn',
      title: t('boundaries_confirm_title'),
      lines: [outOfHoursLine(instant, c.schoolHours), t(tool.scheduleSend ? `boundaries_schedule_${tool.id.replace('-', '_')}` : 'boundaries_schedule_none')],
      actions: [
        {
          label: t('boundaries_confirm_send'),
          onClick: () => {
            confirmed.add(composer);
            p.show({ tone: 'info', title: t('boundaries_confirm_title'), lines: [t('boundaries_confirm_again')], actions: [{ label: t('boundaries_hide'), onClick: () => ((holding = false), p.hide()) }] });
            composer.focus();
          },
        },
        {
          label: t('boundaries_confirm_keep'),
          onClick: () => {
            holding = false;
            p.hide();
            composer.focus();
          },
        },
      ],
    });
    p.placeNear(composer);
  };

  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    const composer = findComposer(e.target, tool);
    if (!composer) return;
    const sends = e.ctrlKey || e.metaKey || (!e.shiftKey && !e.altKey && ENTER_SENDS.has(tool.id));
    if (sends) onSendAttempt(e, composer);
  };

  const onClick = (e: MouseEvent) => {
    const target = e.target as Element | null;
    if (!context || context.outOfHoursMode !== 'confirm' || !target?.closest) return;
    for (const s of tool.send) {
      try {
        if (target.closest(s)) return onSendAttempt(e, current);
      } catch {
        /* an invalid alternative only loses itself */
      }
    }
  };

  const win = doc.defaultView ?? window;
  ctx.addEventListener(win, 'input', onInput, { capture: true, passive: true });
  ctx.addEventListener(win, 'keydown', onKeydown, { capture: true });
  ctx.addEventListener(win, 'click', onClick, { capture: true });
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    // A new view: settings may differ (approved page), and a hidden nudge may show again for a new conversation.
    pending = null;
    nudgeHidden = false;
    contactHiddenFor = '';
    current = null;
    panel?.hide();
  });
  ctx.onInvalidated(() => {
    scheduled.cancel();
    panel?.remove();
  });
}
