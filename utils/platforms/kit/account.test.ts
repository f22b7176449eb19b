import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { accountFinding, shownEmailDomain } from './account';
import { collectToggles, pickToggle } from './toggles';

const doc = (html: string) => {
  const w = new Window({ url: 'https://teach.classdojo.com/' });
  w.document.body.innerHTML = html;
  return w.document as unknown as Document;
};

describe('shownEmailDomain', () => {
  it('reads one domain, lower-cased; none, junk or two different domains → null', () => {
    expect(shownEmailDomain(doc('<input type="email" value="A.B@Ecole.Example.FR">'))).toMatchObject({ domain: 'ecole.example.fr' });
    expect(shownEmailDomain(doc('<input type="email" value="a@x.fr"><input type="email" value="b@x.fr">'))).toMatchObject({ domain: 'x.fr' });
    expect(shownEmailDomain(doc(''))).toBeNull();
    expect(shownEmailDomain(doc('<input type="email" value="not-an-address">'))).toBeNull();
    expect(shownEmailDomain(doc('<input type="email" value="a@x.fr"><input type="email" value="b@gmail.com">'))).toBeNull();
    expect(shownEmailDomain(doc('<p>teacher@gmail.com</p>'))).toBeNull();
  });
});

describe('accountFinding', () => {
  const at = (domain: string) => ({ domain, selector: 'input[type="email"]' });
  it('school domains (and their subdomains) pass; look-alikes and consumer mailboxes fail; unknown domains without policy stay unread', () => {
    expect(accountFinding(at('ac-lyon.fr'), ['ac-lyon.fr'], 'x')?.state).toBe('pass');
    expect(accountFinding(at('eleves.ac-lyon.fr'), ['ac-lyon.fr'], 'x')?.state).toBe('pass');
    expect(accountFinding(at('notac-lyon.fr'), ['ac-lyon.fr'], 'x')?.state).toBe('fail');
    expect(accountFinding(at('gmail.com'), [], 'x')?.state).toBe('fail');
    expect(accountFinding(at('gmail.com'), ['gmail.com'], 'x')?.state).toBe('pass'); // the school's own choice wins
    expect(accountFinding(at('ecole.example'), [], 'x')).toBeNull();
    expect(accountFinding(null, ['ac-lyon.fr'], 'x')).toBeNull();
    expect(accountFinding(at('x.fr'), [''], 'x')).toBeNull();
  });
});

describe('switch reading', () => {
  it('names come from aria-label, aria-labelledby, <label for> or a wrapping label; value only from state', () => {
    const t = collectToggles(
      doc(
        '<div role="switch" aria-checked="true" aria-label="Alpha"></div>' +
          '<span id="b">Beta</span><div role="checkbox" aria-checked="false" aria-labelledby="b"></div>' +
          '<input type="checkbox" id="g" checked><label for="g">Gamma</label>' +
          '<label><input type="checkbox"> Delta</label>' +
          '<div role="switch" aria-label="Epsilon"></div>' +
          '<div role="switch" aria-checked="true"></div>',
      ),
    );
    expect(t.map((x) => [x.name, x.on, x.via])).toEqual([
      ['alpha', true, 'aria'],
      ['beta', false, 'aria'],
      ['gamma', true, 'dom'],
      ['delta', false, 'dom'],
    ]);
    expect(pickToggle(t, ['GAMMA'])?.on).toBe(true);
    expect(pickToggle(t, ['zeta'])).toBeNull();
  });
});
