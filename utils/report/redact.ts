/**
 * What leaves the page in a report must not carry secrets. Meeting URLs often hold the passcode (Zoom `pwd=`,
 * Teams `p=`, old Webex `PW=`), a join or start token (Jitsi `jwt=`, Zoom `zak=`, Whereby `roomKey=`), a session
 * token, credentials, or a person's name, id or address (BigBlueButton `fullName=`/`userID=`/`avatarURL=`, Webex
 * `principal=`, Jitsi `#userInfo.displayName=`). Links also hide inside other links (Outlook safe links `url=`,
 * Google `/url?q=`), inside free text, and are typed without a scheme. Pure functions; never throw.
 * The gaps each rule closes: /work/shared/reference/safeguarding-map.md "Link redaction holes".
 */

/** Query parameters dropped outright (case-insensitive). Why each: see the comment beside it. */
const SECRET_PARAMS = [
  'pwd', // Zoom meeting passcode (zoom.us/j/<id>?pwd=…)
  'p', // Teams meeting passcode (teams.microsoft.com/meet/<id>?p=…, teams.live.com/meet/<id>?p=…)
  'pw', // old Webex j.php links (?MTID=…&PW=…)
  'principal', // Webex: the signed-in user's address
  'zak', // Zoom host start token (JWT or not)
  'roomkey', // Whereby host room key
  'externalid', // Whereby: the embedding app's id for the participant
  'userid', // BigBlueButton join: the participant's id
  'avatarurl', // BigBlueButton join: the participant's picture
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
  'jsessionid',
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
  'data', // Outlook safe links: the recipient's tenant and address, encoded
  'reserved',
  'ust', // Google redirect signature
  'usg',
] as const;

/** Parameters that carry a person's name or address: dropped (names are never passed on from a URL). */
const NAME_PARAMS = ['name', 'fullname', 'full_name', 'displayname', 'display_name', 'username', 'user_name', 'uname', 'user', 'email', 'mail', 'e-mail', 'login', 'firstname', 'lastname', 'nickname', 'authuser'] as const;

const DROP = new Set<string>([...SECRET_PARAMS, ...NAME_PARAMS]);

/**
 * An e-mail address. Not a Teams thread id: `19:meeting_…@thread.v2`, `19:…@thread.tacv2` or `@thread.skype` is a
 * conversation, not a person, and is kept.
 */
const EMAIL = /[A-Z0-9._%+-]+@(?!thread\.(?:v2|tacv2|skype)(?![A-Z0-9]))[A-Z0-9.-]+\.[A-Z]{2,}(?![A-Z0-9])/gi;
const ENCODED_EMAIL = /[A-Z0-9._%+-]+%40(?!thread\.(?:v2|tacv2|skype)(?![A-Z0-9]))[A-Z0-9.-]+\.[A-Z]{2,}(?![A-Z0-9])/gi;
/** A JSON Web Token: three base64url parts, the first starting with `eyJ` ('{"'). */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[removed]';

/** Test without the /g regexes' lastIndex state. */
const has = (re: RegExp, s: string): boolean => new RegExp(re.source, 'i').test(s);

function isSecretName(name: string): boolean {
  const n = name.toLowerCase();
  if (DROP.has(n)) return true;
  // token-ish names: sessionToken, x-auth-token, meeting_password, hostKey, user_pwd, …
  return /(token|passw|passcode|pwd|secret|jwt|session|auth|signature)/.test(n) || /key$/.test(n);
}

function scrubValue(value: string): string {
  return value.replace(JWT, REDACTED).replace(EMAIL, REDACTED).replace(ENCODED_EMAIL, REDACTED);
}

const TEAMS_HOST = /(^|\.)teams\.(microsoft|live)\.com$/i;

