import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeLocale } from '../../wxt.config';
import { setMessages } from '../../utils/i18n';
import { fakeBrowser } from 'wxt/testing';
import { userSettingsItem } from '../../utils/storage';
import { resetPolicyMemory } from '../../utils/settings/policy/read';
import type { SettingKey, Settings } from '../../utils/settings/schema';

// The school policy layer is engineer "policy"'s; here it is given directly, as resolveSettings receives it.
let policy: { values: Partial<Settings>; locked: SettingKey[]; problems: string[] } = { values: {}, locked: [], problems: [] };
vi.mock('../../utils/settings/effective', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../utils/settings/effective')>();
  return { ...real, getEffectiveSettings: async () => real.resolveSettings(policy, await userSettingsItem.getValue()) };
});
// Sections owned by other engineers, tested on their own.
vi.mock('./SelfHostedOrigins', () => ({ SelfHostedOrigins: () => null }));
vi.mock('./BoundarySettings', () => ({ BoundarySettings: () => null }));

const { OptionsApp } = await import('./OptionsApp');

const settle = () => new Promise((r) => setTimeout(r, 30));
async function draw() {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  render(<OptionsApp />, root);
  for (let i = 0; i < 50 && !root.querySelector('form'); i++) await settle();
  return root;
}

describe('options page', () => {
  beforeAll(() => setMessages('en', mergeLocale('en')));
  afterAll(() => setMessages(null));

  it('shows settings the school locks as locked, with the reason and the organisation', async () => {
    policy = { values: { region: 'qc', organisationName: 'CSS des Draveurs' }, locked: ['region', 'lead'], problems: [] };
    const root = await draw();
    const region = root.querySelector('fieldset[data-key="region"]') as HTMLFieldSetElement;
    expect(region.disabled).toBe(true);
    expect(region.querySelector('[data-testid="locked"]')!.textContent).toContain('Set by CSS des Draveurs');
    expect((root.querySelector('#region') as HTMLSelectElement).value).toBe('qc');
    expect((root.querySelector('fieldset[data-key="lead"]') as HTMLFieldSetElement).disabled).toBe(true);
    const language = root.querySelector('fieldset[data-key="language"]') as HTMLFieldSetElement;
    expect(language.disabled).toBe(false);
    expect(language.querySelector('[data-testid="locked"]')).toBeNull();
  });

  it('says "Set by your school" when the policy names no organisation', async () => {
    policy = { values: { disabledPlatforms: ['zoom'] }, locked: ['disabledPlatforms'], problems: [] };
    const root = await draw();
    expect(root.querySelector('fieldset[data-key="disabledPlatforms"] [data-testid="locked"]')!.textContent).toContain('Set by your school');
    expect((root.querySelector('input[data-platform="zoom"]') as HTMLInputElement).checked).toBe(false);
  });

  it('lists the policy problems it is given', async () => {
    policy = { values: {}, locked: [], problems: ['region is invalid'] };
    const root = await draw();
    expect(root.querySelector('[data-testid="problems"]')!.textContent).toContain('region is invalid');
  });

  it('never writes a locked key into the teacher’s own settings', async () => {
    policy = { values: { region: 'fr' }, locked: ['region'], problems: [] };
    await userSettingsItem.setValue({});
    const root = await draw();
    (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    const saved = await userSettingsItem.getValue();
    expect(saved).not.toHaveProperty('region');
    expect(saved).toHaveProperty('language', 'auto');
    expect(root.querySelector('[data-testid="status"]')!.textContent).toBe('Saved.');
  });

  it('refuses a bad time range with a message on the field, and saves nothing', async () => {
    policy = { values: {}, locked: [], problems: [] };
    await userSettingsItem.setValue({});
    const root = await draw();
    const start = root.querySelector('tr[data-day="mon"] input[type="time"]') as HTMLInputElement;
    start.value = '18:00';
    start.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    expect(root.querySelector('#err-day-mon')!.textContent).toBe('The end time must be after the start time.');
    expect(await userSettingsItem.getValue()).toEqual({});
    expect((root.querySelector('tr[data-day="mon"] input[type="time"]') as HTMLInputElement).value).toBe('18:00');
  });

  it('follows a policy change while open: new locks and locked values at once, the teacher’s typing elsewhere kept', async () => {
    resetPolicyMemory(); // the test setup resets the fake browser (and its listeners) between tests
    policy = { values: {}, locked: [], problems: [] };
    await userSettingsItem.setValue({});
    const root = await draw();
    const name = root.querySelector('#lead-name') as HTMLInputElement;
    name.value = 'Mme Tremblay';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect((root.querySelector('fieldset[data-key="region"]') as HTMLFieldSetElement).disabled).toBe(false);

    policy = { values: { region: 'fr', organisationName: 'Académie test' }, locked: ['region'], problems: [] };
    await fakeBrowser.storage.managed.set({ region: 'fr' }); // what the browser fires when a policy arrives
    for (let i = 0; i < 50 && !(root.querySelector('fieldset[data-key="region"]') as HTMLFieldSetElement).disabled; i++) await settle();

    expect((root.querySelector('fieldset[data-key="region"]') as HTMLFieldSetElement).disabled).toBe(true);
    expect((root.querySelector('#region') as HTMLSelectElement).value).toBe('fr');
    expect((root.querySelector('#lead-name') as HTMLInputElement).value).toBe('Mme Tremblay');
    expect(root.querySelector('[data-testid="status"]')!.textContent).toBe("Your school's policy has just changed: the locked settings on this page are up to date.");
  });
});
