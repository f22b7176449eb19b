import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeLocale } from '../../wxt.config';
import { setMessages } from '../../utils/i18n';
import { fakeBrowser } from 'wxt/testing';
import { userSettingsItem } from '../../utils/storage';
import { resetPolicyMemory } from '../../utils/settings/policy/read';
import type { SettingKey, Settings } from '../../utils/settings/schema';

let policy: { values: Partial<Settings>; locked: SettingKey[]; problems: string[] } = { values: {}, locked: [], problems: [] };
vi.mock('../../utils/settings/effective', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../utils/settings/effective')>();
  return { ...real, getEffectiveSettings: async () => real.resolveSettings(policy, await userSettingsItem.getValue()) };
});
const { BoundarySettings } = await import('./BoundarySettings');

const settle = () => new Promise((r) => setTimeout(r, 30));
async function draw() {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  render(<BoundarySettings />, root);
  // The section renders once settings have loaded: wait for its form, not for a fixed time (a loaded machine is slow).
  await vi.waitFor(() => {
    if (!root.querySelector('form')) throw new Error('not rendered yet');
  }, { timeout: 5_000 });
  await settle();
  return root;
}
const typeInto = (el: HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const submit = async (root: HTMLElement) => {
  root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await settle();
};

describe('boundaries options', () => {
  beforeAll(() => setMessages('en', mergeLocale('en')));
  afterAll(() => setMessages(null));

  it('switches a reminder off and saves lists, keeping other features the teacher set', async () => {
    policy = { values: {}, locked: [], problems: [] };
    await userSettingsItem.setValue({ disabledFeatures: ['incidentLog'], language: 'fr' });
    const root = await draw();
    const box = root.querySelector('#boundary-outOfHours') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(root.querySelector('label[for="boundary-outOfHours"]')!.textContent).toBe('Out-of-hours reminder when writing to students');
    box.click();
    await settle();
    typeInto(root.querySelector('#boundary-domains') as HTMLTextAreaElement, 'Eleves.Ecole.ca\n\n');
    typeInto(root.querySelector('#boundary-channels') as HTMLTextAreaElement, 'https://www.facebook.com/ecole.exemple\nclasse.exemple.org');
    await settle();
    await submit(root);
    expect(root.querySelector('[data-testid="boundary-status"]')!.textContent).toBe('Saved.');
    expect(await userSettingsItem.getValue()).toEqual({
      language: 'fr',
      disabledFeatures: ['incidentLog', 'outOfHours'],
      studentDomains: ['eleves.ecole.ca'],
      approvedChannels: ['https://www.facebook.com/ecole.exemple', 'classe.exemple.org'],
    });
  });

  it('bad lines: a clear message per line, nothing saved, the text stays', async () => {
    policy = { values: {}, locked: [], problems: [] };
    await userSettingsItem.setValue({});
    const root = await draw();
    const domains = root.querySelector('#boundary-domains') as HTMLTextAreaElement;
    typeInto(domains, 'not a domain');
    typeInto(root.querySelector('#boundary-channels') as HTMLTextAreaElement, 'http://insecure.example.com/page');
    await settle();
    await submit(root);
    const errors = Array.from(root.querySelectorAll('[data-testid="boundary-errors"] li')).map((li) => li.textContent);
    expect(errors).toEqual(['Not a domain name: not a domain', 'Not a web address (https://…) or site name: http://insecure.example.com/page']);
    expect(root.querySelector('[data-testid="boundary-status"]')!.textContent).toBe('Not saved: please correct the lines listed.');
    expect((root.querySelector('#boundary-domains') as HTMLTextAreaElement).value).toBe('not a domain');
    expect(await userSettingsItem.getValue()).toEqual({});
  });

  it('a policy lock shows the reminders as locked and does not overwrite them', async () => {
    policy = { values: { disabledFeatures: ['contactDetails'], organisationName: 'CSS des Draveurs', outOfHoursMode: 'confirm' }, locked: ['disabledFeatures'], problems: [] };
    await userSettingsItem.setValue({});
    const root = await draw();
    const set = root.querySelector('fieldset[data-key="disabledFeatures"]') as HTMLFieldSetElement;
    expect(set.disabled).toBe(true);
    expect(set.textContent).toContain('Set by CSS des Draveurs.');
    expect((root.querySelector('#boundary-contactDetails') as HTMLInputElement).checked).toBe(false);
    expect(root.textContent).toContain('asks for a confirmation');
    await submit(root);
    expect((await userSettingsItem.getValue()).disabledFeatures).toBeUndefined();
  });

  it('follows a policy change while open: the new lock and its list at once, the teacher’s typing elsewhere kept', async () => {
    resetPolicyMemory(); // the test setup resets the fake browser (and its listeners) between tests
    policy = { values: {}, locked: [], problems: [] };
    await userSettingsItem.setValue({});
    const root = await draw();
    typeInto(root.querySelector('#boundary-domains') as HTMLTextAreaElement, 'eleves.ecole.ca');
    await settle();
    policy = { values: { approvedChannels: ['https://www.facebook.com/ecole.exemple'] }, locked: ['approvedChannels'], problems: [] };
    await fakeBrowser.storage.managed.set({ approvedChannels: ['https://www.facebook.com/ecole.exemple'] });
    const channels = () => root.querySelector('fieldset[data-key="approvedChannels"]') as HTMLFieldSetElement;
    for (let i = 0; i < 50 && !channels().disabled; i++) await settle();
    expect(channels().disabled).toBe(true);
    expect((root.querySelector('#boundary-channels') as HTMLTextAreaElement).value).toBe('https://www.facebook.com/ecole.exemple');
    expect((root.querySelector('#boundary-domains') as HTMLTextAreaElement).value).toBe('eleves.ecole.ca');
  });
});
