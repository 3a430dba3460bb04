/**
 * What an update would do to a document, found without applying it: whether it brings anything
 * new (a read-only client's sync step 2 normally brings nothing and must not count as a write),
 * and which client ids it writes with.
 */
import * as Y from 'yjs';

/** Yjs's delete set (not exported as a type by yjs 13). */
export type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

type DeleteItem = { clock: number; len: number };
type DeleteSetLike = { clients: Map<number, DeleteItem[]> };

/** The client ids whose structs in `update` go beyond what `doc` has (i.e. new writes). */
export const newWriters = (doc: Y.Doc, update: Uint8Array): number[] => {
  const meta = Y.parseUpdateMeta(update);
  const out: number[] = [];
  for (const [client, to] of meta.to) if (to > Y.getState(doc.store, client)) out.push(client);
  return out;
};

/** Whether the sorted, merged ranges `have` cover [clock, clock + len). */
const covered = (have: readonly DeleteItem[], clock: number, len: number): boolean => {
  let lo = 0;
  let hi = have.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = have[mid] as DeleteItem;
    if (r.clock + r.len <= clock) lo = mid + 1;
    else if (r.clock > clock) hi = mid - 1;
    else return clock + len <= r.clock + r.len;
  }
  return false;
};

/**
 * Whether applying `update` would change `doc`: new structs, or deletions of something not yet
 * deleted. `docDeletes` is `Y.createDeleteSetFromStructStore(doc.store)` (callers cache it).
 * Throws on bytes that are not a V1 update; callers validate first.
 */
export const wouldChange = (doc: Y.Doc, update: Uint8Array, docDeletes: DeleteSet): boolean => {
  if (newWriters(doc, update).length > 0) return true;
  const { ds } = Y.decodeUpdate(update) as unknown as { ds: DeleteSetLike };
  const have = (docDeletes as unknown as DeleteSetLike).clients;
  for (const [client, items] of ds.clients) {
    const ranges = have.get(client) ?? [];
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of items) {
      if (len <= 0) continue;
      if (clock + len > state) return true;
      if (!covered(ranges, clock, len)) return true;
    }
  }
  return false;
};

/** The document's state vector restricted to `clients`, encoded (for acknowledgements). */
export const encodeStateVectorOf = (doc: Y.Doc, clients: Iterable<number>): Uint8Array => {
  const sv = new Map<number, number>();
  for (const c of clients) sv.set(c, Y.getState(doc.store, c));
  // Y.encodeStateVector accepts a Map as well as a Doc.
  return Y.encodeStateVector(sv as unknown as Y.Doc);
};