/** Filter a query string's pairs (used for the URL's own query and a Teams hash's query). */
function filterParams(params: URLSearchParams, origin: string, depth: number): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of params) {
    if (isSecretName(name)) continue;
    if (has(JWT, value) || has(EMAIL, value) || has(ENCODED_EMAIL, value)) continue;
    // A link inside the link (safe links `url=`, Google `q=`, a Teams launcher's relative `url=/_#/l/…`): clean it too.
    const inner = value.trim();
    if (/^https?:\/\//i.test(inner) || /^[a-z0-9-]+(\.[a-z0-9-]+)+\.[a-z]{2,}\//i.test(inner)) {
      const clean = depth < 4 ? redactUrlAt(inner, depth + 1) : '';
      if (clean) kept.push([name, clean]);
      continue;
    }
    if (inner.startsWith('/') && /[?#]/.test(inner)) {
      const clean = depth < 4 ? redactUrlAt(origin + inner, depth + 1) : '';
      if (clean.startsWith(origin)) kept.push([name, clean.slice(origin.length)]);
      continue;
    }
    kept.push([name, value]);
  }
  return kept;
}

function withScheme(raw: string): string {
  // A link typed without a scheme (zoom.us/j/8123?pwd=abc, www.example.org/x): read it as https.
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i.test(raw)) return raw;
  if (/^\/\//.test(raw)) return `https:${raw}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#]|$)/i.test(raw)) return `https://${raw}`;
  return raw;
}

function redactUrlAt(raw: string, depth: number): string {
  let u: URL;
  try {
    u = new URL(withScheme(String(raw ?? '').trim()));
  } catch {
    return '';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
  u.username = '';
  u.password = '';
  // The hash is dropped (Jitsi puts display names and config there), except a Teams web route, which holds the
  // meeting id (/_#/l/meetup-join/19:meeting_…@thread.v2/0?context=…): its path is kept, its query filtered.
  let hash = '';
  if (TEAMS_HOST.test(u.hostname) && u.hash.startsWith('#/')) {
    const body = u.hash.slice(1);
    const q = body.indexOf('?');
    const path = scrubValue(q < 0 ? body : body.slice(0, q)).replace(/;[^/]*/g, '');
    const query = q < 0 ? '' : new URLSearchParams(filterParams(new URLSearchParams(body.slice(q + 1)), u.origin, depth)).toString();
    hash = `#${path}${query ? `?${query}` : ''}`;
  }
  u.hash = '';
  const kept = filterParams(u.searchParams, u.origin, depth);
  u.search = '';
  for (const [name, value] of kept) u.searchParams.append(name, value);
  // Paths can hold an address (/user/jane@school.org), a token segment, or a path parameter (;jsessionid=…).
  u.pathname = scrubValue(u.pathname.replace(/;[^/]*/g, ''));
  return `${u.href}${hash}`;
}

/**
 * Returns the URL without credentials, hash (a Teams meeting route excepted), secret or name-bearing parameters,
 * path parameters, with e-mail addresses and JWTs removed from the path and remaining values, and links inside it
 * cleaned the same way. A link without a scheme is read as https. Non-http(s) or unparsable input returns ''.
 */
export function redactUrl(raw: string): string {
  return redactUrlAt(raw, 0);
}

function normalised(link: string): string {
  try {
    return new URL(withScheme(link)).href;
  } catch {
    return '';
  }
}

/** Trailing punctuation that ends a sentence, not the link. */
const TRAIL = /[.,;:!?]+$/;
/** A link with a scheme, or a host.tld followed by a path, query or hash (typed without a scheme). */
const LINK = /(?:https?:\/\/[^\s<>"'\]]+|(?<![\w@./:%-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?[/?#][^\s<>"'\]]*)/gi;

/** Redact every link found inside free text (evidence notes, selected text, facts), with or without a scheme. */
export function redactUrlsInText(text: string): string {
  return String(text ?? '').replace(LINK, (m) => {
    const trail = TRAIL.exec(m)?.[0] ?? '';
    let link = trail ? m.slice(0, -trail.length) : m;
    // A link closed by a parenthesis that was opened before it: "(see https://…)".
    let close = '';
    if (link.endsWith(')') && !link.includes('(')) {
      close = ')';
      link = link.slice(0, -1);
    }
    const schemeless = !/^https?:\/\//i.test(link);
    const clean = redactUrl(link);
    // Nothing removed: keep the words exactly as typed (no normalised host case or encoding).
    if (clean && clean === normalised(link)) return m;
    const shown = clean ? (schemeless ? clean.replace(/^https:\/\//, '') : clean) : REDACTED;
    return `${shown}${close}${trail}`;
  });
}
