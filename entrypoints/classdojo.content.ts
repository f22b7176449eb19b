import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import classdojo from '../utils/platforms/classdojo';

export default defineContentScript({
  matches: classdojo.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, classdojo);
  },
});
