import { BisInputError, paragraphId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sampleProposal } from './builders.test-util';
import {
  createDraft,
  type DraftInput,
  deleteDraft,
  draftFragment,
  initMeta,
  readCompilation,
  readCompiledProposal,
  readDraft,
  readDrafts,
  readMeta,
  removeFromCompilation,
  SCHEMA_VERSION,
  setDraftText,
  updateDraftFields,
  writeCompiledProposal,
} from './index';

const input = (id: string, over: Partial<DraftInput> = {}): DraftInput => ({
  id,
  party: 'Access Now',
  action: 'amend',
  targets: [{ paragraph: paragraphId('p77'), label: '77', point: 'b' }],
  position: null,
  label: '77',
  summary: 'Add digital dignity',
  textMode: 'replace',
  text: 'Calls upon States to respect\ndigital dignity.',
  rationale: 'As agreed in 2025.',
  links: [{ to: sampleProposal('x9').id, note: 'see 93 bis' }],
  createdBy: 'u1',
  createdAt: '2026-02-01T09:00:00Z',
  ...over,
});

describe('workspace drafts', () => {
  it('reads a created draft back as a Proposal with status draft', () => {
    const ydoc = new Y.Doc();
    createDraft(ydoc, input('d1', { source: { file: 'written.txt', line: 12 }, illustrative: true }));
    expect(readDraft(ydoc, 'd1')).toEqual({
      id: 'd1',
      party: 'Access Now',
      coSponsors: [],
      supporters: [],
      action: 'amend',
      targets: [{ paragraph: 'p77', label: '77', point: 'b' }],
      position: null,
      label: '77',
      text: 'Calls upon States to respect\ndigital dignity.',
      textMode: 'replace',
      rationale: 'As agreed in 2025.',
      summary: 'Add digital dignity',
      status: 'draft',
      decision: null,
      decisionNote: '',
      relatedTo: null,
      links: [{ to: 'x9', note: 'see 93 bis' }],
      versions: [],
      illustrative: true,
      source: { file: 'written.txt', line: 12 },
      createdBy: 'u1',
      createdAt: '2026-02-01T09:00:00Z',
    });
    expect(readDraft(ydoc, 'nope')).toBeNull();
  });

  it('keeps empty lines and empty texts', () => {
    const ydoc = new Y.Doc();
    createDraft(ydoc, input('d1', { text: '', rationale: 'a\n\nb\n' }));
    expect(readDraft(ydoc, 'd1')).toMatchObject({ text: '', rationale: 'a\n\nb\n' });
    expect(draftFragment(ydoc, 'd1', 'text')?.length).toBe(1);
  });

  it('updates fields and texts, and deletes drafts', () => {
    const ydoc = new Y.Doc();
    createDraft(ydoc, input('d1'));
    expect(updateDraftFields(ydoc, 'd1', { action: 'insert', position: 'after', label: '77 bis' })).toBe(
      true,
    );
    expect(setDraftText(ydoc, 'd1', 'text', 'New wording.')).toBe(true);
    expect(readDraft(ydoc, 'd1')).toMatchObject({
      action: 'insert',
      position: 'after',
      label: '77 bis',
      text: 'New wording.',
    });
    expect(updateDraftFields(ydoc, 'd2', { label: 'x' })).toBe(false);
    expect(setDraftText(ydoc, 'd2', 'text', 'x')).toBe(false);
    expect(deleteDraft(ydoc, 'd1')).toBe(true);
    expect(deleteDraft(ydoc, 'd1')).toBe(false);
    expect(readDrafts(ydoc)).toEqual([]);
  });

  it('lists drafts oldest first, then by id', () => {
    const ydoc = new Y.Doc();
    createDraft(ydoc, input('b', { createdAt: '2026-02-02T00:00:00Z' }));
    createDraft(ydoc, input('c', { createdAt: '2026-02-01T00:00:00Z' }));
    createDraft(ydoc, input('a', { createdAt: '2026-02-02T00:00:00Z' }));
    expect(readDrafts(ydoc).map((d) => d.id)).toEqual(['c', 'a', 'b']);
  });

  it('refuses bad ids and fields with BisInputError', () => {
    const ydoc = new Y.Doc();
    createDraft(ydoc, input('d1'));
    expect(() => createDraft(ydoc, input('d1'))).toThrow(BisInputError);
    expect(() => createDraft(ydoc, input('a/b'))).toThrow(BisInputError);
    expect(() => createDraft(ydoc, input('d2', { action: 'rewrite' as never }))).toThrow(BisInputError);
    expect(() => updateDraftFields(ydoc, 'd1', { textMode: 'x' as never })).toThrow(BisInputError);
    expect(readDrafts(ydoc).map((d) => d.id)).toEqual(['d1']);
  });
});

describe('compilation', () => {
  it('writes, replaces, reads by id order and removes proposals', () => {
    const ydoc = new Y.Doc();
    writeCompiledProposal(ydoc, sampleProposal('x2'));
    writeCompiledProposal(ydoc, sampleProposal('x1'));
    writeCompiledProposal(ydoc, sampleProposal('x2', { decision: 'accepted', decisionNote: 'as is' }));
    expect(readCompilation(ydoc).map((p) => [p.id, p.decision])).toEqual([
      ['x1', null],
      ['x2', 'accepted'],
    ]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    expect(readCompiledProposal(other, 'x2')).toEqual(
      sampleProposal('x2', { decision: 'accepted', decisionNote: 'as is' }),
    );
    expect(removeFromCompilation(ydoc, 'x1')).toBe(true);
    expect(removeFromCompilation(ydoc, 'x1')).toBe(false);
    expect(readCompilation(ydoc).map((p) => p.id)).toEqual(['x2']);
    expect(() => writeCompiledProposal(ydoc, sampleProposal('bad id'))).toThrow(BisInputError);
  });
});

describe('meta', () => {
  it('sets and reads schema and generation', () => {
    const ydoc = new Y.Doc();
    expect(readMeta(ydoc)).toEqual({
      schema: null,
      generation: null,
      title: null,
      symbol: null,
      revision: null,
    });
    initMeta(ydoc, { generation: 'gen-2' });
    expect(readMeta(ydoc)).toMatchObject({ schema: SCHEMA_VERSION, generation: 'gen-2' });
  });
});
