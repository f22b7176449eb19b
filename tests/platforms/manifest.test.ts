import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../utils/platforms';
import { PLATFORM_IDS, PLATFORM_MANIFEST, SELF_HOSTED_PLATFORMS } from '../../utils/platforms/ids';
import { ObservationReportSchema } from '../../utils/schemas';
import { SettingsSchema } from '../../utils/settings/schema';

/**
 * Platform ids live in one place (utils/platforms/ids.ts). A new adapter that is not in the manifest, or a manifest
 * entry with no adapter, fails here, before the background would silently reject all its reports.
 */
describe('the platform manifest', () => {
  it('lists exactly the registered adapters, with the same product name and kind', () => {
    expect(PLATFORMS.map((p) => p.id).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const adapter of PLATFORMS) {
      const entry = PLATFORM_MANIFEST.find((m) => m.id === adapter.id)!;
      expect({ id: adapter.id, label: adapter.label, kind: adapter.kind }).toEqual({ id: entry.id, label: entry.label, kind: entry.kind });
    }
  });

  it('the platforms a school can host itself are Jitsi and BigBlueButton', () => {
    expect([...SELF_HOSTED_PLATFORMS].sort()).toEqual(['bigbluebutton', 'jitsi']);
  });

  it('the background accepts a report from every platform, and settings accept disabling every platform', () => {
    for (const id of PLATFORM_IDS) {
      const report = { platform: id, url: 'https://example.org/room', roomKey: 'k', isMeeting: true, role: 'unknown', findings: {} };
      expect(ObservationReportSchema.safeParse(report).success, id).toBe(true);
      expect(SettingsSchema.shape.disabledPlatforms.safeParse([id]).success, id).toBe(true);
    }
  });

  it('no other file spells out the list of platform ids', () => {
    const lists = ['utils/platforms/types.ts', 'utils/schemas.ts', 'utils/settings/schema.ts', 'components/options/OptionsApp.tsx', 'utils/platforms/self-hosted.ts']
      .filter((f) => /'google-classroom',\s*'classdojo'|'teams-education':\s*'Teams/.test(readFileSync(f, 'utf8')));
    expect(lists).toEqual([]);
  });
});
