import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { sendMessage, type SelfHostedStatus } from '../../utils/messaging';
import { normaliseOrigin, originPattern, SELF_HOSTED_PLATFORMS, type SelfHostedOrigin, type SelfHostedPlatform } from '../../utils/platforms/self-hosted';
import { getEffectiveSettings } from '../../utils/settings/effective';
import { userSettingsItem } from '../../utils/storage';
import { onPolicyChanged } from '../../utils/settings/policy/read';

const PLATFORM_LABEL: Record<SelfHostedPlatform, string> = { jitsi: 'Jitsi Meet', bigbluebutton: 'BigBlueButton' };

/**
 * A school's own Jitsi / BigBlueButton servers. Adding one asks the browser for access to exactly that origin
 * (never all sites) in the click itself, then the background registers the platform's content scripts for it.
 * Removing one gives the access back. When the school policy locks the list, it is shown read-only, with a button
 * to grant access to an origin the policy lists but the browser has not allowed yet.
 */
export function SelfHostedOrigins(): JSX.Element {
  const [entries, setEntries] = useState<SelfHostedOrigin[]>([]);
  const [status, setStatus] = useState<SelfHostedStatus[]>([]);
  const [locked, setLocked] = useState(false);
  const [input, setInput] = useState('');
  const [platform, setPlatform] = useState<SelfHostedPlatform>('jitsi');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  const refresh = async () => {
    try {
      const effective = await getEffectiveSettings();
      setEntries(effective.settings.selfHostedOrigins);
      setLocked(effective.locked.includes('selfHostedOrigins'));
    } catch {
      setEntries([]);
    }
    try {
      setStatus((await sendMessage('options.syncSelfHosted', undefined)) ?? []);
    } catch {
      setStatus([]);
    }
  };

  useEffect(() => {
    void refresh();
  }, []);
  // A policy change while the page is open: the list and its lock follow (the address being typed is kept).
  useEffect(() => onPolicyChanged(() => void refresh()), []);

  const save = async (next: SelfHostedOrigin[]) => {
    const user = (await userSettingsItem.getValue()) ?? {};
    await userSettingsItem.setValue({ ...user, selfHostedOrigins: next });
  };

  const onAdd = (event: Event) => {
    event.preventDefault();
    const origin = normaliseOrigin(input);
    if (!origin) {
      setMessage({ kind: 'error', text: t('selfhosted_invalid') });
      return;
    }
    if (entries.some((e) => e.origin === origin)) {
      setMessage({ kind: 'error', text: t('selfhosted_duplicate', [origin]) });
      return;
    }
    // permissions.request must run in the click itself (user gesture), before any await.
    browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ kind: 'error', text: t('selfhosted_denied', [origin]) });
          return;
        }
        await save([...entries, { origin, platform }]);
        setInput('');
        setMessage({ kind: 'ok', text: t('selfhosted_added', [origin, PLATFORM_LABEL[platform]]) });
        await refresh();
      })
      .catch(() => setMessage({ kind: 'error', text: t('selfhosted_failed', [origin]) }));
  };

  const onGrant = (origin: string) => {
    browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        setMessage(granted ? { kind: 'ok', text: t('selfhosted_granted', [origin]) } : { kind: 'error', text: t('selfhosted_denied', [origin]) });
        await refresh();
      })
      .catch(() => setMessage({ kind: 'error', text: t('selfhosted_failed', [origin]) }));
  };

  const onRemove = async (origin: string) => {
    try {
      await save(entries.filter((e) => e.origin !== origin));
      await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
      setMessage({ kind: 'ok', text: t('selfhosted_removed', [origin]) });
    } catch {
      setMessage({ kind: 'error', text: t('selfhosted_failed', [origin]) });
    }
    await refresh();
  };

  const statusOf = (origin: string) => status.find((s) => s.origin === origin);

  return (
    <section class="self-hosted" aria-labelledby="selfhosted-title">
      <h2 id="selfhosted-title">{t('selfhosted_title')}</h2>
      <p id="selfhosted-help">{t('selfhosted_help')}</p>
      {locked && <p class="muted">{t('selfhosted_locked')}</p>}
      {entries.length === 0 ? (
        <p class="muted">{t('selfhosted_empty')}</p>
      ) : (
        <ul class="self-hosted-list" aria-label={t('selfhosted_listLabel')}>
          {entries.map((e) => {
            const s = statusOf(e.origin);
            return (
              <li key={e.origin} data-origin={e.origin} data-active={s?.active ? 'true' : 'false'}>
                <span class="origin">{e.origin}</span> · {PLATFORM_LABEL[e.platform]} ·{' '}
                <span class="status">{s?.active ? t('selfhosted_active') : s?.granted ? t('selfhosted_pending') : t('selfhosted_noAccess')}</span>
                {s && !s.granted && (
                  <button type="button" onClick={() => onGrant(e.origin)}>
                    {t('selfhosted_grant', [e.origin])}
                  </button>
                )}
                {!locked && (
                  <button type="button" aria-label={t('selfhosted_removeLabel', [e.origin])} onClick={() => void onRemove(e.origin)}>
                    {t('selfhosted_remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!locked && (
        <form onSubmit={onAdd} aria-describedby="selfhosted-help">
          <label for="selfhosted-origin">{t('selfhosted_originLabel')}</label>
          <input
            id="selfhosted-origin"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://visio.ecole-exemple.fr"
            value={input}
            aria-invalid={message?.kind === 'error' ? 'true' : 'false'}
            aria-describedby="selfhosted-message"
            onInput={(ev) => setInput((ev.currentTarget as HTMLInputElement).value)}
          />
          <label for="selfhosted-platform">{t('selfhosted_platformLabel')}</label>
          <select id="selfhosted-platform" value={platform} onChange={(ev) => setPlatform((ev.currentTarget as HTMLSelectElement).value as SelfHostedPlatform)}>
            {SELF_HOSTED_PLATFORMS.map((p) => (
              <option value={p}>{PLATFORM_LABEL[p]}</option>
            ))}
          </select>
          <button type="submit">{t('selfhosted_add')}</button>
        </form>
      )}
      <p id="selfhosted-message" role="status" aria-live="polite" class={message?.kind === 'error' ? 'error' : 'ok'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
