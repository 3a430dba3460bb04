import { describe, expect, it } from 'vitest';
import { PendingChanges } from './pending';

describe('PendingChanges', () => {
  it('counts local changes until an ack’s state vector covers their clock', () => {
    const p = new PendingChanges();
    p.record({ client: 7, clock: 3, structs: true });
    p.record({ client: 7, clock: 5, structs: true });
    expect(p.count).toBe(2);
    // An ack for a message sent before these changes (none in flight): only the clock counts.
    p.acked(new Map([[7, 3]]));
    expect(p.count).toBe(1);
    p.acked(new Map([[7, 5]]));
    expect(p.count).toBe(0);
  });

  it('acknowledges delete-only changes by the order of acks', () => {
    const p = new PendingChanges();
    p.record({ client: 7, clock: 5, structs: false });
    p.sent();
    p.record({ client: 7, clock: 5, structs: false });
    p.sent();
    expect(p.count).toBe(2);
    // A delete-only update is acked with an empty state vector.
    p.acked(new Map());
    expect(p.count).toBe(1);
    p.acked(new Map());
    expect(p.count).toBe(0);
  });

  it('does not count a message sent before a change as covering it', () => {
    const p = new PendingChanges();
    p.sent();
    p.record({ client: 1, clock: 0, structs: false });
    p.acked(new Map());
    expect(p.count).toBe(1);
  });

  it('forgets messages in flight on disconnect; the step 2 of the reconnection covers all', () => {
    const p = new PendingChanges();
    p.record({ client: 1, clock: 2, structs: true });
    p.sent();
    p.disconnected();
    p.record({ client: 1, clock: 2, structs: false });
    expect(p.count).toBe(2);
    // Reconnected: the step 2 answering the server's step 1 carries everything.
    p.sent();
    p.acked(new Map());
    expect(p.count).toBe(0);
  });

  it('keeps changes of an earlier page load across a snapshot, under their old client id', () => {
    const p = new PendingChanges();
    p.record({ client: 11, clock: 4, structs: true });
    p.record({ client: 11, clock: 4, structs: false });
    const q = new PendingChanges();
    q.restore(JSON.parse(JSON.stringify(p.snapshot())));
    expect(q.list()).toEqual(p.list());
    q.record({ client: 12, clock: 1, structs: true });
    // The reconnection's step 2 carries the old client's structs: acked by clock and by order.
    q.sent();
    q.acked(new Map([[11, 4]]));
    expect(q.count).toBe(0);
  });

  it('clears on reset', () => {
    const p = new PendingChanges();
    p.record({ client: 1, clock: 1, structs: true });
    p.sent();
    p.clear();
    expect(p.count).toBe(0);
    p.acked(new Map());
    expect(p.count).toBe(0);
  });
});
