import { domainToASCII } from 'node:url';

/**
 * Issue 18, shared by the Chromium and Firefox policy suites: every list policy with one bad entry among good
 * ones. The bad entries are all strings (the type Chrome's schema declares), so Chromium must deliver each list
 * whole now that its schema has no item enum or pattern, and Vigie must keep the good entries and name the bad.
 * `kept` is written by hand (domains: Node's own WHATWG domainToASCII, not Vigie's code).
 */
export const LIST_POLICY = {
  schoolDomains: ['école-vigie.qc.ca', 'https://ecole-vigie.qc.ca/'],
  studentDomains: ['eleves.ecole-vigie.qc.ca', 'eleves ecole-vigie'],
  approvedChannels: ['https://www.facebook.com/ecole.vigie', 'x'.repeat(2100)],
  selfHostedOrigins: [
    { origin: 'https://visio.ecole-vigie.qc.ca', platform: 'jitsi' },
    { origin: 'https://bbb.ecole-vigie.qc.ca', platform: 'greenlight' },
  ],
  disabledPlatforms: ['whereby', 'wherby'],
  disabledChecks: ['private-chat-off', 'colour'],
  disabledFeatures: ['socialBanner', 'social-banner'],
  enabledDestinations: ['lead', 'cybertip', 'cyberaide'],
};

export const LIST_KEPT: Record<keyof typeof LIST_POLICY, unknown> = {
  schoolDomains: [domainToASCII('école-vigie.qc.ca')],
  studentDomains: ['eleves.ecole-vigie.qc.ca'],
  approvedChannels: ['https://www.facebook.com/ecole.vigie'],
  selfHostedOrigins: [{ origin: 'https://visio.ecole-vigie.qc.ca', platform: 'jitsi' }],
  disabledPlatforms: ['whereby'],
  disabledChecks: ['private-chat-off'],
  disabledFeatures: ['socialBanner'],
  enabledDestinations: ['lead', 'cybertip'],
};

/** What the options page's School policy panel shows for one key (run in the page). */
export const PANEL_ROWS_JS = `(() => Object.fromEntries([...document.querySelectorAll('[data-testid="school-policy"] tr[data-policy-key]')].map((tr) => [tr.dataset.policyKey, { status: tr.dataset.status, text: tr.textContent }])))()`;

/** The bad entry of each list, as the panel names it (JSON, cut at 60 characters). */
export const LIST_BAD: Record<keyof typeof LIST_POLICY, string> = {
  schoolDomains: '"https://ecole-vigie.qc.ca/"',
  studentDomains: '"eleves ecole-vigie"',
  approvedChannels: `"${'x'.repeat(56)}…`,
  selfHostedOrigins: '{"origin":"https://bbb.ecole-vigie.qc.ca","platform":"gre…',
  disabledPlatforms: '"wherby"',
  disabledChecks: '"colour"',
  disabledFeatures: '"social-banner"',
  enabledDestinations: '"cyberaide"',
};
