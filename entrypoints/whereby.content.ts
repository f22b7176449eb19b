import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import whereby from '../utils/platforms/whereby';

export default defineContentScript({
  matches: whereby.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, whereby);
  },
});
