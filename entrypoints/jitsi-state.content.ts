import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageStateReader } from '../utils/page-state/reader';
import jitsi, { JITSI_STATE_PATHS } from '../utils/platforms/jitsi';

// Main world: the only place window.APP.store is visible. Copies primitives only (see utils/page-state/reader.ts).
export default defineContentScript({
  matches: jitsi.matchPatterns,
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    startPageStateReader(window as never, document, JITSI_STATE_PATHS);
  },
});
