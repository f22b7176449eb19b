/**
 * Account checks. The school-account item for apps that show the signed-in teacher's e-mail on their own account page.
 * Only the DOMAIN is ever put into evidence (evidence is stored and may be previewed in a report): never the address.
 */
import type { Finding } from '../../checklist/types';
import { fail, pass, unknown } from './finding';
import { firstMatch } from './dom';

/** Consumer mailbox providers: an account there is clearly personal, whatever the school's domains are. */
export const CONSUMER_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'outlook.fr', 'hotmail.com', 'hotmail.fr', 'live.com', 'live.fr', 'live.ca', 'msn.com',
  'yahoo.com', 'yahoo.fr', 'yahoo.ca', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.fr',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'bbox.fr', 'videotron.ca', 'sympatico.ca', 'bell.net',
] as const;

const EMAIL = /^[^\s@]{1,64}@([a-z0-9.-]{1,200}\.[a-z]{2,24})$/i;

/** The e-mail domain shown in the page's e-mail fields, or null when there is none or they disagree. */
export function shownEmailDomain(root: ParentNode, selectors: readonly string[] = ['input[type="email"]', 'input[autocomplete="email"]']): { domain: string; selector: string } | null {
  let inputs: HTMLInputElement[] = [];
  try {
    inputs = Array.from(root.querySelectorAll<HTMLInputElement>(selectors.join(', '))).slice(0, 20);
  } catch {
    return null;
  }
  const domains = new Set<string>();
  for (const input of inputs) {
    const m = EMAIL.exec(String(input.value ?? '').trim());
    if (m) domains.add(m[1].toLowerCase().replace(/\.$/, ''));
  }
  if (domains.size !== 1) return null;
  return { domain: [...domains][0], selector: selectors[0] ?? 'e-mail field' };
}

function within(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/** pass inside the school's domains; fail outside them (when set) or on a consumer mailbox; null otherwise. */
export function accountFinding(shown: { domain: string; selector: string } | null, schoolDomains: readonly string[] = [], where: string): Finding | null {
  if (!shown) return null;
  const { domain, selector } = shown;
  // Policy or options may hold blanks or "@domain" forms: clean them, drop empties.
  schoolDomains = schoolDomains.map((d) => String(d ?? '').trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  const evidence = `${where}: ${selector} shows an account at "${domain}"`;
  if (schoolDomains.some((d) => within(domain, d))) return pass(`${evidence}, one of the school's domains`, 'dom');
  if ((CONSUMER_MAIL_DOMAINS as readonly string[]).includes(domain)) return fail(`${evidence}, a personal mailbox provider`, 'dom');
  if (schoolDomains.length) return fail(`${evidence}, outside the school's domains (${schoolDomains.slice(0, 3).join(', ')})`, 'dom');
  return null;
}

/** An e-mail address's domain, lower-cased, or null. */
export function emailDomain(text: string | null | undefined): string | null {
  const m = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/.exec(text ?? '');
  return m ? m[1].toLowerCase() : null;
}

/** Is `domain` one of the school's domains (or a subdomain of one)? */
export function inSchoolDomains(domain: string, schoolDomains: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return schoolDomains.some((s) => {
    const sd = s.toLowerCase().replace(/^@/, '').trim();
    return !!sd && (d === sd || d.endsWith(`.${sd}`));
  });
}

/**
 * The school-account item from an element that shows the signed-in account's e-mail (the Microsoft 365 account
 * manager line, say): pass inside the school's domains, fail outside them; null when the line, an e-mail in it, or
 * the school's domains are missing. Only the domain goes into evidence.
 */
export function accountLineFinding(doc: ParentNode, selectors: readonly string[], schoolDomains: readonly string[] | undefined, areas: readonly string[]): Finding | null {
  const hit = firstMatch(doc, selectors, areas);
  const domain = emailDomain(hit?.el.textContent);
  const schools = schoolDomains ?? [];
  if (!hit || !domain || !schools.length) return null;
  return inSchoolDomains(domain, schools)
    ? pass(`${hit.selector}: signed in with an @${domain} account (a school domain)`, 'dom')
    : fail(`${hit.selector}: signed in with an @${domain} account, not one of the school's domains`, 'dom');
}

/** Personal Google accounts: clearly not a school account, whatever the school's domains are. */
export const PERSONAL_GOOGLE_DOMAINS = ['gmail.com', 'googlemail.com'];

/**
 * The school-account item from a Google account button (OneGoogle bar) showing `domain`: a personal Google domain
 * fails; without the school's domains it stays to confirm; inside them it passes, outside them it fails.
 */
export function googleAccountFinding(selector: string, domain: string, schoolDomains: readonly string[] | undefined, inside: (domain: string, schools: readonly string[]) => boolean = inSchoolDomains): Finding {
  if (PERSONAL_GOOGLE_DOMAINS.includes(domain)) return fail(`${selector}: signed in with a personal Google account (@${domain})`, 'aria');
  if (!schoolDomains?.length) return unknown(`signed in as @${domain}; no school domain is set in Vigie's options`);
  return inside(domain, schoolDomains) ? pass(`${selector}: signed in with a school account (@${domain})`, 'aria') : fail(`${selector}: @${domain} is not one of your school's domains`, 'aria');
}
