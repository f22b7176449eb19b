import { defineBackground } from 'wxt/utils/define-background';
import { registerBackgroundHandlers } from '../utils/background/handlers';
import { registerReportEntry } from '../utils/background/report-entry';
import { registerBoundaryHandlers } from '../utils/background/boundaries';

export default defineBackground(() => {
  registerBackgroundHandlers();
  registerReportEntry();
  registerBoundaryHandlers();
});
