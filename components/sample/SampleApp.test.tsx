import { describe, expect, it } from 'vitest';
import { sampleFileName, sampleTabId } from './SampleApp';

describe('sample page helpers', () => {
  it('reads the tab id from ?tab=, nothing else', () => {
    expect(sampleTabId('?tab=42')).toBe(42);
    for (const bad of ['', '?tab=', '?tab=0', '?tab=-3', '?tab=1.5', '?tab=abc']) expect(sampleTabId(bad), bad).toBeNull();
  });

  it('names the file after the platform and the day only (no room, no person)', () => {
    expect(sampleFileName({ platform: 'google-meet', capturedOn: '2026-12-02' })).toBe('vigie-sample-google-meet-2026-12-02.html');
    expect(sampleFileName({ platform: null, capturedOn: '2026-12-02' })).toBe('vigie-sample-page-2026-12-02.html');
    expect(sampleFileName({ platform: '../../x', capturedOn: '2026-12-02' })).toBe('vigie-sample-x-2026-12-02.html');
  });
});
