/**
 * Role reading, one shape for every adapter: the role, the hook that told it (for the finding's evidence) and which
 * kind of evidence it was. A role is read from stable controls only the host (or a teacher) is shown; never from
 * names or chat, and unknown is never host.
 */
import type { ReadContext, Role } from '../types';
import { findByLabel, firstMatch, COMMON_PARTICIPANT_AREAS } from './dom';

export type RoleVia = 'state' | 'dom' | 'aria' | 'url' | 'none';

export interface RoleReading {
  role: Role;
  /** e.g. `button[aria-label="End"] (the footer shows "End" to the host)`. */
  evidence: string;
  /** Which kind of hook told the role (some items only trust a role read in the page, not from the URL). */
  via?: RoleVia;
}

/** Nothing on the page told the role. */
export const ROLE_NOT_SHOWN: Readonly<RoleReading> = { role: 'unknown', via: 'none', evidence: 'role not shown' };

/**
 * One row of a role table: when one of `selectors` (or an element of `candidates` named one of `labels`) is shown
 * and usable, the role is `role`, and the evidence is the hook followed by `(why)`.
 */
export interface RoleProbe {
  role: Role;
  selectors?: readonly string[];
  labels?: { candidates: string; names: readonly string[] };
  via?: RoleVia;
  why: string;
}

/** The first row whose hook is shown decides; none shown = ROLE_NOT_SHOWN (or `fallback`). `via`: rows' default. */
export function roleFrom(doc: ParentNode, probes: readonly RoleProbe[], areas: readonly string[] = COMMON_PARTICIPANT_AREAS, fallback: RoleReading = ROLE_NOT_SHOWN, via: RoleVia = 'dom'): RoleReading {
  for (const p of probes) {
    const hit = p.selectors ? firstMatch(doc, p.selectors, areas) : p.labels ? findByLabel(doc, p.labels.candidates, p.labels.names, true, areas) : null;
    if (hit) return { role: p.role, via: p.via ?? via, evidence: `${hit.selector} (${p.why})` };
  }
  return fallback;
}

/** The adapter's `role(ctx)` from its role reader. */
export const roleOf =
  (read: (ctx: ReadContext) => RoleReading) =>
  (ctx: ReadContext): Role =>
    read(ctx).role;
