import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../utils/platforms';
import { loadFixture } from './fixture-loader';

/**
 * A busy class page stays cheap to read: each adapter reads its host fixture with n and then 4n participant tiles
 * added, and the read of 4n must cost well under 16× the read of n (what quadratic work would cost; linear work
 * costs about 4×). Both are measured in the same run, on the same machine, fastest of three, so the bound is
 * relative: a loaded CI machine slows both sides alike. (Absolute costs in Chromium are `npm run bench`'s job.)
 */
const N = 300;

function addTiles(doc: Document, n: number): void {
  const host = doc.body.firstElementChild ?? doc.body;
  const frag = doc.createDocumentFragment();
  for (let i = 0; i < n; i++) {
    const tile = doc.createElement('div');
    tile.className = 'participant-tile video-tile';
    tile.setAttribute('data-participant-id', `p${i}`);
    tile.innerHTML = `<span class="name">Student ${i}</span><div role="button" aria-label="Pin Student ${i}"></div><input type="checkbox" aria-label="Select ${i}">`;
    frag.append(tile);
  }
  host.append(frag);
}

function fastest(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s reads a huge page in linear time', (id, adapter) => {
  it(`${N} → ${4 * N} tiles: the read costs well under 16× more`, async () => {
    const host = readdirSync(`tests/fixtures/${id}`).find((f) => /^(host|teacher)/.test(f) && f.endsWith('.html'))!;
    const small = await loadFixture(`tests/fixtures/${id}/${host}`, adapter);
    const big = await loadFixture(`tests/fixtures/${id}/${host}`, adapter);
    addTiles(small.doc, N);
    addTiles(big.doc, 4 * N);
    const before = adapter.read(small); // warm-up, and the verdicts must not depend on the tiles
    expect(adapter.read(big)).toEqual(before);
    const tSmall = fastest(() => adapter.read(small));
    const tBig = fastest(() => adapter.read(big));
    small.window.happyDOM.abort();
    big.window.happyDOM.abort();
    // Linear ≈ 4×, quadratic ≈ 16×; 10× plus 20 ms of timer noise on fast reads.
    expect(tBig).toBeLessThan(10 * tSmall + 20);
  }, 60_000);
});
