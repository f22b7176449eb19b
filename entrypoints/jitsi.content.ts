import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import jitsi from '../utils/platforms/jitsi';

export default defineContentScript({
  matches: jitsi.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, jitsi);
  },
});
