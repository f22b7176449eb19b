import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { accessibleName, checkedState, findControl, selectedValue, valueIs } from '../../../utils/platforms/kit/controls';
import { emailDomain, inSchoolDomains } from '../../../utils/platforms/kit/account';

const doc = (html: string) => {
  const w = new Window({ url: 'https://example.invalid/' });
  w.document.body.innerHTML = html;
  return w.document as unknown as Document;
};

describe('labelled controls', () => {
  it('names a control by aria-label, aria-labelledby, <label for>, an enclosing <label>, or a check item’s text', () => {
    const d = doc(`
      <input id="a" type="checkbox" aria-label="A label">
      <span id="lb">B label</span><button id="b" role="combobox" aria-labelledby="lb">value</button>
      <label for="c">C label</label><input id="c" type="checkbox">
      <label><input id="d" type="checkbox"> D label</label>
      <div id="e" role="menuitemcheckbox" aria-checked="true">E label</div>
      <div id="f" role="combobox">only a value</div>`);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => accessibleName(d.getElementById(id)!).trim())).toEqual(['A label', 'B label', 'C label', 'D label', 'E label', '']);
  });

  it('matches labels accent-, case-, apostrophe- and spacing-insensitively, sure labels before unverified ones', () => {
    const d = doc(`<div role="switch" aria-checked="false">Salle d'attente</div><div role="switch" aria-checked="true">  QUI PEUT présenter?</div>`);
    expect(findControl(d, ['Salle d’attente'])).toMatchObject({ label: 'Salle d’attente', verified: true });
    expect(findControl(d, ['Nope'], ['Qui peut présenter ?'])).toMatchObject({ verified: false });
    expect(findControl(d, ['Qui peut présenter ?'], ['Salle d’attente'])).toMatchObject({ label: 'Qui peut présenter ?', verified: true });
    expect(findControl(d, ['Salle'])).toBeNull();
  });

  it('reads state, never prose', () => {
    const d = doc(`<input id="x" type="checkbox" checked><div id="y" role="switch" aria-checked="false"></div><div id="z" role="switch"></div><p id="p">on</p>`);
    expect(checkedState(d.getElementById('x')!)).toBe(true);
    expect(checkedState(d.getElementById('y')!)).toBe(false);
    expect(checkedState(d.getElementById('z')!)).toBeNull();
    expect(checkedState(d.getElementById('p')!)).toBeNull();
  });

  it('reads a combobox value from aria-valuetext, the selected option, or its text', () => {
    const d = doc(`<div id="a" role="combobox" aria-valuetext="Everyone">x</div>
      <div id="b" role="listbox"><div role="option">One</div><div role="option" aria-selected="true">Two</div></div>
      <button id="c" role="combobox">People I invite</button><div id="e" role="combobox"> </div>`);
    expect(selectedValue(d.getElementById('a')!)).toBe('Everyone');
    expect(selectedValue(d.getElementById('b')!)).toBe('Two');
    expect(selectedValue(d.getElementById('c')!)).toBe('People I invite');
    expect(selectedValue(d.getElementById('e')!)).toBeNull();
    expect(valueIs('  people i INVITE ', ['People I invite'])).toBe(true);
    expect(valueIs(null, ['People I invite'])).toBe(false);
  });

  it('survives odd DOM: a broken aria-labelledby, an id needing escapes', () => {
    const d = doc(`<label for='we"ird'>W</label><input id='we"ird' type="checkbox"><input type="checkbox" aria-labelledby="missing  also-missing">`);
    expect(findControl(d, ['W'])).not.toBeNull();
    expect(() => findControl(d, ['x'])).not.toThrow();
  });
});

describe('school domains', () => {
  it('extracts an e-mail domain and compares it to the school’s, subdomains included, look-alikes excluded', () => {
    expect(emailDomain('Signed in as m.tremblay@Ecole-Exemple.qc.ca')).toBe('ecole-exemple.qc.ca');
    expect(emailDomain('no address')).toBeNull();
    expect(inSchoolDomains('ecole-exemple.qc.ca', ['ecole-exemple.qc.ca'])).toBe(true);
    expect(inSchoolDomains('eleves.ecole-exemple.qc.ca', ['@ecole-exemple.qc.ca'])).toBe(true);
    expect(inSchoolDomains('ecole-exemple.qc.ca.evil.com', ['ecole-exemple.qc.ca'])).toBe(false);
    expect(inSchoolDomains('notecole-exemple.qc.ca', ['ecole-exemple.qc.ca'])).toBe(false);
    expect(inSchoolDomains('gmail.com', ['', ' '])).toBe(false);
  });
});
