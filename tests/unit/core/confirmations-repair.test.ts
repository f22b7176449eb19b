import { describe, expect, it } from 'vitest';
import { repairConfirmations } from '../../../utils/storage';

/** Stored confirmations are repaired room by room: a bad room is dropped, the others kept (never all lost). */
describe('repairConfirmations', () => {
  it.each([
    ['not an object', 'junk', {}],
    ['an array', [1, 2], {}],
    ['a good room', { r1: { passcode: { at: '2026-11-20T10:00:00Z' } } }, { r1: { passcode: { at: '2026-11-20T10:00:00Z' } } }],
    ['extra fields are dropped', { r1: { passcode: { at: 'x', by: 'page' } } }, { r1: { passcode: { at: 'x' } } }],
    ['an unknown item id drops that room only', { r1: { 'not-an-item': { at: 'x' } }, r2: { 'recording-control': { at: 'y' } } }, { r2: { 'recording-control': { at: 'y' } } }],
    ['a bad room is dropped, the good one kept', { bad: { passcode: { at: 7 } }, good: { 'waiting-room': { at: 'y' } } }, { good: { 'waiting-room': { at: 'y' } } }],
    ['a too-long date is refused', { r1: { passcode: { at: 'x'.repeat(41) } } }, {}],
    ['a null entry is refused', { r1: { passcode: null } }, {}],
    ['an empty room is kept empty', { r1: {} }, { r1: {} }],
  ])('%s', (_name, raw, expected) => {
    expect(repairConfirmations(raw)).toEqual(expected);
  });
});
