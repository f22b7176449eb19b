/**
 * Leading+trailing throttle: runs at most once per `ms`, and always once more after the last call, so the final
 * state of a burst of DOM changes is read. Meeting pages mutate constantly (video tiles, captions); this keeps
 * Vigie's cost bounded no matter how busy the page is.
 */
export function throttle(fn: () => void, ms: number): { (): void; cancel(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    last = Date.now();
    timer = undefined;
    fn();
  };
  const throttled = () => {
    if (timer) return;
    const wait = Math.max(0, last + ms - Date.now());
    timer = setTimeout(run, wait);
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return throttled;
}
