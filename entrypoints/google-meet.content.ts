import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import googleMeet from '../utils/platforms/google-meet';

export default defineContentScript({
  matches: googleMeet.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, googleMeet);
  },
});
