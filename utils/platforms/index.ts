import googleMeet from './google-meet';
import webex from './webex';
import whereby from './whereby';
import jitsi from './jitsi';
import bigbluebutton from './bigbluebutton';
import googleClassroom from './google-classroom';
import classdojo from './classdojo';
import seesaw from './seesaw';
import teams from './teams';
import teamsEducation from './teams-education';
import zoom from './zoom';
import type { PlatformAdapter, PlatformId } from './types';

/**
 * Every platform adapter, in one explicit list (no side-effect registration). A meta-test
 * (tests/platforms/registry.test.ts) fails when a file in this folder is missing here or lacks fixtures.
 */
export const PLATFORMS: readonly PlatformAdapter[] = [jitsi, googleMeet, classdojo, seesaw, bigbluebutton, zoom, teamsEducation, teams, webex, whereby, googleClassroom];

export function platformById(id: string): PlatformAdapter | undefined {
  return PLATFORMS.find((p) => p.id === id);
}

export function platformForUrl(url: URL): PlatformAdapter | undefined {
  return PLATFORMS.find((p) => p.matches(url));
}

export type { PlatformAdapter, PlatformId };
