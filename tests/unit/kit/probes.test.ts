import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ITEM_IDS } from '../../../utils/checklist/items';
import { fold, weakLabelLog } from '../../../utils/platforms/kit/labels';
import { coverageOf, labelled, presence, readTable, stateIs, toggle, type NotApplicable, type Table } from '../../../utils/platforms/kit/probes';
import { roleFrom } from '../../../utils/platforms/kit/role';
import type { ReadContext } from '../../../utils/platforms/types';

const URL_ = 'https://example.test/room';
function ctx(html: string, state?: ReadContext['state']): ReadContext {
  const w = new Window({ url: URL_ });
  w.document.body.innerHTML = html;
  return { doc: w.document as unknown as Document, url: new URL(URL_), state };
}

describe('the one fold()', () => {
  it('folds what each of the five old copies folded', () => {
    expect(fold('  Générer  le   CODE ')).toBe('generer le code');
    expect(fold('l’organisateur')).toBe("l'organisateur");
    expect(fold('l`organisateur')).toBe("l'organisateur");
    expect(fold('Qui peut présenter ?')).toBe(fold('Qui peut présenter?'));
    expect(fold('Salle\u00a0d’attente')).toBe("salle d'attente");
  });
});

describe('probe kinds', () => {
  const NA = { passcode: 'no passcodes here' } as const satisfies NotApplicable;
  const table: Table = {
    'waiting-room': stateIs('lobby.enabled', true),
    'mute-control': toggle(['#mute'], true, 'mute on entry'),
    'end-for-all': presence(['#end-all'], 'pass', 'end for all'),
    'chat-control': labelled('button', { sure: ['Chat off'], unsure: ['Discussion désactivée'] }, 'pass', 'chat is off'),
    passcode: () => {
      throw new Error('an n/a item never runs');
    },
    'camera-control': () => {
      throw new Error('boom');
    },
  };
  const read = (c: ReadContext) => readTable('test', table, NA, c, undefined, { unread: () => 'not shown' });

  it('decide from state, toggles, presence and sure labels', () => {
    const f = read(ctx('<input type="checkbox" id="mute" checked><button id="end-all">x</button><button>Chat off</button>', { 'lobby.enabled': false }));
    expect(f['waiting-room']).toMatchObject({ state: 'fail', via: 'state' });
    expect(f['mute-control']).toMatchObject({ state: 'pass', via: 'dom' });
    expect(f['end-for-all']).toMatchObject({ state: 'pass' });
    expect(f['chat-control']).toMatchObject({ state: 'pass', via: 'label' });
  });

  it('never pass on an unverified label, on absence, or on a detector error; n/a is n/a for every item declared', () => {
    const f = read(ctx('<button>Discussion désactivée</button>'));
    expect(f['chat-control']?.state).toBe('unknown');
    expect(f['end-for-all']?.state).toBe('unknown');
    expect(f['waiting-room']?.state).toBe('unknown');
    expect(f['camera-control']).toMatchObject({ state: 'unknown', evidence: expect.stringContaining('detector error') });
    expect(f.passcode).toMatchObject({ state: 'n/a', evidence: 'no passcodes here' });
    expect(Object.keys(f).sort()).toEqual([...ITEM_IDS].sort());
  });

  it('a pass read while an unverified label was noted stays to confirm', () => {
    const weak = weakLabelLog();
    const t: Table = { 'mute-control': () => (weak.note('Muet'), { state: 'pass', evidence: 'x', via: 'aria' }) };
    expect(readTable('test', t, {}, ctx(''), undefined, { unread: () => '', weak })['mute-control']?.state).toBe('unknown');
  });

  it('coverageOf writes the n/a declaration into coverage', () => {
    const rest = Object.fromEntries(ITEM_IDS.filter((i) => i !== 'passcode').map((i) => [i, 'confirm'])) as Parameters<typeof coverageOf<typeof NA>>[1];
    const c = coverageOf(NA, rest);
    expect(c.passcode).toBe('n/a');
    expect(Object.values(c).filter((v) => v === 'n/a')).toHaveLength(1);
  });
});

describe('roleFrom', () => {
  it('the first shown hook decides; a hidden one or one in a participant area does not; none is unknown', () => {
    const probes = [{ role: 'host' as const, selectors: ['#end'], why: 'host only' }];
    expect(roleFrom(ctx('<button id="end">End</button>').doc, probes)).toMatchObject({ role: 'host', evidence: '#end (host only)' });
    expect(roleFrom(ctx('<button id="end" hidden>End</button>').doc, probes).role).toBe('unknown');
    expect(roleFrom(ctx('<div role="log"><button id="end">End</button></div>').doc, probes).role).toBe('unknown');
  });
});
