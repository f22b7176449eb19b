import { render } from 'preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mergeLocale } from '../../wxt.config';
import { setMessages } from '../../utils/i18n';
import { userSettingsItem } from '../../utils/storage';
import type { SettingKey, Settings } from '../../utils/settings/schema';

/** The options for issue 16: the DPJ region (Québec), the province (rest of Canada) and the second contact. */
let policy: { values: Partial<Settings>; locked: SettingKey[]; problems: string[] } = { values: {}, locked: [], problems: [] };
vi.mock('../../utils/settings/effective', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../utils/settings/effective')>();
  return { ...real, getEffectiveSettings: async () => real.resolveSettings(policy, await userSettingsItem.getValue()) };
});
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
const choose = (el: HTMLSelectElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('options: where a concern goes', () => {
  beforeAll(() => setMessages('en', mergeLocale('en')));
  afterAll(() => setMessages(null));
  beforeEach(() => {
    fakeBrowser.reset();
    policy = { values: {}, locked: [], problems: [] };
  });

  it('Québec: every DPJ region can be chosen, and the choice is saved', async () => {
    policy = { values: { region: 'qc' }, locked: [], problems: [] };
    const root = await draw();
    const select = root.querySelector('#dpjRegion') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'bas-saint-laurent', 'saguenay', 'capitale-nationale', 'mauricie', 'estrie', 'montreal-fr', 'montreal-en', 'outaouais', 'abitibi', 'cote-nord', 'gaspesie', 'chaudiere-appalaches', 'laval', 'lanaudiere', 'laurentides', 'monteregie']);
    expect(select.options[7].textContent).toBe('Montréal (English-language, Batshaw)');
    expect(root.querySelector('#province')).toBeNull();
    choose(select, 'laval');
    await settle();
    (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    expect((await userSettingsItem.getValue())?.dpjRegion).toBe('laval');
  });

  it('rest of Canada: the province; a school policy can lock it', async () => {
    policy = { values: { region: 'ca', province: 'ab' }, locked: ['province'], problems: [] };
    const root = await draw();
    expect((root.querySelector('#province') as HTMLSelectElement).value).toBe('ab');
    expect((root.querySelector('fieldset[data-key="province"]') as HTMLFieldSetElement).disabled).toBe(true);
    expect(root.querySelector('#dpjRegion')).toBeNull();
  });

  it('the second contact: a bad e-mail is refused on the field, a good one saved', async () => {
    const root = await draw();
    const email = root.querySelector('#alt-email') as HTMLInputElement;
    email.value = 'not an address';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    expect(root.querySelector('#err-alt-email')?.textContent).toBeTruthy();
    expect(await userSettingsItem.getValue()).toEqual({});
    email.value = ' chair@school.example ';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    expect((await userSettingsItem.getValue())?.alternateLead?.email).toBe('chair@school.example');
  });
});
