import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import bigbluebutton from '../utils/platforms/bigbluebutton';

// BBB has no public host: Chrome refuses a manifest content script with no match, so this one is built for
// run-time registration only, for each origin the school adds (utils/background/self-hosted.ts).
export default defineContentScript({
  matches: bigbluebutton.matchPatterns,
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, bigbluebutton);
  },
});
