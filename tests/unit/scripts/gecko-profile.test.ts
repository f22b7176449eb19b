import { describe, expect, it } from 'vitest';
import { attributeSamples, scriptUrlOf, type GeckoThread } from '../../../scripts/bench/gecko-profile';

const EXT = '99b2ee29-eec6-41e4-aeda-cd9d600f2de4';

/**
 * A content process's main thread written by hand, in the profiler's gecko format:
 *   stack 0: (root)                                  native
 *   stack 1: (root) > page tick (https://meet.jit.si/room:3:10)
 *   stack 2: … page tick > Element.closest            native under the page
 *   stack 3: (root) > observe (moz-extension://EXT/content-scripts/jitsi.js:1:200)
 *   stack 4: … observe > querySelectorAll             native under Vigie
 *   stack 5: … page tick > vigie scan                 Vigie called from a page event (nearest JS frame is Vigie's)
 *   stack 6: (root) > https://other.example/ad.js:1:1  another origin's script
 */
const thread: GeckoThread = {
  name: 'GeckoMain',
  stringTable: ['(root)', 'tick (https://meet.jit.si/room:3:10)', 'Element.closest', `observe (moz-extension://${EXT}/content-scripts/jitsi.js:1:200)[24]`, 'querySelectorAll', `scan (moz-extension://${EXT}/content-scripts/jitsi.js:1:900)`, 'https://other.example/ad.js:1:1'],
  frameTable: { schema: { location: 0, relevantForJS: 1 }, data: [[0, false], [1, false], [2, false], [3, false], [4, false], [5, false], [6, false]] },
  stackTable: { schema: { prefix: 0, frame: 1 }, data: [[null, 0], [0, 1], [1, 2], [0, 3], [3, 4], [1, 5], [0, 6]] },
  samples: {
    schema: { stack: 0, time: 1 },
    // time (ms): 10 idle, 11–14 page (2 in JS, 2 native under the page), 15–17 Vigie (1 JS, 1 native, 1 via a page
    // event), 18 another origin, 19 no stack at all, 30 page (outside a 10–20 window).
    data: [[0, 10], [1, 11], [1, 12], [2, 13], [2, 14], [3, 15], [4, 16], [5, 17], [6, 18], [null, 19], [1, 30]],
  },
};

describe('Gecko profile attribution (Firefox overhead ratio)', () => {
  it('gives each sample to its nearest JS frame: page, Vigie or neither', () => {
    expect(attributeSamples(thread, EXT, 'https://meet.jit.si')).toEqual({ page: 5, vigie: 3, other: 3 });
  });

  it('counts only the samples inside the window', () => {
    expect(attributeSamples(thread, EXT, 'https://meet.jit.si', 10, 20)).toEqual({ page: 4, vigie: 3, other: 3 });
  });

  it("does not count another add-on's frames as Vigie's", () => {
    expect(attributeSamples(thread, 'another-addon-host', 'https://meet.jit.si')).toEqual({ page: 5, vigie: 0, other: 6 });
  });

  it('reads script URLs from frame locations, and nothing from native frames', () => {
    expect(scriptUrlOf('tick (https://meet.jit.si/room:3:10)')).toBe('https://meet.jit.si/room');
    expect(scriptUrlOf(`n (moz-extension://${EXT}/background.js:1:8266)[24]`)).toBe(`moz-extension://${EXT}/background.js`);
    expect(scriptUrlOf('https://other.example/ad.js:1:1')).toBe('https://other.example/ad.js');
    expect(scriptUrlOf('js::RunScript')).toBe('');
    expect(scriptUrlOf('0x7fc37303a26f')).toBe('');
    expect(scriptUrlOf('PollWrapper')).toBe('');
  });

  it('fails loudly on a profile without the columns it needs', () => {
    expect(() => attributeSamples({ ...thread, samples: { schema: { time: 0 }, data: [] } }, EXT, 'https://meet.jit.si')).toThrow(/stack/);
  });
});
