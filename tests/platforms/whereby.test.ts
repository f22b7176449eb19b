import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../utils/checklist/items';
import whereby from '../../utils/platforms/whereby';
import { loadFixture, statesOf } from './fixture-loader';

const F = 'tests/fixtures/whereby';

describe('whereby URL predicates', () => {
  it.each(whereby.exampleUrls.yes)('matches %s', (u) => expect(whereby.matches(new URL(u))).toBe(true));
  it.each(whereby.exampleUrls.no)('does not match %s', (u) => expect(whereby.matches(new URL(u))).toBe(false));
  it('room key drops query, hash and case', () => {
    expect(whereby.roomKey(new URL('https://whereby.com/Classe-6B?lang=fr#x'))).toBe('whereby:whereby.com/classe-6b');
  });
});

describe('whereby fixtures', () => {
  it('host-safe-en: "Room locked" is cited for the teacher to confirm (a label never certifies); nothing fails', async () => {
    const ctx = await loadFixture(`${F}/host-safe-en.html`, whereby);
    expect(whereby.isMeetingPage(ctx)).toBe(true);
    expect(whereby.role(ctx)).toBe('host');
    const s = statesOf(whereby, ctx);
    expect(Object.keys(s).sort()).toEqual([...ITEM_IDS].sort());
    for (const id of ITEM_IDS) expect(s[id]).toBe('unknown');
    expect(whereby.read(ctx)['waiting-room']?.evidence).toContain('Room locked');
  });

  it('host-unsafe-en: "Lock room" (unlocked) fails both', async () => {
    const ctx = await loadFixture(`${F}/host-unsafe-en.html`, whereby);
    expect(whereby.role(ctx)).toBe('host');
    expect(statesOf(whereby, ctx)).toMatchObject({ 'waiting-room': 'fail', 'restricted-access': 'fail', 'end-for-all': 'unknown' });
  });

  it.each(['participant-en', 'host-fr', 'participant-knock-fr'])('%s: no documented hook → not scored, nothing passes or fails', async (name) => {
    const ctx = await loadFixture(`${F}/${name}.html`, whereby);
    expect(whereby.isMeetingPage(ctx)).toBe(false);
    expect(whereby.role(ctx)).toBe('unknown');
    expect(Object.values(whereby.read(ctx)).map((f) => f!.state)).toEqual(Array(15).fill('unknown')); // all 15 items, each unknown
  });
});

describe('whereby on odd and hostile DOM', () => {
  const blank = (html: string) => {
    const w = new Window({ url: 'https://whereby.com/odd' });
    w.document.body.innerHTML = html;
    return { doc: w.document as unknown as Document, url: new URL('https://whereby.com/odd') };
  };
  const states = (ctx: ReturnType<typeof blank>) => Object.values(whereby.read(ctx)).map((f) => f!.state);
  it('empty page: all unknown', () => expect(new Set(states(blank('')))).toEqual(new Set(['unknown'])));
  it('page text (not a control) saying "Lock room" does not fail', () => expect(states(blank('<p>Lock room</p>'))).not.toContain('fail'));
  it('German label gives no verdict', () => expect(new Set(states(blank('<button>Raum gesperrt</button>')))).toEqual(new Set(['unknown'])));
  it('both labels present (mid-transition): no fail is reported while "Room locked" is shown', () => {
    expect(whereby.read(blank('<button>Lock room</button><button>Room locked</button>'))['waiting-room']?.state).toBe('unknown');
  });
  it('a huge DOM (5,000 tiles) with duplicated buttons: no throw', () => {
    const tiles = Array.from({ length: 5000 }, (_, i) => `<div class="tile"><video></video><span>${i}</span></div>`).join('');
    const ctx = blank(`<button>Lock room</button><button>Lock room</button>${tiles}`);
    expect(whereby.read(ctx)['waiting-room']?.state).toBe('fail');
    // happy-dom on a shared, loaded 2-core box: a generous bound that still catches quadratic scans.
    // Its cost is checked relative to a smaller page in tests/platforms/huge-dom.test.ts (linear, not absolute ms).
  });
});
