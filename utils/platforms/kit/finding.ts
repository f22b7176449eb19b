import type { ItemId } from '../../checklist/items';
import type { EvidenceSource, Finding, Findings } from '../../checklist/types';

/** Terse constructors so adapter tables read as data: `pass('state: features/lobby.lobbyEnabled = true', 'state')`. */
export const pass = (evidence: string, via: EvidenceSource, extra: Partial<Finding> = {}): Finding => ({ state: 'pass', evidence, via, ...extra });
export const fail = (evidence: string, via: EvidenceSource, extra: Partial<Finding> = {}): Finding => ({ state: 'fail', evidence, via, ...extra });
export const unknown = (evidence: string): Finding => ({ state: 'unknown', evidence, via: 'none' });
export const notApplicable = (evidence: string): Finding => ({ state: 'n/a', evidence, via: 'none' });

/** pass when `value` is the safe value, fail when it is the unsafe one, null when it is neither (not read). */
export function fromBoolean(value: unknown, safeWhen: boolean, evidence: string, via: EvidenceSource, extra: Partial<Finding> = {}): Finding | null {
  if (typeof value !== 'boolean') return null;
  return value === safeWhen ? pass(evidence, via, extra) : fail(evidence, via, extra);
}

/**
 * Run every item's detector, each guarded on its own: a detector that throws on odd DOM gives `unknown` naming the
 * platform and item (and never stops the others); one that finds nothing gives `unknown` with the adapter's reason.
 */
export function runDetectors<D>(
  platform: string,
  detectors: Partial<Record<ItemId, D>>,
  call: (detect: D, id: ItemId) => Finding | null,
  unread: (id: ItemId) => string,
): Findings {
  const findings: Findings = {};
  for (const [id, detect] of Object.entries(detectors) as [ItemId, D][]) {
    try {
      findings[id] = call(detect, id) ?? unknown(unread(id));
    } catch (error) {
      // Two usable controls for one label that disagree (a fake switch before the real one): unknown, said plainly.
      findings[id] =
        (error as Error)?.name === 'AmbiguousControl'
          ? unknown(`${platform}/${id}: ${(error as Error).message}`)
          : unknown(`${platform}/${id}: detector error (${(error as Error)?.message ?? 'unknown'})`);
    }
  }
  return findings;
}
