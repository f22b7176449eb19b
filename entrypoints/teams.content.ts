import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import adapter from '../utils/platforms/teams';

export default defineContentScript({
  matches: adapter.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, adapter);
  },
});
