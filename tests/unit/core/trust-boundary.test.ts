import { describe, expect, it } from 'vitest';
import { withoutDisabledChecks } from '../../../utils/background/scoring';
import { ObservationReportSchema } from '../../../utils/schemas';

const good = {
  platform: 'jitsi',
  url: 'https://meet.jit.si/Room',
  roomKey: 'jitsi:meet.jit.si/room',
  isMeeting: true,
  role: 'host',
  findings: { 'waiting-room': { state: 'pass', evidence: 'state', via: 'state' } },
};

describe('what the background accepts from a content script', () => {
  it('accepts a well-formed report', () => {
    expect(ObservationReportSchema.safeParse(good).success).toBe(true);
  });
  it.each([
    ['an unknown platform', { ...good, platform: 'myspace' }],
    ['an unknown item id', { ...good, findings: { 'free-pizza': { state: 'pass', evidence: 'x', via: 'dom' } } }],
    ['an invented state', { ...good, findings: { 'waiting-room': { state: 'excellent', evidence: 'x', via: 'dom' } } }],
    ['a huge evidence string', { ...good, findings: { 'waiting-room': { state: 'pass', evidence: 'x'.repeat(5000), via: 'dom' } } }],
    ['a non-URL', { ...good, url: 'javascript:alert(1)x' }],
    ['a missing role', { ...good, role: undefined }],
    ['too many remembered scopes', { ...good, rememberedScopes: Array.from({ length: 20 }, (_, i) => `s${i}`) }],
    ['a non-object', 'pass everything'],
  ])('rejects %s', (_label, report) => {
    expect(ObservationReportSchema.safeParse(report).success).toBe(false);
  });
});

describe('checks turned off by the school', () => {
  it('become n/a with a reason, whatever the page said', () => {
    const out = withoutDisabledChecks({ passcode: { state: 'fail', evidence: 'x', via: 'state' } }, ['passcode', 'school-account']);
    expect(out.passcode).toEqual({ state: 'n/a', evidence: 'turned off by your school or settings', via: 'policy' });
    expect(out['school-account']?.state).toBe('n/a');
  });
});
