/**
 * Firefox's overhead ratio (issue 22), from the Gecko profiler: the same attribution the Chromium bench makes with
 * the V8 profiler (scripts/bench.ts `attributedScript`). Each sample of the page's content-process main thread is
 * given to the nearest JavaScript frame on its stack (native work, DOM calls, style flushes count for the script that
 * called them): Vigie's when that frame's script is the add-on's (moz-extension://<host>/), the page's when it is the
 * page's own, and nobody's when the stack has no JavaScript (idle, the event loop, the browser's own C++).
 *
 * The thread is in the profiler's "gecko" format (`Services.profiler.getProfileDataAsync()`, per process, per thread):
 * tables with a `schema` (column name → index) and `data` rows; a sample's stack is an index into `stackTable`, whose
 * rows are [prefix (the caller's stack or null), frame]; a frame's `location` indexes `stringTable`, and a JS frame's
 * location names its script: `fn (https://host/path.js:12:34)` or `https://host/path.js:12:34`.
 */

export interface GeckoTable {
  schema: Record<string, number>;
  data: unknown[][];
}

export interface GeckoThread {
  name: string;
  samples: GeckoTable;
  stackTable: GeckoTable;
  frameTable: GeckoTable;
  stringTable: string[];
}

export interface Attribution {
  /** Samples whose nearest JS frame is Vigie's content script. */
  vigie: number;
  /** Samples whose nearest JS frame is the page's own script. */
  page: number;
  /** Samples with JS from somewhere else (the browser's privileged scripts), or none at all. */
  other: number;
}

/** The script URL a frame location names, or '' for a native/label frame (`js::RunScript`, `PollWrapper`, `0x7f…`). */
export function scriptUrlOf(location: string): string {
  const inParens = /\(((?:https?|moz-extension|file):\/\/[^\s)]+?)(?::\d+)*\)(?:\[\d+\])?$/.exec(location);
  if (inParens) return inParens[1];
  const bare = /^((?:https?|moz-extension|file):\/\/\S+?)(?::\d+)*(?:\[\d+\])?$/.exec(location);
  return bare ? bare[1] : '';
}

/**
 * Count a thread's samples by owner. `extensionHost` is the add-on's moz-extension host; `pageOrigin` the page's
 * origin (frames of other origins, e.g. an iframe, are `other`). Pure: no I/O, so its unit test feeds it a thread
 * written by hand (tests/unit/scripts/gecko-profile.test.ts).
 */
export function attributeSamples(thread: GeckoThread, extensionHost: string, pageOrigin: string, fromMs = -Infinity, toMs = Infinity): Attribution {
  const col = (t: GeckoTable, name: string) => {
    const i = t.schema[name];
    if (typeof i !== 'number') throw new Error(`gecko profile: no "${name}" column`);
    return i;
  };
  const sStack = col(thread.samples, 'stack');
  const sTime = col(thread.samples, 'time');
  const kPrefix = col(thread.stackTable, 'prefix');
  const kFrame = col(thread.stackTable, 'frame');
  const fLocation = col(thread.frameTable, 'location');
  const vigiePrefix = `moz-extension://${extensionHost}/`;
  type Owner = keyof Attribution;
  const frameOwner = (frame: number): Owner | null => {
    const location = thread.stringTable[thread.frameTable.data[frame]?.[fLocation] as number] ?? '';
    const url = scriptUrlOf(location);
    if (!url) return null;
    if (url.startsWith(vigiePrefix)) return 'vigie';
    return url.startsWith(`${pageOrigin}/`) ? 'page' : 'other';
  };
  // Each stack's owner, memoised: stacks share prefixes, so the walk stays linear in the table's size.
  const stackOwner = new Map<number, Owner>();
  const ownerOf = (stack: number): Owner => {
    const path: number[] = [];
    let found: Owner = 'other';
    for (let s: number | null = stack; s !== null && s !== undefined; s = thread.stackTable.data[s]?.[kPrefix] as number | null) {
      const known = stackOwner.get(s);
      if (known) {
        found = known;
        break;
      }
      path.push(s);
      const owner = frameOwner(thread.stackTable.data[s]?.[kFrame] as number);
      if (owner) {
        found = owner;
        break;
      }
    }
    for (const s of path) stackOwner.set(s, found);
    return found;
  };
  const counts: Attribution = { vigie: 0, page: 0, other: 0 };
  for (const row of thread.samples.data) {
    const time = row[sTime] as number;
    if (time < fromMs || time > toMs) continue;
    const stack = row[sStack] as number | null;
    counts[stack === null || stack === undefined ? 'other' : ownerOf(stack)]++;
  }
  return counts;
}
