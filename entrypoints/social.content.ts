import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSocial } from '../utils/boundaries/run-social';
import { SOCIAL_MATCH_PATTERNS } from '../utils/boundaries/social-apps';

/** Personal social apps' messaging views (utils/boundaries/social-apps.ts lists the hosts and why). */
export default defineContentScript({
  matches: SOCIAL_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    runSocial(ctx);
  },
});
