/**
 * The settings flip both benches time (Chromium and Firefox): the page changes its own settings the way the platform
 * would (Jitsi: a redux action on its store; DOM platforms: the settings markup swapped between the unsafe and the
 * safe fixture), then waits for Vigie's next `vigie:badge` mark. An expression evaluated in the page: milliseconds to
 * the badge repaint, null if it never repainted, 'no-change' if the page offers no way to flip.
 */
export function flipScript(flip: number, safeBody: string | undefined, unsafeBody: string): string {
  return `(async () => {
  const w = window;
  const t0 = performance.now();
  if (w.APP && w.APP.store && w.APP.store.dispatch) w.APP.store.dispatch('features/lobby', { lobbyEnabled: ${flip % 2 === 0} });
  else if (${JSON.stringify(safeBody ?? '')} && ${JSON.stringify(unsafeBody)}) {
    const keep = new Set(['bench-tiles', 'bench-captions', 'bench-chat']);
    for (const el of Array.from(document.body.children)) if (!keep.has(el.id) && el.tagName !== 'SCRIPT' && el.tagName !== 'VIGIE-BADGE') el.remove();
    document.body.insertAdjacentHTML('afterbegin', ${flip % 2 === 0 ? JSON.stringify(safeBody ?? '') : JSON.stringify(unsafeBody)});
  } else return 'no-change';
  const deadline = t0 + 3000;
  while (performance.now() < deadline) {
    const mark = performance.getEntriesByName('vigie:badge').at(-1);
    if (mark && mark.startTime > t0) return mark.startTime - t0;
    await new Promise((r) => setTimeout(r, 5));
  }
  return null;
})()`;
}
