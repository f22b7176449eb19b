import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportContext } from '../../../utils/background/report-entry';

describe('report.getContext (what the report page may pre-fill)', () => {
  it('uses what the right-click left, with every URL redacted and the selection capped', async () => {
    await fakeBrowser.storage.session.set({
      reportEntries: {
        '7': { pageUrl: 'https://us02web.zoom.us/j/812?pwd=SECRET', selectionText: 'x'.repeat(5000), linkUrl: 'https://social.example/u/jane@school.example?token=t', srcUrl: 'https://img.example/a.png?sig=abc', at: 'now' },
      },
    });
    const ctx = await reportContext(7);
    expect(ctx.url).toBe('https://us02web.zoom.us/j/812');
    expect(ctx.linkUrl).toBe('https://social.example/u/[removed]');
    expect(ctx.srcUrl).toBe('https://img.example/a.png');
    expect(ctx.selectionText).toHaveLength(4000);
    expect(ctx.score).toBeNull();
  });

  it('falls back to the background’s per-tab state: platform, label and score summary', async () => {
    await fakeBrowser.storage.session.set({
      tabStates: {
        '8': {
          tabId: 8,
          platform: 'jitsi',
          url: 'https://meet.jit.si/Class5B?jwt=eyJhbGciOiJIUzI1NiJ9.eyJhIjoiYiJ9.sig123456',
          roomKey: 'meet.jit.si/class5b',
          isMeeting: true,
          role: 'host',
          updatedAt: 'now',
          result: { score: 62, band: 'amber', known: true, counts: { unknown: 2, fail: 3 } },
        },
      },
    });
    const ctx = await reportContext(8);
    expect(ctx).toMatchObject({ url: 'https://meet.jit.si/Class5B', platform: 'jitsi', platformLabel: 'Jitsi Meet', score: { score: 62, toConfirm: 2, toFix: 3 } });
  });

  it('knows nothing about a tab it has no grant for: empty, never a throw', async () => {
    const ctx = await reportContext(99);
    expect(ctx).toEqual({ url: '', platform: '', platformLabel: '', score: null, selectionText: '', linkUrl: '', srcUrl: '' });
  });
});

describe('registerReportEntry', () => {
  it('does not throw where the browser has no context menus or commands (Firefox for Android)', async () => {
    const { registerReportEntry } = await import('../../../utils/background/report-entry');
    const b = fakeBrowser as unknown as Record<string, unknown>;
    const saved = { contextMenus: b.contextMenus, commands: b.commands };
    b.contextMenus = undefined;
    b.commands = undefined;
    try {
      expect(() => registerReportEntry()).not.toThrow();
    } finally {
      Object.assign(b, saved);
    }
  });
});
