/**
 * Personal social apps and the URLs of their MESSAGING views, as data: only those views get the calm banner
 * (a teacher scrolling a feed is not talking to a student). Each app carries example URLs, tested both ways in
 * tests/unit/boundaries/social-apps.test.ts. `matchPatterns` feed the content script's manifest `matches`.
 *
 * Hosts and paths are the public web apps' URL shapes (not live captures):
 *   Messenger  www.messenger.com/t/<thread>, /e2ee/t/<thread>; Facebook www.facebook.com/messages/t/<thread>
 *   WhatsApp   web.whatsapp.com/ (the whole web app is the chat)
 *   Instagram  www.instagram.com/direct/inbox/, /direct/t/<thread>
 *   Snapchat   web.snapchat.com/ (chat web app), www.snapchat.com/web
 *   TikTok     www.tiktok.com/messages
 *   Discord    discord.com/channels/@me (DMs; servers /channels/<guild> are not DMs)
 *   X          x.com/messages, x.com/i/chat (2025 "XChat"), twitter.com/messages
 */

export interface SocialApp {
  id: 'messenger' | 'facebook' | 'whatsapp' | 'instagram' | 'snapchat' | 'tiktok' | 'discord' | 'x';
  label: string;
  matchPatterns: string[];
  /** Is this URL a messaging view of the app? */
  isMessagingView(url: URL): boolean;
  /** A key for "dismiss for this conversation": the thread's path (hashed before storage). */
  conversationPath(url: URL): string;
  examples: { yes: string[]; no: string[] };
}

const host = (url: URL, ...hosts: string[]) => hosts.includes(url.hostname);
const under = (url: URL, ...prefixes: string[]) => prefixes.some((p) => url.pathname === p || url.pathname.startsWith(p.endsWith('/') ? p : `${p}/`));
/** The first `n` path segments (the thread id), without query or hash. */
const firstSegments = (url: URL, n: number) => `/${url.pathname.split('/').filter(Boolean).slice(0, n).join('/')}`;

