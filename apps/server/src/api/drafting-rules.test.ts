import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, startFixture } from './fixture.test-util';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

const P = () => `/api/processes/${f.pid}`;

// A draft as the browser's "Amend §N" starts it: resolved target, no `another`.
const amend = (label: string, text: string, extra: Record<string, unknown> = {}) => ({
  action: 'amend',
  targets: [{ paragraph: null, label, point: null }],
  label,
  text,
  ...extra,
});

describe('tabling a draft that changes nothing', () => {
  it('refuses a draft whose text is the paragraph as it stands, saying why, and tables nothing', async () => {
    const d = await f.kenya.call(
      'POST',
      `${P()}/parties/kenya/drafts`,
      amend('1', 'The first paragraph of the base text.'),
    );
    expect(d.status, JSON.stringify(d.json)).toBe(201);
    const before = f.server.services.db.listProposals(f.pid).length;
    const r = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${d.json.id}/table`);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/text of §1 as it stands/);
    expect(r.json.error.message).toMatch(/Retain/);
    expect(f.server.services.db.listProposals(f.pid)).toHaveLength(before);
  });

  it('counts differences of spacing only as no change, and tables a real change', async () => {
    const same = await f.kenya.call(
      'POST',
      `${P()}/parties/kenya/drafts`,
      amend('3', '  The third paragraph,\n about participation. '),
    );
    expect((await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${same.json.id}/table`)).status).toBe(
      409,
    );
    const changed = await f.kenya.call(
      'POST',
      `${P()}/parties/kenya/drafts`,
      amend('3', 'The third paragraph, about meaningful participation.', { another: true }),
    );
    const r = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${changed.json.id}/table`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  });
});

describe('one draft per party, action and paragraph', () => {
  it('returns the open draft when the same draft is started twice, and a new one when asked', async () => {
    const first = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, amend('2', 'Draft A.'));
    expect(first.status).toBe(201);
    const twice = await f.kenya2.call('POST', `${P()}/parties/kenya/drafts`, amend('2', 'Draft A.'));
    expect(twice.status).toBe(200);
    expect(twice.json.id).toBe(first.json.id);
    const drafts = await f.kenya.call('GET', `${P()}/parties/kenya/drafts`);
    const onTwo = drafts.json.drafts.filter(
      (d: { action: string; label: string }) => d.action === 'amend' && d.label === '2',
    );
    expect(onTwo).toHaveLength(1);

    // Another action on the same paragraph is another draft.
    const del = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, {
      action: 'delete',
      targets: [{ paragraph: null, label: '2', point: null }],
      label: '2',
    });
    expect(del.status).toBe(201);
    expect(del.json.id).not.toBe(first.json.id);

    // The delegate asks for a second amendment of §2.
    const another = await f.kenya.call(
      'POST',
      `${P()}/parties/kenya/drafts`,
      amend('2', 'Draft B.', { another: true }),
    );
    expect(another.status).toBe(201);
    expect(another.json.id).not.toBe(first.json.id);
  });

  it('starts a fresh draft once the earlier one is withdrawn', async () => {
    const retain = { action: 'retain', targets: [{ paragraph: null, label: '1', point: null }], label: '1' };
    const first = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, retain);
    expect(first.status).toBe(201);
    expect((await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${first.json.id}/table`)).status).toBe(
      200,
    );
    // Still open while tabled: the same draft comes back (to table a new version).
    const again = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, retain);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    expect((await f.kenya.call('POST', `${P()}/proposals/${first.json.id}/withdraw`)).status).toBe(200);
    const fresh = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, retain);
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(first.json.id);
  });

  it('refuses to table again a proposal the chairs decided on, and changes nothing', async () => {
    const d = await f.kenya.call(
      'POST',
      `${P()}/parties/kenya/drafts`,
      amend('2', 'The second paragraph, about open and interoperable standards.', { another: true }),
    );
    expect((await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${d.json.id}/table`)).status).toBe(200);
    const dec = await f.cofac.call('POST', `${P()}/proposals/${d.json.id}/decision`, {
      decision: 'accepted',
    });
    expect(dec.status).toBe(200);
    const before = JSON.stringify(f.server.services.db.getProposal(f.pid, d.json.id));
    const r = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${d.json.id}/table`);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/decided/);
    expect(JSON.stringify(f.server.services.db.getProposal(f.pid, d.json.id))).toBe(before);
  });
});
