import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchMeeting } from '../utils/meeting/watch-meeting';
import googleClassroom from '../utils/platforms/google-classroom';

export default defineContentScript({
  matches: googleClassroom.matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    watchMeeting(ctx, googleClassroom);
  },
});
