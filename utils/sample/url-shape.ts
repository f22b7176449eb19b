/**
 * Addresses in a page sample without who or which room: route words stay, every other word keeps only its shape,
 * query and hash values are replaced (secrets and people by "x").
 */

/** Route words kept in a URL path (and in hash routes); every other word keeps only its shape (letters → x/X, digits → 0). */
const ROUTE_WORDS = new Set([
  'wc', 'j', 's', 'w', 'join', 'start', 'meeting', 'meetings', 'meet', 'rooms', 'room', 'html5', 'html5client', 'client', 'b', 'signin', 'sign_in', 'settings',
  'setting', 'profile', 'webinar', 'webinars', 'l', 'v2', 'launcher', 'u', 'c', 'r', 'h', 'class', 'classes', 'stream', 'courses', 'course', 'people',
  'classwork', 'details', 'teacher', 'student', 'students', 'parent', 'messages', 'conversations', 'chat', 'calls', 'call', 'calling', 'pre', 'prejoin',
  'lobby', 'recording', 'recordings', 'security', 'schedule', 'scheduler', 'options', 'meetingoptions', 'teams', 'app', 'apps', 'web', 'webapp', 'v', 'share',
  'go', 'home', 'my', 'admin', 'account', 'user', 'users', 'edit', 'new', 'view', 'launch', 'index', 'html', 'php', 'static', 'dashboard', 'manage',
  'classroom', 'story', 'stories', 'portfolio', 'journal', 'journals', 'feed', 'activities', 'library', 'webclient', 'sites', 'landing', 'guest', 'lti',
  'points', 'launchpad', 'schools', 'school', 'display', 'pending', 'family', 'lookup', 'meetup', 'thread', 'tacv2', 'person', 'general', 'channel',
  'en', 'fr', 'us', 'ca', 'gb', 'true', 'false', 'signoutoptions', '19',
]);
/** Query and hash keys whose values are settings or routes, never people or secrets; their short word values are kept. */
const SAFE_QUERY_KEYS = new Set(['tab', 'settings', 'settingstab', 'schoolsettings', 'ctx', 'language', 'lang', 'hl', 'view', 'mode', 'section', 'page']);

function shapeWords(text: string): string {
  return text.replace(/[A-Za-z0-9]+/g, (word) => {
    if (ROUTE_WORDS.has(word.toLowerCase())) return word;
    // A hexadecimal id (digits and a-f mixed) stays hexadecimal: 0s.
    if (/^[0-9a-f]+$/i.test(word) && /[0-9]/.test(word) && /[a-f]/i.test(word)) return '0'.repeat(word.length);
    return word.replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X').replace(/[0-9]/g, '0');
  });
}

/** Query keys whose values are secrets or people: only "x" is written, not even their shape. */
const SECRET_QUERY_KEY = /(pwd|pass|code|token|jwt|secret|key|auth|sig|name|mail|user|email|uname|nick|tk|ticket|session)/i;

function shapeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    /* keep as is */
  }
  // Letters outside ASCII (a name with accents) are shaped too: only route words and punctuation stay.
  return encodeURIComponent(shapeWords(decoded.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).replace(/[^\x20-\x7e]/g, 'x')).replace(/%3A/gi, ':').replace(/%40/g, '@');
}

function shapeQuery(params: URLSearchParams): string {
  const out: string[] = [];
  for (const [key, value] of params) {
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(key)) continue;
    const keep = SAFE_QUERY_KEYS.has(key.toLowerCase()) && /^[A-Za-z-]{1,16}$/.test(value);
    const shaped = SECRET_QUERY_KEY.test(key) ? 'x' : encodeURIComponent(shapeWords(value.slice(0, 200)).replace(/[^\x20-\x7e]/g, 'x')).replace(/%3A/gi, ':').replace(/%40/g, '@');
    out.push(`${key}=${keep ? value : shaped}`);
  }
  return out.join('&');
}

function shapePathAndQuery(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q < 0 ? '' : shapeQuery(new URLSearchParams(pathAndQuery.slice(q + 1)));
  return path.split('/').map((s) => (s ? shapeSegment(s) : s)).join('/') + (query ? `?${query}` : '');
}

/**
 * The page's address without who or which room: origin, route words, every other word reduced to its shape, query
 * and hash keys kept with their values replaced (so "?pwd=" is still seen, never the passcode). A hash route
 * ("#/classes/<id>") is shaped like a path.
 */
export function urlShape(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return 'https://invalid.invalid/';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'https://invalid.invalid/';
  const pathAndQuery = shapePathAndQuery(url.pathname + url.search);
  let hash = '';
  if (url.hash.startsWith('#/')) hash = `#${shapePathAndQuery(url.hash.slice(1))}`;
  else if (url.hash.length > 1) {
    const h = shapeQuery(new URLSearchParams(url.hash.slice(1)));
    hash = h ? `#${h}` : '';
  }
  return `${url.origin}${pathAndQuery}${hash}`;
}

/** A link keeps the shape of where it goes (a settings page link is a hook), never its ids or query values. */
export function hrefShape(value: string): string {
  const v = value.trim();
  if (!/^https?:/i.test(v) && !v.startsWith('/')) return '#';
  try {
    const shaped = urlShape(new URL(v, 'https://relative.invalid/'));
    return v.startsWith('/') && !v.startsWith('//') ? shaped.replace('https://relative.invalid', '') : shaped;
  } catch {
    return '#';
  }
}
