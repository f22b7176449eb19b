import { defineBackground } from 'wxt/utils/define-background';
import { registerBackgroundHandlers } from '../utils/background/handlers';
import { registerReportEntry } from '../utils/background/report-entry';
import { registerBoundaryHandlers } from '../utils/background/boundaries';
import { registerWelcome } from '../utils/background/welcome';

export default defineBackground(() => {
  registerBackgroundHandlers();
  registerReportEntry();
  registerBoundaryHandlers();
  registerWelcome();
});
