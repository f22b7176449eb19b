/**
 * Detectors as table rows. Every adapter's detectors have ONE type, `Detector<P>`: the read context plus what the
 * adapter reads once per read (`P`: its role reading, its switches, which settings page this is). Most items are a
 * row made of a few declarative probe kinds; role logic and genuinely odd cases stay code (a row may be a function,
 * or a list of probes and functions where the first that decides wins). n/a is declared ONCE per adapter
 * (`NotApplicable`): `coverageOf` writes it into `coverage`, and `readTable` answers n/a for those items without
 * running anything. A row that finds nothing gives unknown with the adapter's reason; a detector that throws gives
 * unknown naming the item; a pass read through an unverified label stays to confirm (labels.ts capUnverified).
 */
import { ITEM_IDS, type ItemId } from '../../checklist/items';
import type { EvidenceSource, Finding, Findings } from '../../checklist/types';
import type { Coverage, ReadContext } from '../types';
import { COMMON_PARTICIPANT_AREAS, findByLabel, firstMatch, toggleState } from './dom';
import { fail, fromBoolean, notApplicable, pass, runDetectors, unknown } from './finding';
import { capUnverified, type LabelPair, type WeakUse } from './labels';
import { type ControlIndex } from './controls';
import { switchIn, switchVerdict } from './switches';

/** One detector type for every adapter. null = not shown on this page (the runner says why, as unknown). */
export type Detector<P = void> = (ctx: ReadContext, page: P) => Finding | null;

/** A path of the page's own state (the main-world reader's flat snapshot) and the value that is safe. */
export interface StateProbe {
  kind: 'state';
  path: string;
  safe: boolean;
  /** Said after the value in the evidence, e.g. "(lobby on)". */
  note?: string;
}

/** A switch or checkbox found by stable selectors (stable-first), and the position that is safe. */
export interface ToggleProbe {
  kind: 'toggle';
  selectors: readonly string[];
  safeWhenOn: boolean;
  what: string;
}

/** A stable hook whose presence means pass or fail; its absence decides nothing (unknown is never pass). */
export interface PresenceProbe {
  kind: 'presence';
  selectors: readonly string[];
  present: 'pass' | 'fail';
  what: string;
  via?: EvidenceSource;
}

/**
 * A control named by a label: `sure` labels (a vendor page shows them) and `unsure` ones (none does). Shown through
 * a sure label it decides `present`; through an unsure one it may only fail, never pass.
 */
export interface LabelProbe {
  kind: 'label';
  candidates: string;
  sure: readonly string[];
  unsure?: readonly string[];
  present: 'pass' | 'fail';
  what: string;
  /** @default 'label' */
  via?: EvidenceSource;
}

/**
 * A settings switch found by its accessible name in the page's control index (labels.ts pair: sure and unsure), and
 * the position that is safe. Evidence: `<where>: "<label>" is on|off`. An unsure label may fail, never pass.
 */
export interface SwitchProbe {
  kind: 'switch';
  labels: LabelPair;
  safeWhenOn: boolean;
}

export type Probe = StateProbe | ToggleProbe | PresenceProbe | LabelProbe | SwitchProbe;

/**
 * A probe is its own detector, marked with its `kind` (so a content script carries only the probe kinds its
 * adapter uses; the interfaces above say what each kind declares).
 */
export type Probed<T extends Probe> = Detector<unknown> & Pick<T, 'kind'>;
const probed = <T extends Probe>(kind: T['kind'], run: (ctx: ReadContext, env: ProbeEnv) => Finding | null): Probed<T> =>
  Object.assign((ctx: ReadContext, page: unknown) => run(ctx, envOf(page)), { kind }) as Probed<T>;

/** A row's page may carry the probe environment (`env`): participant areas, the control index, where. */
function envOf(page: unknown): ProbeEnv {
  return (page as { env?: ProbeEnv } | undefined)?.env ?? {};
}

export const stateIs = (path: string, safe: boolean, note?: string) =>
  probed<StateProbe>('state', (ctx) => {
    const v = ctx.state?.[path];
    return fromBoolean(v, safe, `state: ${path} = ${String(v)}${note ? ` ${note}` : ''}`, 'state');
  });

export const toggle = (selectors: readonly string[], safeWhenOn: boolean, what: string) =>
  probed<ToggleProbe>('toggle', (ctx, env) => {
    const hit = firstMatch(ctx.doc, selectors, env.areas ?? COMMON_PARTICIPANT_AREAS);
    const on = hit ? toggleState(hit.el) : null;
    if (!hit || on === null) return null;
    const via: EvidenceSource = hit.el.hasAttribute('aria-checked') || hit.el.hasAttribute('aria-pressed') ? 'aria' : 'dom';
    const evidence = `${hit.selector}: ${what} is ${on ? 'on' : 'off'}`;
    return on === safeWhenOn ? pass(evidence, via) : fail(evidence, via);
  });

