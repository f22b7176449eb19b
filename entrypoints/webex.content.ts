import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import webex from '../utils/platforms/webex';

export default defineContentScript({
  matches: webex.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, webex);
  },
});
