/**
 * What leaves the page in a report must not carry secrets. Meeting URLs often hold the passcode (Zoom `pwd=`),
 * a join token (Jitsi `jwt=`, Webex/BBB tokens), a session token, credentials, or a person's name or e-mail
 * address (BigBlueButton `fullName=`, Jitsi `#userInfo.displayName=`). Pure functions; never throw.
 */

/** Query parameters dropped outright (case-insensitive). Why each: see the comment beside it. */
const SECRET_PARAMS = [
  'pwd', // Zoom meeting passcode (zoom.us/j/<id>?pwd=…)
  'pass',
  'passwd',
  'password',
  'passcode',
  'pin',
  'tk', // Zoom registration token
  'token',
  'access_token',
  'id_token',
  'refresh_token',
  'sessiontoken', // BigBlueButton session token
  'session',
  'sessionid',
  'sid',
  'jwt', // Jitsi JWT auth
  'auth',
  'authorization',
  'key',
  'apikey',
  'api_key',
  'secret',
  'signature',
  'sig',
  'checksum', // BigBlueButton join checksum
  'code', // OAuth codes
  'ticket',
  'otp',
  'mtid', // Webex meeting-join id with embedded credentials
] as const;

/** Parameters that carry a person's name or address: dropped (names are never passed on from a URL). */
const NAME_PARAMS = ['name', 'fullname', 'full_name', 'displayname', 'display_name', 'username', 'user_name', 'uname', 'user', 'email', 'mail', 'e-mail', 'login', 'firstname', 'lastname', 'nickname'] as const;

const DROP = new Set<string>([...SECRET_PARAMS, ...NAME_PARAMS]);

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const ENCODED_EMAIL = /[A-Z0-9._%+-]+%40[A-Z0-9.-]+\.[A-Z]{2,}/gi;
/** A JSON Web Token: three base64url parts, the first starting with `eyJ` ('{"'). */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[removed]';

/** Test without the /g regexes' lastIndex state. */
const has = (re: RegExp, s: string): boolean => new RegExp(re.source, 'i').test(s);

function isSecretName(name: string): boolean {
  const n = name.toLowerCase();
  if (DROP.has(n)) return true;
  // token-ish names: sessionToken, x-auth-token, meeting_password, …
  return /(token|passw|passcode|secret|jwt|session)/.test(n);
}

function scrubValue(value: string): string {
  return value.replace(JWT, REDACTED).replace(EMAIL, REDACTED).replace(ENCODED_EMAIL, REDACTED);
}

/**
 * Returns the URL without credentials, hash, secret or name-bearing parameters, with e-mail addresses and
 * JWTs removed from the path and remaining values. Non-http(s) or unparsable input returns ''.
 */
export function redactUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(String(raw ?? '').trim());
  } catch {
    return '';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
  u.username = '';
  u.password = '';
  u.hash = '';
  const kept: [string, string][] = [];
  for (const [name, value] of u.searchParams) {
    if (isSecretName(name)) continue;
    if (has(JWT, value) || has(EMAIL, value) || has(ENCODED_EMAIL, value)) continue;
    kept.push([name, value]);
  }
  u.search = '';
  for (const [name, value] of kept) u.searchParams.append(name, value);
  // Paths can hold an address (/user/jane@school.org) or a token segment.
  u.pathname = scrubValue(u.pathname);
  return u.href;
}

/** Redact every http(s) URL found inside free text (evidence notes, selected text). */
export function redactUrlsInText(text: string): string {
  return String(text ?? '').replace(/https?:\/\/[^\s<>"')\]]+/gi, (m) => redactUrl(m) || REDACTED);
}