export const presence = (selectors: readonly string[], present: 'pass' | 'fail', what: string, via: EvidenceSource = 'dom') =>
  probed<PresenceProbe>('presence', (ctx, env) => {
    const hit = firstMatch(ctx.doc, selectors, env.areas ?? COMMON_PARTICIPANT_AREAS);
    if (!hit) return null;
    const evidence = `${hit.selector} (${what})`;
    return present === 'pass' ? pass(evidence, via) : fail(evidence, via);
  });

export const labelled = (candidates: string, labels: { sure: readonly string[]; unsure?: readonly string[] }, present: 'pass' | 'fail', what: string, via: EvidenceSource = 'label') =>
  probed<LabelProbe>('label', (ctx, env) => {
    const areas = env.areas ?? COMMON_PARTICIPANT_AREAS;
    const sure = findByLabel(ctx.doc, candidates, labels.sure, true, areas);
    const hit = sure ?? (labels.unsure?.length ? findByLabel(ctx.doc, candidates, labels.unsure, true, areas) : null);
    if (!hit) return null;
    const evidence = `${hit.selector} (${what})`;
    if (present === 'fail') return fail(evidence, via);
    return sure ? pass(evidence, via) : unknown(`${evidence}, read through a label no vendor help page confirms: confirm on the page`);
  });

export const namedSwitch = (labels: LabelPair, safeWhenOn: boolean) =>
  probed<SwitchProbe>('switch', (_ctx, env) =>
    env.controls ? switchVerdict(switchIn(env.controls, labels), safeWhenOn, env.where ?? 'settings') : null,
  );

/** A table row: code or a probe (a probe is a detector too), or alternatives tried in order (the first that decides wins). */
export type Row<P = void> = Detector<P> | readonly Detector<P>[];
export type Table<P = void> = Partial<Record<ItemId, Row<P>>>;

/** What probes read besides the page: participant areas, the control index of this read, where the page is. */
export interface ProbeEnv {
  areas?: readonly string[];
  /** The read's control index (switches.ts controlSlot), for switch probes. */
  controls?: ControlIndex;
  /** Where the controls are, said first in a switch's evidence ("profile settings", "Security menu"). */
  where?: string;
}

/** Compile a row into one detector: probes get the table's environment, code gets the adapter's page. */
export function detector<P>(row: Row<P>, env: ProbeEnv = {}): Detector<P> {
  const steps = (Array.isArray(row) ? row : [row]) as readonly Detector<P>[];
  return (ctx, page) => {
    for (const step of steps) {
      const f = 'kind' in step ? (step as Detector<unknown>)(ctx, { env }) : step(ctx, page);
      if (f) return f;
    }
    return null;
  };
}

/** The items a platform has no notion of, each with the reason shown to the teacher. Declared once per adapter. */
export type NotApplicable = Partial<Record<ItemId, string>>;

/** `coverage` from the one n/a declaration and the read/confirm table of the other items (the compiler wants every item). */
export function coverageOf<N extends NotApplicable>(na: N, rest: Record<Exclude<ItemId, keyof N>, Exclude<Coverage, 'n/a'>>): Record<ItemId, Coverage> {
  const out = {} as Record<ItemId, Coverage>;
  for (const id of ITEM_IDS) out[id] = id in na ? 'n/a' : (rest as Record<ItemId, Coverage>)[id];
  return out;
}

export interface TableOptions<P> extends ProbeEnv {
  /** Why an item stays to confirm when its row found nothing. */
  unread: (id: ItemId, page: P) => string;
  /** The unverified-label log the adapter's finders write to: reset before each row, and a pass read through one capped. */
  weak?: WeakUse & { resetWeak(): void };
}

/**
 * Read every item: n/a items answer n/a (nothing runs), the others run their row (guarded, one at a time, in checklist
 * order), and an item without a row, or whose row finds nothing, is unknown with the adapter's reason.
 */
export function readTable<P>(platform: string, table: Table<P>, na: NotApplicable, ctx: ReadContext, page: P, options: TableOptions<P>): Findings {
  const rows: Partial<Record<ItemId, Row<P> | 0>> = {};
  for (const id of ITEM_IDS) rows[id] = table[id] ?? 0;
  const { weak } = options;
  return runDetectors(
    platform,
    rows,
    (row, id) => {
      if (id in na) return notApplicable(na[id]!);
      if (!row) return null;
      weak?.resetWeak();
      const f = detector(row, options)(ctx, page);
      return weak ? capUnverified(f, weak, unknown) : f;
    },
    (id) => options.unread(id, page),
  );
}
