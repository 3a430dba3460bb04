import { paragraphId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLIENT_READ_ONLY_DRAFT_FIELDS,
  CLIENT_READ_ONLY_ROOTS,
  createDraft,
  DRAFT_LIMITS,
  draftsMap,
  draftValueProblem,
  initMeta,
  updateDraftFields,
  validateUpdate,
} from './index';

// The server's copy of a workspace with one draft, and the update a client's `edit` makes to it.
const clientEdit = (
  edit: (draft: Y.Map<unknown>, doc: Y.Doc) => void,
): { server: Y.Doc; update: Uint8Array } => {
  const server = new Y.Doc();
  initMeta(server, { generation: 'g1' });
  createDraft(server, {
    id: 'd1',
    party: 'Kenya',
    action: 'amend',
    targets: [{ paragraph: paragraphId('p77'), label: '77', point: null }],
    position: null,
    label: '77',
    summary: '',
    textMode: 'replace',
    text: 'Calls upon States to act.',
    rationale: '',
    createdBy: 'Delegate of Kenya',
    createdAt: '2026-01-01T00:00:00Z',
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(client);
  edit(draftsMap(client).get('d1') as Y.Map<unknown>, client);
  return { server, update: Y.encodeStateAsUpdate(client, sv) };
};

// As the server validates a client's update.
const check = ({ server, update }: { server: Y.Doc; update: Uint8Array }) =>
  validateUpdate('workspace', update, {}, server, {
    serverOnlyRoots: CLIENT_READ_ONLY_ROOTS,
    serverOnlyDraftFields: CLIENT_READ_ONLY_DRAFT_FIELDS,
  });

const refusedWith = (r: ReturnType<typeof validateUpdate>): string => (r.ok ? 'accepted' : r.reason);

describe('draft fields written through Yjs', () => {
  it('accepts what the web app writes: links, a new label, a summary', () => {
    const edit = clientEdit((_draft, doc) => {
      updateDraftFields(doc, 'd1', { links: [{ to: 'p2' as never, note: 'moves its substance' }] });
      updateDraftFields(doc, 'd1', { label: '77 bis', summary: 'Stronger' });
    });
    expect(check(edit)).toMatchObject({ ok: true });
  });

  it('refuses the values a delegate used to poison every export', () => {
    const cases: [string, unknown, RegExp][] = [
      ['targets', [null], /draft field targets\[0\] must be an object/],
      ['targets', [], /draft field targets must hold at least 1/],
      [
        'targets',
        [{ paragraph: 'p1', label: 'x'.repeat(41), point: null }],
        /targets\[0\]\.label is 41 characters long; at most 40/,
      ],
      ['targets', [{ paragraph: 'p1', label: '1', point: null, extra: 1 }], /has an unknown key "extra"/],
      ['label', 'L'.repeat(5000), /draft field label is 5000 characters long; at most 40/],
      ['label', '   ', /draft field label must not be empty/],
      ['links', [{ to: '../x', note: '' }], /links\[0\]\.to must be a proposal id/],
      ['action', 'rewrite', /draft field action must be one of amend/],
      ['summary', 's'.repeat(DRAFT_LIMITS.summary + 1), /summary is 501 characters long/],
    ];
    for (const [field, value, reason] of cases) {
      expect(refusedWith(check(clientEdit((draft) => draft.set(field, value)))), field).toMatch(reason);
    }
  });

  it('refuses a client writing the fields only the server sets', () => {
    for (const [field, value] of [
      ['illustrative', true],
      ['source', { file: 'x.txt', line: 1 }],
      ['party', 'European Union'],
      ['createdBy', 'Someone else'],
    ] as const) {
      expect(refusedWith(check(clientEdit((draft) => draft.set(field, value)))), field).toMatch(
        new RegExp(`draft field "${field}" is written by the server only`),
      );
    }
  });

  it('names the problem of a single value, as the server re-checks a draft at tabling', () => {
    expect(draftValueProblem('source', { evil: 'x' })).toBe('source has an unknown key "evil"');
    expect(draftValueProblem('source', { file: null, line: 3 })).toBeNull();
    expect(draftValueProblem('illustrative', 'yes')).toBe('illustrative must be true or false');
    expect(draftValueProblem('targets', [{ paragraph: null, label: '77', point: 'b' }])).toBeNull();
    expect(draftValueProblem('nonsense', 1)).toBe('unknown draft field "nonsense"');
  });
});
