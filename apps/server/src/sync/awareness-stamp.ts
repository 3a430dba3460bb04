/**
 * Awareness (presence) as the server lets it through: every state a client sends gets its `user`
 * field replaced by the identity from the session, and entries for client ids the connection does
 * not own are dropped, so nobody can appear as someone else or clear another's cursor.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One entry of an awareness update. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The parsed state; null means "this client left". */
  readonly state: Record<string, unknown> | null;
}

/**
 * Decodes an awareness update with budgets: states that parse as JSON objects or null, and at
 * most `maxEntries` entries parsed — the entries after those are checked for framing but skipped
 * (not returned), because the stock y-websocket client echoes every awareness update it applies,
 * so an aggregated update about many other users comes back from every client; those entries are
 * not the sender's to give and would be dropped anyway. Returns null when the bytes are not a
 * well-formed awareness update.
 */
export const decodeAwarenessUpdate = (update: Uint8Array, maxEntries: number): AwarenessEntry[] | null => {
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      if (i >= maxEntries) {
        // Over budget: skip the state's bytes without decoding them (reads past the end throw).
        decoding.readVarUint8Array(d);
        continue;
      }
      const json = decoding.readVarString(d);
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null;
      if (!Number.isSafeInteger(clientId) || clientId > 0xffffffff || !Number.isSafeInteger(clock))
        return null;
      out.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    return decoding.hasContent(d) ? null : out;
  } catch {
    return null;
  }
};

/** Encodes entries back into an awareness update. */
export const encodeAwarenessEntries = (entries: readonly AwarenessEntry[]): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
};

/** Replaces the `user` field of every non-null state with `identity`. */
export const stampIdentity = (
  entries: readonly AwarenessEntry[],
  identity: Record<string, unknown>,
): AwarenessEntry[] =>
  entries.map((entry) =>
    entry.state === null ? entry : { ...entry, state: { ...entry.state, user: identity } },
  );
