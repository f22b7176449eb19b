import { describe, expect, it } from 'vitest';
import { boundaryContext, dismiss, dismissalKeys, isDismissed, shortChannel } from '../../../utils/background/boundaries';
import { userSettingsItem, boundaryDismissalsItem } from '../../../utils/storage';

const THREAD = 'https://www.messenger.com/t/100012345678901';

describe('boundary context from the background', () => {
  it('defaults: every feature on, default school hours, nothing approved or dismissed', async () => {
    const c = await boundaryContext(THREAD, 'social');
    expect(c).toMatchObject({ socialBanner: true, outOfHours: true, contactDetails: true, approved: false, dismissed: false, outOfHoursMode: 'nudge', schoolChannels: [] });
    // The browser's own zone (issue 15), no longer America/Toronto for everyone; tests/setup.ts pins TZ=UTC.
    expect(c.schoolHours.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('follows the user’s settings: features off, approved channels named, confirm mode', async () => {
    await userSettingsItem.setValue({ disabledFeatures: ['socialBanner', 'contactDetails'], approvedChannels: ['https://www.facebook.com/ecole.exemple/'], outOfHoursMode: 'confirm' });
    const c = await boundaryContext('https://www.facebook.com/messages/t/ecole.exemple', 'social');
    expect(c).toMatchObject({ socialBanner: false, outOfHours: true, contactDetails: false, approved: true, outOfHoursMode: 'confirm', schoolChannels: ['facebook.com/ecole.exemple'] });
  });

  it('a corrupt setting falls back to its default alone', async () => {
    await userSettingsItem.setValue({ disabledFeatures: 'all' as never, studentDomains: ['eleves.exemple.ca'] });
    const c = await boundaryContext(THREAD, 'composer');
    expect(c.socialBanner).toBe(true);
    expect(c.studentDomains).toEqual(['eleves.exemple.ca']);
  });
});

describe('dismissals', () => {
  it('a conversation dismissal hides that thread only, for 30 days, without storing the thread id in clear', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(await dismiss(THREAD, 'conversation', now)).toBe(true);
    expect(await isDismissed(THREAD, now + 29 * 86_400_000)).toBe(true);
    expect(await isDismissed(THREAD, now + 31 * 86_400_000)).toBe(false);
    expect(await isDismissed('https://www.messenger.com/t/2', now)).toBe(false);
    expect(JSON.stringify(await boundaryDismissalsItem.getValue())).not.toContain('100012345678901');
  });

  it('a site dismissal covers every conversation on the site for 7 days', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    await dismiss(THREAD, 'site', now);
    expect(await isDismissed('https://www.messenger.com/t/2', now + 6 * 86_400_000)).toBe(true);
    expect(await isDismissed('https://www.messenger.com/t/2', now + 8 * 86_400_000)).toBe(false);
    expect(await isDismissed('https://www.instagram.com/direct/inbox/', now)).toBe(false);
  });

  it('expired entries are dropped on write, corrupt ones ignored', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    await boundaryDismissalsItem.setValue({ 'site:old.example': '2020-01-01T00:00:00Z', junk: 42 as never });
    await dismiss(THREAD, 'site', now);
    const stored = await boundaryDismissalsItem.getValue();
    expect(Object.keys(stored)).toEqual([(await dismissalKeys(THREAD)).site]);
  });

  it('conversation scope on a non-messaging URL does nothing', async () => {
    expect(await dismiss('https://www.facebook.com/', 'conversation')).toBe(false);
  });

  it('shortens channel names for display', () => {
    expect(shortChannel('https://www.facebook.com/ecole.exemple/')).toBe('facebook.com/ecole.exemple');
    expect(shortChannel('www.example.org')).toBe('example.org');
  });
});
