import { BisInputError, type Paragraph } from '@bis/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fn, negotiationDocument, para, sampleDocument } from './builders.test-util';
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

describe('the text model beyond numbered paragraphs', () => {
  it('round-trips lettered and unnumbered preambles, tags, chapeau headings and brackets', () => {
    const a = new Y.Doc();
    writeDocument(a, negotiationDocument());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readDocument(b)).toStrictEqual(negotiationDocument());
  });

  it('stores label style, role and tags as attributes of the elements', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, negotiationDocument());
    const nodes = textFragment(ydoc).toArray() as Y.XmlElement[];
    expect(nodes[0]?.getAttributes()).toMatchObject({ role: 'chapeau' });
    expect(nodes[2]?.getAttributes()).toMatchObject({ labelStyle: 'unnumbered', tags: ['agreed'] });
    expect(nodes[5]?.getAttributes()).toMatchObject({
      labelStyle: 'lettered',
      tags: ['Suggested for Closure', 'ad ref'],
    });
    // No attribute for what is absent: an old document reads the same as before.
    expect(Object.keys(nodes[8]?.getAttributes() ?? {}).sort()).toEqual(['id', 'label', 'order']);
  });

  it('reads an empty tag list as no tags and writes none for it', () => {
    const ydoc = new Y.Doc();
    const doc = { ...negotiationDocument(), blocks: [{ ...(para(1, 'x') as Paragraph), tags: [] }] };
    writeDocument(ydoc, doc);
    expect(readDocument(ydoc).blocks[0]).not.toHaveProperty('tags');
  });

  it('refuses a label style or tag the schema does not allow, leaving the document unchanged', () => {
    const ydoc = new Y.Doc();
    writeDocument(ydoc, negotiationDocument());
    const bad = (extra: object) => ({
      ...negotiationDocument(),
      blocks: [{ ...(para(1, 'x') as Paragraph), ...extra } as Paragraph],
    });
    expect(() => writeDocument(ydoc, bad({ labelStyle: 'roman' }))).toThrow(/labelStyle.*lettered/);
    expect(() => writeDocument(ydoc, bad({ tags: ['[agreed]'] }))).toThrow(/no square brackets/);
    expect(() => writeDocument(ydoc, bad({ tags: [''] }))).toThrow(BisInputError);
    expect(readDocument(ydoc)).toStrictEqual(negotiationDocument());
  });
});
