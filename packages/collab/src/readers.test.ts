import { paragraphId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sampleProposal } from './builders.test-util';
import {
  createDraft,
  draftsMap,
  readCompilation,
  readCompiledProposal,
  readDraft,
  writeCompiledProposal,
} from './index';

describe('readers of documents holding data written before drafts were checked', () => {
  it('leaves a compiled proposal with a null target out of the compilation, and keeps the rest', () => {
    const doc = new Y.Doc();
    writeCompiledProposal(doc, sampleProposal('good1'));
    doc.getMap('proposals').set('bad1', { ...sampleProposal('bad1'), targets: [null] });
    doc.getMap('proposals').set('bad2', { ...sampleProposal('bad2'), source: 'anything' });
    expect(readCompilation(doc).map((p) => p.id)).toEqual(['good1']);
    expect(readCompiledProposal(doc, 'bad1')).toBeNull();
  });

  it('reads a draft without its malformed targets, links and source', () => {
    const doc = new Y.Doc();
    createDraft(doc, {
      id: 'd1',
      party: 'Kenya',
      action: 'amend',
      targets: [{ paragraph: paragraphId('p1'), label: '1', point: null }],
      position: null,
      label: '1',
      summary: '',
      textMode: 'replace',
      text: 'Text.',
      rationale: '',
      createdBy: 'u1',
      createdAt: '2026-01-01T00:00:00Z',
    });
    const m = draftsMap(doc).get('d1') as Y.Map<unknown>;
    m.set('targets', [null, { paragraph: null, label: '2', point: null }, 7]);
    m.set('links', [null, { to: 'p9', note: '' }]);
    m.set('source', { evil: true });
    expect(readDraft(doc, 'd1')).toMatchObject({
      targets: [{ paragraph: null, label: '2', point: null }],
      links: [{ to: 'p9', note: '' }],
      source: null,
    });
  });
});
