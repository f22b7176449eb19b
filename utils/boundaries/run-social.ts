import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../i18n';
import { sendMessage } from '../messaging';
import { socialMessagingApp } from './social-apps';
import { mountPanel, type Panel } from './ui';

/**
 * Social-app messaging views: a calm reminder that this is a personal channel, naming the school's approved
 * channels when the policy lists them. Never blocks, never changes the page. Shown again on SPA navigation to
 * another conversation unless dismissed for it (or for the site).
 */
export function runSocial(ctx: ContentScriptContext, doc: Document = document): void {
  let panel: Panel | null = null;
  let run = 0;

  /** `href`: the destination on SPA navigation (WXT's event fires from the Navigation API before the URL commits). */
  const check = async (href = doc.location.href) => {
    const mine = ++run;
    const app = socialMessagingApp(href);
    if (!app) return panel?.hide();
    let context;
    try {
      context = await sendMessage('cs.getBoundaryContext', { url: href, surface: 'social' });
    } catch {
      return panel?.hide(); // background unreachable (extension updated): show nothing rather than guess
    }
    if (mine !== run || ctx.isInvalid) return;
    if (!context.socialBanner || context.approved || context.dismissed) return panel?.hide();
    panel ??= mountPanel(doc, 'vigie-social-banner');
    const p = panel;
    const site = new URL(href).hostname.replace(/^www\./, '');
    const dismiss = (scope: 'conversation' | 'site') => {
      p.hide();
      void sendMessage('cs.dismissBoundary', { url: href, scope }).catch(() => undefined);
    };
    p.show({
      tone: 'info',
      title: t('boundaries_social_title'),
      lines: [
        t('boundaries_social_body', app.label),
        context.schoolChannels.length ? t('boundaries_social_use_channels', context.schoolChannels.join(', ')) : t('boundaries_social_use_school'),
      ],
      actions: [
        { label: t('boundaries_social_dismiss_conversation'), onClick: () => dismiss('conversation') },
        { label: t('boundaries_social_dismiss_site', site), onClick: () => dismiss('site') },
      ],
    });
    p.placeNear(null);
  };

  void check();
  ctx.addEventListener(window, 'wxt:locationchange', (e) => void check((e as Event & { newUrl?: URL }).newUrl?.href));
  ctx.onInvalidated(() => panel?.remove());
}
