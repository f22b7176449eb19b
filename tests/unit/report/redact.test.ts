import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactUrl, redactUrlsInText } from '../../../utils/report/redact';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJyb29tIjoiY2xhc3MiLCJzdWIiOiJtZWV0In0.abc123DEF456';

describe('redactUrl', () => {
  it.each([
    ['https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ', 'https://us02web.zoom.us/j/81234567890'],
    ['https://zoom.us/w/8123?tk=abcDEF&uname=Jane%20Doe', 'https://zoom.us/w/8123'],
    [`https://meet.jit.si/Class5B?jwt=${JWT}#config.prejoinConfig.enabled=false&userInfo.displayName="Jane"`, 'https://meet.jit.si/Class5B'],
    ['https://bbb.school.example/bigbluebutton/api/join?fullName=Jane+Doe&meetingID=m1&password=ap&checksum=0a1b', 'https://bbb.school.example/bigbluebutton/api/join?meetingID=m1'],
    ['https://bbb.school.example/html5client/join?sessionToken=zx81abc', 'https://bbb.school.example/html5client/join'],
    ['https://user:secret@meet.example.org/room?lang=fr', 'https://meet.example.org/room?lang=fr'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7B%22Tid%22%3A%22t%22%7D'],
    ['https://meet.google.com/abc-defg-hij?authuser=jane.doe@school.example', 'https://meet.google.com/abc-defg-hij'],
    ['https://forum.example/u/jane.doe@school.example/posts', 'https://forum.example/u/[removed]/posts'],
    ['https://forum.example/u/jane.doe%40school.example', 'https://forum.example/u/[removed]'],
    ['https://site.example/page?x-auth-token=1&meeting_password=2&q=ok', 'https://site.example/page?q=ok'],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('returns "" for what is not an http(s) URL', () => {
    for (const bad of ['', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'chrome://settings', null as unknown as string]) expect(redactUrl(bad)).toBe('');
  });

  it('never lets a passcode, token or address through, whatever the rest of the URL (fuzz)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/);
    const name = fc.constantFrom('pwd', 'PWD', 'passcode', 'token', 'sessionToken', 'jwt', 'tk', 'password', 'fullName', 'email');
    const other = fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z0-9]{0,6}$/)), { maxLength: 4 });
    fc.assert(
      fc.property(secret, name, other, (s, n, rest) => {
        const u = new URL('https://meet.example.org/room');
        for (const [k, v] of rest) u.searchParams.append(k, v);
        u.searchParams.append(n, `SECRET${s}`);
        u.hash = `pw=${s}`;
        const out = redactUrl(u.href);
        expect(out).not.toContain(`SECRET${s}`);
        expect(out).not.toContain('#');
      }),
    );
  });

  it('redacts URLs inside free text and leaves the words', () => {
    expect(redactUrlsInText('He posted https://zoom.us/j/1?pwd=abc in chat at 10:02')).toBe('He posted https://zoom.us/j/1 in chat at 10:02');
    expect(redactUrlsInText('no link here')).toBe('no link here');
  });
});
