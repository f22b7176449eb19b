import { defineContentScript } from 'wxt/utils/define-content-script';
import { COMPOSER_MATCH_PATTERNS, composerToolFor } from '../utils/boundaries/composers';
import { runComposer } from '../utils/boundaries/run-composer';

/** Composers of school tools and web mail (utils/boundaries/composers.ts lists the hosts and why). */
export default defineContentScript({
  matches: COMPOSER_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    const tool = composerToolFor(location.href);
    if (tool) runComposer(ctx, tool);
  },
});
