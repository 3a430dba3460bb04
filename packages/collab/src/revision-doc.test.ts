import { BisInputError } from '@bis/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fn, para, sampleDocument } from './builders.test-util';
import { readDocument, textFragment, validateUpdate, writeDocument } from './index';

describe('writeDocument and readDocument', () => {
  it('round-trips headings, paragraphs, points and footnotes', () => {
    const ydoc = new Y.Doc();
    const doc = sampleDocument();
    writeDocument(ydoc, doc);
    expect(readDocument(ydoc)).toEqual(doc);
  });

  it('round-trips through an update applied to another replica', () => {
    const a = new Y.Doc();
    writeDocument(a, sampleDocument());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readDocument(b)).toEqual(sampleDocument());
  });

  it("writes y-prosemirror's shape: body then points, footnotes as inline atoms", () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, {
      title: 't',
      symbol: null,
      revision: null,
      preamble: '',
      blocks: [para(7, 'ab', [], [fn('9', 1, 'x')])],
    });
    expect(textFragment(ydoc).toString()).toBe(
      '<paragraph id="p7" label="7" order="k0007"><body>a<footnote mark="9" text="x"></footnote>b</body></paragraph>',
    );
  });

  it('replaces what the text held', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, sampleDocument());
    const small = { title: 'x', symbol: null, revision: null, preamble: '', blocks: [para(1, 'only')] };
    writeDocument(ydoc, small);
    expect(readDocument(ydoc)).toEqual(small);
  });

  it('refuses a footnote outside its text, leaving the document unchanged', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, sampleDocument());
    const bad = {
      title: 'x',
      symbol: null,
      revision: null,
      preamble: '',
      blocks: [para(1, 'ab', [], [fn('1', 3, 'x')])],
    };
    expect(() => writeDocument(ydoc, bad)).toThrow(BisInputError);
    expect(readDocument(ydoc)).toEqual(sampleDocument());
  });

  it('reads tracked changes as accepted or original text', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, {
      title: 't',
      symbol: null,
      revision: null,
      preamble: '',
      blocks: [para(1, 'keep gone')],
    });
    const body = (textFragment(ydoc).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    const t = body.get(0) as Y.XmlText;
    t.format(5, 4, { del: { by: 'EU', at: null, proposal: 'x1' } });
    t.insert(9, ' new', { ins: { by: 'EU', at: null, proposal: 'x1' } });
    const text = (d: ReturnType<typeof readDocument>) => (d.blocks[0] as { text: string }).text;
    expect(text(readDocument(ydoc))).toBe('keep  new');
    expect(text(readDocument(ydoc, 'original'))).toBe('keep gone');
  });

  it('produces updates that validate for revision and next documents', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, sampleDocument());
    const u = Y.encodeStateAsUpdate(ydoc);
    expect(validateUpdate('next', u)).toMatchObject({ ok: true });
    expect(validateUpdate('revision', u, {}, new Y.Doc())).toMatchObject({ ok: true });
    expect(validateUpdate('workspace', u).ok).toBe(false);
  });
});
