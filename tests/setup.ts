import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Each test starts with an empty fake browser (storage, tabs, runtime listeners).
beforeEach(() => {
  fakeBrowser.reset();
});

// Defaults follow the browser's time zone and languages (utils/settings/region-inference.ts): pin the zone so a
// unit run gives the same defaults on every machine (happy-dom's navigator.languages is always en-US, en).
// Node re-reads TZ when it is assigned, before any test module computes DEFAULT_SETTINGS.
process.env.TZ = 'UTC';
