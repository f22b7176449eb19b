/**
 * What a V8 heap snapshot says about JS objects, leaving out what the engine keeps for itself (issue 22).
 * Runtime.getHeapUsage counts everything in the renderer's isolate, including compiled code (which grows as V8
 * optimises hot functions) and engine caches hung off the strong-root list (the number→string cache grows to its
 * fixed size the first time numbers are turned into strings). Neither is memory a script holds, and both grow
 * early in a run; a leak check on them would flag the engine warming up. `jsObjectBytes` sums the self size of
 * every node of a JS kind (objects, closures, strings, arrays, shapes…) except code and the strong roots' caches.
 */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const JS_KINDS = new Set(['hidden', 'array', 'string', 'object', 'closure', 'regexp', 'number', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape']);

export function jsObjectBytes(s: HeapSnapshotJson): number {
  const { node_fields: nfs, node_types: nt, edge_fields: efs } = s.snapshot.meta;
  const nf = nfs.length;
  const ef = efs.length;
  const types = nt[0];
  const ti = nfs.indexOf('type');
  const ni = nfs.indexOf('name');
  const si = nfs.indexOf('self_size');
  const eci = nfs.indexOf('edge_count');
  const toi = efs.indexOf('to_node');
  const excluded = new Set<number>();
  let edge = 0;
  for (let n = 0; n < s.nodes.length; n += nf) {
    const count = s.nodes[n + eci];
    if (types[s.nodes[n + ti]] === 'synthetic' && s.strings[s.nodes[n + ni]] === '(Strong root list)')
      for (let e = edge; e < edge + count * ef; e += ef) excluded.add(s.edges[e + toi]);
    edge += count * ef;
  }
  let bytes = 0;
  for (let n = 0; n < s.nodes.length; n += nf) if (JS_KINDS.has(types[s.nodes[n + ti]]) && !excluded.has(n)) bytes += s.nodes[n + si];
  return bytes;
}
