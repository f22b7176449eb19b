import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import seesaw from '../utils/platforms/seesaw';

export default defineContentScript({
  matches: seesaw.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, seesaw);
  },
});
