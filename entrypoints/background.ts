import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerBackgroundHandlers } from '../utils/background/handlers';

export default defineBackground(() => {
  registerBackgroundHandlers();
});
