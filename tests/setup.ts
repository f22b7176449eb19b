import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Each test starts with an empty fake browser (storage, tabs, runtime listeners).
beforeEach(() => {
  fakeBrowser.reset();
});
