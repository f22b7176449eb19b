import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const extensionKey = JSON.parse(readFileSync('extension-key.json', 'utf8')) as { id: string; key: string };

/**
 * UI strings live in small per-area fragments (locales/<lang>/<area>.json) so that each feature owns its own
 * words; the build merges them into the single _locales/<lang>/messages.json that browser.i18n reads.
 * A duplicate key across fragments is a build error rather than a silent overwrite.
 */
export function mergeLocale(lang: string): Record<string, { message: string; description?: string }> {
  const dir = join('locales', lang);
  const merged: Record<string, { message: string; description?: string }> = {};
  if (!existsSync(dir)) return merged;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const fragment = JSON.parse(readFileSync(join(dir, file), 'utf8')) as typeof merged;
    for (const [key, value] of Object.entries(fragment)) {
      if (key in merged) throw new Error(`locales/${lang}/${file}: key "${key}" is already defined in another fragment`);
      merged[key] = value;
    }
  }
  return merged;
}

export const LOCALES = ['en', 'fr'] as const;

export default defineConfig({
  // Parallel workers (tests, helpers) may build into their own folder: VIGIE_OUT_DIR=.output-x npm run build.
  outDir: process.env.VIGIE_OUT_DIR ?? '.output',
  // MV3 everywhere, Firefox included (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  // Explicit imports (#imports / wxt/...) so every file greps and tests on its own.
  imports: false,
  // __VIGIE_TEST_LEAK__: true only in a bench build made with VIGIE_TEST_LEAK=1 (utils/meeting/watch-meeting.ts).
  vite: () => ({ plugins: [preact()], define: { __VIGIE_TEST_LEAK__: JSON.stringify(process.env.VIGIE_TEST_LEAK === '1') } }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const lang of LOCALES) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(mergeLocale(lang), null, 1) });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome: the public key pins the extension id (see extension-key.json); never used by Firefox. Store packages
    // (VIGIE_STORE=1, scripts/package.ts) have none: the Chrome Web Store and Edge Add-ons assign their own id and
    // Edge Add-ons rejects a manifest with `key`; a self-hosted CRX takes its id from the key it is signed with.
    ...(browser === 'firefox' || process.env.VIGIE_STORE ? {} : { key: extensionKey.key }),
    // Chrome/Edge: the school policy's schema (managed storage; see docs/admin.md). Firefox reads policies.json without one.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // Asked one origin at a time, only when the teacher adds the school's own Jitsi/BBB server (never all sites).
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // "Report a concern" from the keyboard (utils/background/report-entry.ts); users can change it in the browser.
    commands: { 'open-report': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_report_command__' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vigie@vigie-education.org',
              strict_min_version: '140.0',
              // Vigie collects and transmits nothing (Firefox's built-in data consent, Nov 2025).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