export const SOCIAL_APPS: readonly SocialApp[] = [
  {
    id: 'messenger',
    label: 'Messenger',
    matchPatterns: ['https://www.messenger.com/*'],
    isMessagingView: (u) => host(u, 'www.messenger.com') && (under(u, '/t', '/e2ee/t') || u.pathname === '/'),
    conversationPath: (u) => firstSegments(u, u.pathname.startsWith('/e2ee/') ? 3 : 2),
    examples: {
      yes: ['https://www.messenger.com/t/100012345678901', 'https://www.messenger.com/e2ee/t/7340000000000000', 'https://www.messenger.com/'],
      no: ['https://www.messenger.com/login/', 'https://www.messenger.com/privacy', 'https://messenger.example.com/t/1'],
    },
  },
  {
    id: 'facebook',
    label: 'Facebook',
    matchPatterns: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
    isMessagingView: (u) => host(u, 'www.facebook.com', 'web.facebook.com') && under(u, '/messages'),
    conversationPath: (u) => firstSegments(u, 3),
    examples: {
      yes: ['https://www.facebook.com/messages/t/100012345678901', 'https://www.facebook.com/messages/e2ee/t/7340000000000000', 'https://web.facebook.com/messages/'],
      no: ['https://www.facebook.com/', 'https://www.facebook.com/groups/123', 'https://www.facebook.com/ecole.exemple', 'https://www.facebook.com/messagesfromthepast'],
    },
  },
  {
    id: 'whatsapp',
    label: 'WhatsApp',
    matchPatterns: ['https://web.whatsapp.com/*'],
    isMessagingView: (u) => host(u, 'web.whatsapp.com'),
    conversationPath: () => '/',
    examples: { yes: ['https://web.whatsapp.com/', 'https://web.whatsapp.com/send?phone=15145550101'], no: ['https://www.whatsapp.com/', 'https://faq.whatsapp.com/'] },
  },
  {
    id: 'instagram',
    label: 'Instagram',
    matchPatterns: ['https://www.instagram.com/*'],
    isMessagingView: (u) => host(u, 'www.instagram.com') && under(u, '/direct'),
    conversationPath: (u) => firstSegments(u, 3),
    examples: {
      yes: ['https://www.instagram.com/direct/inbox/', 'https://www.instagram.com/direct/t/17842000000000000/'],
      no: ['https://www.instagram.com/', 'https://www.instagram.com/ecole.exemple/', 'https://www.instagram.com/p/Cabc123/', 'https://www.instagram.com/directory/'],
    },
  },
  {
    id: 'snapchat',
    label: 'Snapchat',
    matchPatterns: ['https://web.snapchat.com/*', 'https://www.snapchat.com/*'],
    isMessagingView: (u) => host(u, 'web.snapchat.com') || (host(u, 'www.snapchat.com') && under(u, '/web')),
    conversationPath: (u) => firstSegments(u, 2),
    examples: { yes: ['https://web.snapchat.com/', 'https://web.snapchat.com/2b6c1d3e-aaaa-bbbb-cccc-123456789abc', 'https://www.snapchat.com/web'], no: ['https://www.snapchat.com/', 'https://www.snapchat.com/add/someone', 'https://www.snapchat.com/webinar'] },
  },
  {
    id: 'tiktok',
    label: 'TikTok',
    matchPatterns: ['https://www.tiktok.com/*'],
    isMessagingView: (u) => host(u, 'www.tiktok.com') && under(u, '/messages'),
    conversationPath: () => '/messages',
    examples: { yes: ['https://www.tiktok.com/messages', 'https://www.tiktok.com/messages?lang=fr'], no: ['https://www.tiktok.com/', 'https://www.tiktok.com/@someone', 'https://www.tiktok.com/foryou'] },
  },
  {
    id: 'discord',
    label: 'Discord',
    matchPatterns: ['https://discord.com/*'],
    isMessagingView: (u) => host(u, 'discord.com') && under(u, '/channels/@me'),
    conversationPath: (u) => firstSegments(u, 3),
    examples: { yes: ['https://discord.com/channels/@me', 'https://discord.com/channels/@me/112233445566778899'], no: ['https://discord.com/', 'https://discord.com/channels/998877/665544', 'https://discord.com/app'] },
  },
  {
    id: 'x',
    label: 'X',
    matchPatterns: ['https://x.com/*', 'https://twitter.com/*'],
    isMessagingView: (u) => host(u, 'x.com', 'twitter.com') && (under(u, '/messages') || under(u, '/i/chat')),
    conversationPath: (u) => firstSegments(u, u.pathname.startsWith('/i/') ? 3 : 2),
    examples: { yes: ['https://x.com/messages', 'https://x.com/messages/123-456', 'https://x.com/i/chat/123-456', 'https://twitter.com/messages'], no: ['https://x.com/home', 'https://x.com/someone', 'https://x.com/i/bookmarks', 'https://x.com/messagesbot'] },
  },
];

export const SOCIAL_MATCH_PATTERNS: string[] = SOCIAL_APPS.flatMap((a) => a.matchPatterns);

/** The social app whose messaging view this is, or null. Never throws on a bad URL. */
export function socialMessagingApp(href: string): SocialApp | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return SOCIAL_APPS.find((a) => a.isMessagingView(url)) ?? null;
}

/**
 * Is this URL one of the school's approved channels (policy `approvedChannels`: full URLs such as the school's
 * official page, or bare host names)? A URL entry matches itself and anything under its path.
 */
export function isApprovedChannel(href: string, approved: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  for (const raw of approved ?? []) {
    const entry = String(raw).trim();
    if (!entry) continue;
    if (!entry.includes('/')) {
      if (url.hostname === entry.toLowerCase()) return true;
      continue;
    }
    let a: URL;
    try {
      a = new URL(entry);
    } catch {
      continue;
    }
    const base = a.pathname.replace(/\/+$/, '');
    // A school's Facebook page (https://www.facebook.com/ecole.exemple) also approves conversations with that page.
    const page = /^(?:www\.|web\.)?facebook\.com$/.test(a.hostname) && /^\/[\w.-]+$/.test(base) ? base.slice(1).toLowerCase() : null;
    if (page) {
      const thread = /^\/(?:messages\/)?t\/([^/]+)/.exec(url.pathname)?.[1]?.toLowerCase();
      if (thread === page && /(^|\.)(facebook|messenger)\.com$/.test(url.hostname)) return true;
    }
    if (a.hostname !== url.hostname) continue;
    if (url.pathname === base || url.pathname.startsWith(`${base}/`) || base === '') return true;
  }
  return false;
}
