import { render } from 'preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeLocale } from '../../wxt.config';
import { setMessages } from '../../utils/i18n';
import { userSettingsItem } from '../../utils/storage';
import type { SettingKey, Settings } from '../../utils/settings/schema';
import { welcomeNeeded } from '../../utils/background/welcome';
import type { RegionGuess } from '../../utils/settings/region-inference';

// The school policy layer, given directly as resolveSettings receives it (as in OptionsApp.test.tsx).
let policy: { values: Partial<Settings>; locked: SettingKey[]; problems: string[] } = { values: {}, locked: [], problems: [] };
vi.mock('../../utils/settings/effective', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../utils/settings/effective')>();
  return { ...real, getEffectiveSettings: async () => real.resolveSettings(policy, await userSettingsItem.getValue()) };
});

const { WelcomeApp } = await import('./WelcomeApp');
const { resolveSettings } = await import('../../utils/settings/effective');

const settle = () => new Promise((r) => setTimeout(r, 20));
async function draw(guess: RegionGuess, timeZone = 'America/Vancouver') {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  render(<WelcomeApp guess={guess} timeZone={timeZone} />, root);
  for (let i = 0; i < 50 && !root.querySelector('form'); i++) await settle();
  return root;
}
const checked = (root: HTMLElement) => root.querySelector<HTMLInputElement>('input[name="region"]:checked')?.value;
const type = (el: HTMLInputElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const submit = async (root: HTMLElement) => {
  await settle(); // let Preact draw what was typed first
  root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  for (let i = 0; i < 10; i++) await settle();
};

describe('welcome page (issue 15)', () => {
  beforeAll(() => setMessages('en', mergeLocale('en')));
  afterAll(() => setMessages(null));
  beforeEach(() => {
    policy = { values: {}, locked: [], problems: [] };
  });

  it('without a policy: the guessed region is pre-selected, with the province; the lead is optional', async () => {
    const root = await draw({ region: 'ca', province: 'BC', from: 'both' });
    expect(root.querySelector('h1')!.textContent).toBe('Welcome to Vigie');
    expect(root.querySelectorAll('input[name="region"]')).toHaveLength(5);
    expect(root.querySelector('[data-testid="welcome-timezone"]')!.textContent).toContain('America/Vancouver');
    expect(root.querySelector('[data-testid="welcome-region-locked"]')).toBeNull();
    expect(checked(root)).toBe('ca');
    expect(root.querySelector('[data-testid="welcome-guess"]')!.textContent).toContain('British Columbia');
    // Saving with an empty lead is fine: the lead is optional.
    await submit(root);
    expect(root.querySelector('[data-testid="welcome-status"]')!.textContent).toContain('Saved');
    expect(await userSettingsItem.getValue()).toMatchObject({ region: 'ca', lead: { name: '', email: '', phone: '', formUrl: '' } });
  });

  it('a teacher’s earlier choice wins over the guess, and a bad e-mail is refused with a message, not saved', async () => {
    await userSettingsItem.setValue({ region: 'fr' });
    const root = await draw({ region: 'uk', from: 'both' }, 'Europe/London');
    expect(checked(root)).toBe('fr');
    type(root.querySelector('#welcome-lead-email') as HTMLInputElement, 'dsl@');
    await submit(root);
    expect(root.querySelector('#welcome-email-error')!.textContent).toContain('not an e-mail address');
    expect(root.querySelector('#welcome-lead-email')!.getAttribute('aria-invalid')).toBe('true');
    expect(await userSettingsItem.getValue()).toEqual({ region: 'fr' });
    type(root.querySelector('#welcome-lead-email') as HTMLInputElement, 'dsl@ecole.exemple.fr');
    type(root.querySelector('#welcome-lead-name') as HTMLInputElement, ' Mme Roy ');
    await submit(root);
    expect(await userSettingsItem.getValue()).toMatchObject({ region: 'fr', lead: { name: 'Mme Roy', email: 'dsl@ecole.exemple.fr' } });
  });

  it('with a policy that sets the region and the lead: both read-only, nothing of theirs written', async () => {
    policy = { values: { region: 'qc', organisationName: 'CSS des Draveurs', lead: { name: 'Direction', email: 'protection@css.exemple.ca', phone: '', formUrl: '' } }, locked: ['region'], problems: [] };
    const root = await draw({ region: 'ca', province: 'ON', from: 'time-zone' });
    expect(root.querySelector('[data-testid="welcome-region-locked"]')!.textContent).toBe('Set by CSS des Draveurs: Québec');
    expect(root.querySelector('[data-testid="welcome-lead-locked"]')!.textContent).toContain('protection@css.exemple.ca');
    expect(root.querySelectorAll('input[name="region"]')).toHaveLength(0);
    expect(root.querySelector('#welcome-lead-email')).toBeNull();
    await submit(root);
    const saved = await userSettingsItem.getValue();
    expect(saved.region).toBeUndefined();
    expect(saved.lead).toBeUndefined();
  });

  it('with a policy that sets only the region: the lead is still asked', async () => {
    policy = { values: { region: 'uk' }, locked: [], problems: [] };
    const root = await draw({ region: 'fr', from: 'both' }, 'Europe/Paris');
    expect(root.querySelector('[data-testid="welcome-region-locked"]')!.textContent).toBe('Set by your school: United Kingdom');
    expect(root.querySelector('#welcome-lead-email')).not.toBeNull();
  });

  it('is skipped on install only when the policy sets the region and a lead that can be reached', () => {
    const eff = (values: Partial<Settings>, locked: SettingKey[] = []) => resolveSettings({ values, locked, problems: [] }, {});
    expect(welcomeNeeded(eff({}))).toBe(true);
    expect(welcomeNeeded(eff({ region: 'qc' }))).toBe(true);
    expect(welcomeNeeded(eff({ region: 'qc', lead: { name: 'Direction', email: '', phone: '', formUrl: '' } }))).toBe(true);
    expect(welcomeNeeded(eff({ region: 'qc', lead: { name: '', email: 'dsl@css.exemple.ca', phone: '', formUrl: '' } }))).toBe(false);
    expect(welcomeNeeded(eff({ region: 'uk', lead: { name: '', email: '', phone: '0161 000 0000', formUrl: '' } }, ['region', 'lead']))).toBe(false);
  });
});
