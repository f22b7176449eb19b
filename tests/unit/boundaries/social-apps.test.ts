import { describe, expect, it } from 'vitest';
import { SOCIAL_APPS, SOCIAL_MATCH_PATTERNS, isApprovedChannel, socialMessagingApp } from '../../../utils/boundaries/social-apps';

describe('social apps: messaging views by URL', () => {
  for (const app of SOCIAL_APPS) {
    it.each(app.examples.yes)(`${app.id}: %s is a messaging view`, (url) => expect(socialMessagingApp(url)?.id).toBe(app.id));
    it.each(app.examples.no)(`${app.id}: %s is not`, (url) => expect(socialMessagingApp(url)).toBeNull());
  }

  it('every example URL is covered by the content script’s match patterns (and nothing broader)', () => {
    const covered = (url: string) => SOCIAL_MATCH_PATTERNS.some((p) => new URL(url).hostname === new URL(p.replace('/*', '/')).hostname);
    for (const app of SOCIAL_APPS) for (const url of app.examples.yes) expect(covered(url)).toBe(true);
    for (const p of SOCIAL_MATCH_PATTERNS) expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/\*$/);
  });

  it('is null for junk or non-https URLs', () => {
    expect(socialMessagingApp('not a url')).toBeNull();
    expect(socialMessagingApp('http://www.messenger.com/t/1')).toBeNull();
  });

  it('conversation keys are the thread path only (no query, no hash)', () => {
    const m = SOCIAL_APPS.find((a) => a.id === 'messenger')!;
    expect(m.conversationPath(new URL('https://www.messenger.com/t/123/?x=1#y'))).toBe('/t/123');
    expect(m.conversationPath(new URL('https://www.messenger.com/e2ee/t/456'))).toBe('/e2ee/t/456');
  });
});

describe('approved channels', () => {
  const approved = ['https://www.facebook.com/ecole.exemple', 'discord.com', 'https://www.instagram.com/direct/t/999/', 'not a url/x'];
  it.each([
    ['https://www.facebook.com/ecole.exemple', true],
    ['https://www.facebook.com/ecole.exemple/posts/1', true],
    ['https://www.facebook.com/messages/t/ecole.exemple', true],
    ['https://www.messenger.com/t/ecole.exemple', true],
    ['https://www.facebook.com/ecole.exemple.fake', false],
    ['https://www.facebook.com/messages/t/100012345678901', false],
    ['https://discord.com/channels/@me/1', true],
    ['https://www.instagram.com/direct/t/999', true],
    ['https://www.instagram.com/direct/t/998/', false],
    ['https://www.messenger.com/t/1', false],
  ])('%s → %s', (url, want) => expect(isApprovedChannel(url, approved)).toBe(want));

  it('an empty or hostile list approves nothing', () => {
    expect(isApprovedChannel('https://www.messenger.com/t/1', [])).toBe(false);
    expect(isApprovedChannel('https://www.messenger.com/t/1', ['', '   ', 'https://'])).toBe(false);
  });
});
