import { afterEach, describe, expect, it } from 'vitest';
import { platformScripts, registrationId } from '../../utils/background/self-hosted';
import jitsi from '../../utils/platforms/jitsi';
import { isSelfHosted, normaliseOrigin, originPattern, setSelfHostedOrigins } from '../../utils/platforms/self-hosted';
import { SettingsSchema } from '../../utils/settings/schema';

afterEach(() => setSelfHostedOrigins([]));

describe('normaliseOrigin', () => {
  it.each([
    ['visio.ecole-exemple.fr', 'https://visio.ecole-exemple.fr'],
    ['https://Visio.Ecole-Exemple.fr/room?x=1#y', 'https://visio.ecole-exemple.fr'],
    ['  https://bbb.cssdm.qc.ca:8443  ', 'https://bbb.cssdm.qc.ca:8443'],
  ])('%s → %s', (input, want) => expect(normaliseOrigin(input)).toBe(want));
  it.each(['', 'http://visio.ecole.fr', 'ftp://visio.ecole.fr', 'localhost', 'https://localhost', 'https://192.168.0.1', 'https://*.ecole.fr', 'https://user:pw@visio.ecole.fr', 'javascript:alert(1)', 'x'.repeat(400), 'https://exa mple.fr'])(
    'rejects %j',
    (input) => expect(normaliseOrigin(input)).toBeNull(),
  );
  it('never throws on junk', () => {
    for (const junk of [null, undefined, 42, {}, []]) expect(normaliseOrigin(junk as never)).toBeNull();
  });
});

describe('allowlist and jitsi.matches', () => {
  const room = new URL('https://visio.ecole-exemple.fr/MathsGroupe5B');
  it('a self-hosted Jitsi room matches only once its origin is registered, for that platform only', () => {
    expect(jitsi.matches(room)).toBe(false);
    setSelfHostedOrigins([{ origin: 'https://visio.ecole-exemple.fr', platform: 'bigbluebutton' }]);
    expect(jitsi.matches(room)).toBe(false);
    setSelfHostedOrigins([{ origin: 'https://visio.ecole-exemple.fr', platform: 'jitsi' }]);
    expect(jitsi.matches(room)).toBe(true);
    expect(jitsi.matches(new URL('https://visio.ecole-exemple.fr/'))).toBe(false); // still needs a room segment
    expect(jitsi.matches(new URL('https://autre.ecole-exemple.fr/MathsGroupe5B'))).toBe(false);
    expect(jitsi.matches(new URL('http://visio.ecole-exemple.fr/MathsGroupe5B'))).toBe(false);
    expect(isSelfHosted(room, 'jitsi')).toBe(true);
  });
  it('invalid entries are skipped, never thrown on', () => {
    setSelfHostedOrigins([{ origin: 'nope', platform: 'jitsi' }, { origin: 'https://ok.ecole.fr', platform: 'zoom' as never }, null as never]);
    expect(isSelfHosted(new URL('https://ok.ecole.fr/x'), 'jitsi')).toBe(false);
    setSelfHostedOrigins('junk' as never);
    expect(isSelfHosted(room, 'jitsi')).toBe(false);
  });
  it('the permission pattern is exactly one origin', () => expect(originPattern('https://visio.ecole-exemple.fr')).toBe('https://visio.ecole-exemple.fr/*'));
});

describe('settings schema', () => {
  const shape = SettingsSchema.shape.selfHostedOrigins;
  it('carries the platform of each origin', () => {
    expect(shape.safeParse([{ origin: 'https://visio.ecole-exemple.fr', platform: 'jitsi' }]).success).toBe(true);
    expect(shape.safeParse([{ origin: 'https://visio.ecole-exemple.fr', platform: 'zoom' }]).success).toBe(false);
    expect(shape.safeParse(['https://visio.ecole-exemple.fr']).success).toBe(false);
    expect(shape.safeParse([{ origin: 'http://visio.ecole-exemple.fr', platform: 'jitsi' }]).success).toBe(false);
  });
});

describe('registration plan', () => {
  const manifest = {
    content_scripts: [
      { js: ['content-scripts/jitsi-state.js'], world: 'MAIN', run_at: 'document_idle' },
      { js: ['content-scripts/jitsi.js'], run_at: 'document_idle' },
      { js: ['content-scripts/google-meet.js'] },
    ],
  };
  it('uses the same files the manifest declares, with their worlds', () => {
    expect(platformScripts(manifest, 'jitsi')).toEqual([
      { file: 'content-scripts/jitsi-state.js', world: 'MAIN', runAt: 'document_idle' },
      { file: 'content-scripts/jitsi.js', world: 'ISOLATED', runAt: 'document_idle' },
    ]);
  });
  it('a platform with no public host (runtime registration only) falls back to its built file', () => {
    expect(platformScripts(manifest, 'bigbluebutton')).toEqual([{ file: 'content-scripts/bigbluebutton.js', world: 'ISOLATED', runAt: 'document_idle' }]);
  });
  it('a platform a school cannot host gets no run-time script, even when the manifest lacks it', () => {
    expect(platformScripts(manifest, 'zoom')).toEqual([]);
  });
  it('registration ids are stable and distinct per origin and file', () => {
    const a = registrationId('https://visio.ecole.fr', 'content-scripts/jitsi.js');
    expect(a).toBe(registrationId('https://visio.ecole.fr', 'content-scripts/jitsi.js'));
    expect(a).not.toBe(registrationId('https://visio.ecole.fr', 'content-scripts/jitsi-state.js'));
    expect(a).not.toBe(registrationId('https://visio2.ecole.fr', 'content-scripts/jitsi.js'));
    expect(a.startsWith('vigie-sh-')).toBe(true);
  });
});
