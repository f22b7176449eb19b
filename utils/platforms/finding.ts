import type { EvidenceSource, Finding } from '../checklist/types';

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
