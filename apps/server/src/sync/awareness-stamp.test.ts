import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate } from './awareness-stamp';

const update = (entries: readonly [number, number, string][], extra?: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  if (extra) encoding.writeUint8Array(e, extra);
  return encoding.toUint8Array(e);
};

describe('decodeAwarenessUpdate', () => {
  it('decodes entries within the budget', () => {
    expect(decodeAwarenessUpdate(update([[1, 2, '{"a":1}']]), 4)).toEqual([
      { clientId: 1, clock: 2, state: { a: 1 } },
    ]);
  });

  it('skips entries over the budget instead of refusing the update (a stock client echoes aggregated presence)', () => {
    const entries = Array.from({ length: 40 }, (_, i): [number, number, string] => [
      i + 1,
      1,
      '{"cursor":3}',
    ]);
    const out = decodeAwarenessUpdate(update(entries), 16);
    expect(out?.map((x) => x.clientId)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('still refuses a malformed update over the budget (truncated, trailing bytes)', () => {
    const entries = Array.from({ length: 20 }, (_, i): [number, number, string] => [i + 1, 1, '{}']);
    const bytes = update(entries);
    expect(decodeAwarenessUpdate(bytes.subarray(0, bytes.length - 1), 4)).toBeNull();
    expect(decodeAwarenessUpdate(update(entries, new Uint8Array([7])), 4)).toBeNull();
  });

  it('refuses states that are not objects or null', () => {
    expect(decodeAwarenessUpdate(update([[1, 1, '[1]']]), 4)).toBeNull();
    expect(decodeAwarenessUpdate(update([[1, 1, 'nope']]), 4)).toBeNull();
  });
});
