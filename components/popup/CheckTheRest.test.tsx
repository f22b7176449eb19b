import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeLocale } from '../../wxt.config';
import { setMessages } from '../../utils/i18n';
import type { ScoredItem } from '../../utils/checklist/types';
import { CheckTheRest } from './CheckTheRest';

const settle = () => new Promise((r) => setTimeout(r, 20));
const item = (id: ScoredItem['id'], weight: number, over: Partial<ScoredItem> = {}): ScoredItem => ({ id, weight, state: 'unknown', by: 'vigie', evidence: 'x', via: 'none', fixable: true, ...over });

async function draw(lang: 'en' | 'fr', onConfirm: (id: string) => Promise<boolean>, closed: { n: number }) {
  setMessages(lang, mergeLocale(lang));
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  const items = [
    item('recording-control', 3, { scope: 'account' }),
    item('passcode', 2, { scope: 'room', staleConfirmationAt: '2026-05-01T10:00:00.000Z' }),
    item('waiting-room', 3, { state: 'pass' }),
  ];
  render(<CheckTheRest items={items} platform="zoom" adapter={{ label: 'Zoom', settingsUrl: 'https://zoom.us/profile/setting' }} maxAgeDays={90} busy={false} onConfirm={onConfirm as never} onClose={() => closed.n++} />, root);
  await settle();
  return root;
}
const q = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;

describe('Check the rest (popup walk)', () => {
  beforeAll(() => setMessages('en', mergeLocale('en')));
  afterAll(() => setMessages(null));

  it('one screen per item to confirm, heading focused, where the setting lives, the steps, one click; skips are listed at the end', async () => {
    const confirmed: string[] = [];
    const closed = { n: 0 };
    const root = await draw('en', async (id) => (confirmed.push(id), true), closed);
    expect(q(root, 'walk-progress').textContent).toBe('1 of 2 to confirm');
    expect(root.querySelector('#walk-title')!.textContent).toBe('Recording controlled by you');
    expect(document.activeElement?.id).toBe('walk-title');
    expect(q(root, 'scope').textContent).toBe('This setting belongs to your Zoom account: one check covers every Zoom room of that account.');
    expect(root.querySelectorAll('ol.steps li').length).toBeGreaterThan(0);
    q(root, 'walk-confirm').click();
    await settle();
    expect(confirmed).toEqual(['recording-control']);
    expect(q(root, 'walk-progress').textContent).toBe('2 of 2 to confirm');
    expect(q(root, 'scope').textContent).toBe('This setting belongs to this room: your check covers this room only.');
    expect(q(root, 'walk-stale').textContent).toBe('You checked this on 1 May 2026, more than 90 days ago: please check it again.');
    q(root, 'walk-skip').click();
    await settle();
    expect(q(root, 'walk-done')).toBeTruthy();
    expect(document.activeElement?.id).toBe('walk-title');
    expect(q(root, 'walk-done').textContent).toContain('Skipped: Unique passcode. They stay to confirm.');
    q(root, 'walk-close').click();
    expect(closed.n).toBe(1);
  });

  it('stays on the screen when the confirmation could not be saved', async () => {
    const root = await draw('en', async () => false, { n: 0 });
    q(root, 'walk-confirm').click();
    await settle();
    expect(q(root, 'walk-progress').textContent).toBe('1 of 2 to confirm');
  });

  it('speaks French', async () => {
    const root = await draw('fr', async () => true, { n: 0 });
    expect(q(root, 'walk-progress').textContent).toBe('1 sur 2 à confirmer');
    expect(q(root, 'scope').textContent).toBe('Ce réglage appartient à votre compte Zoom : une seule vérification vaut pour toutes les salles Zoom de ce compte.');
    expect(q(root, 'walk-skip').textContent).toBe('Passer pour l’instant');
    setMessages('en', mergeLocale('en'));
  });
});
