// The schema spec and the Yjs shape against the real ProseMirror and y-prosemirror: the editor
// builds `new Schema(spec)`, and y-prosemirror must read what collab writes and write the same.
import { Fragment, Schema, Slice } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { negotiationDocument, sampleDocument } from './builders.test-util';
import {
  createDraft,
  draftFragment,
  draftSchemaSpec,
  readDocument,
  readDrafts,
  revisionSchemaSpec,
  textFragment,
  validateUpdate,
  writeDocument,
} from './index';

describe('schema specs with ProseMirror and y-prosemirror', () => {
  it('builds ProseMirror schemas from the data', () => {
    const rev = new Schema(revisionSchemaSpec);
    expect(rev.topNodeType.name).toBe('doc');
    expect(rev.nodes.footnote?.isInline).toBe(true);
    expect(rev.nodes.footnote?.isAtom).toBe(true);
    expect(rev.nodes.paragraph?.inlineContent).toBe(false);
    expect(Object.keys(rev.marks).sort()).toEqual(['del', 'em', 'ins', 'strong']);
    expect(new Schema(draftSchemaSpec).topNodeType.name).toBe('draft');
  });

  it('y-prosemirror reads the written revision into a valid ProseMirror doc and writes it back identically', () => {
    const schema = new Schema(revisionSchemaSpec);
    const ydoc = new Y.Doc();
    writeDocument(ydoc, sampleDocument());
    const pm = yXmlFragmentToProseMirrorRootNode(textFragment(ydoc), schema);
    pm.check();
    expect(pm.childCount).toBe(textFragment(ydoc).length);
    const p2 = pm.child(5); // after three preamble lines, a heading and paragraph 1
    expect(p2.type.name).toBe('paragraph');
    expect(p2.attrs).toEqual({ id: 'p2', order: 'k0002', label: '2', labelStyle: null, tags: null });
    expect(p2.child(1).child(0).type.name).toBe('footnote');
    // Written back by y-prosemirror into a fresh doc: same XML, same projection, and valid.
    const other = new Y.Doc();
    other.getMap('meta').set('title', sampleDocument().title);
    other.getMap('meta').set('symbol', sampleDocument().symbol);
    other.getMap('meta').set('revision', sampleDocument().revision);
    prosemirrorToYXmlFragment(pm, textFragment(other));
    expect(textFragment(other).toString()).toBe(textFragment(ydoc).toString());
    expect(readDocument(other)).toEqual(sampleDocument());
    expect(validateUpdate('next', Y.encodeStateAsUpdate(other))).toMatchObject({ ok: true });
  });

  it('y-prosemirror keeps label styles, tags and chapeau roles, and typing does not rewrite them', () => {
    const schema = new Schema(revisionSchemaSpec);
    const ydoc = new Y.Doc();
    writeDocument(ydoc, negotiationDocument());
    const pm = yXmlFragmentToProseMirrorRootNode(textFragment(ydoc), schema);
    pm.check();
    expect(pm.child(0).attrs).toMatchObject({ role: 'chapeau', tags: null });
    expect(pm.child(5).attrs).toMatchObject({
      labelStyle: 'lettered',
      tags: ['Suggested for Closure', 'ad ref'],
    });
    const other = new Y.Doc();
    prosemirrorToYXmlFragment(pm, textFragment(other));
    expect(readDocument(other).blocks).toStrictEqual(negotiationDocument().blocks);
    expect(validateUpdate('next', Y.encodeStateAsUpdate(other))).toMatchObject({ ok: true });

    // Typing in the tagged paragraph, as the editor's binding writes it back: only the text
    // changes, the attribute items stay the ones the server wrote.
    const el = textFragment(ydoc).get(5) as Y.XmlElement;
    const itemOf = (key: string) => (el as unknown as { _map: Map<string, unknown> })._map.get(key);
    const before = { tags: itemOf('tags'), labelStyle: itemOf('labelStyle') };
    const body = pm.child(5).child(0);
    const typed = pm.replace(
      pm.resolve(0).posAtIndex(5) + 2,
      pm.resolve(0).posAtIndex(5) + 2,
      new Slice(Fragment.from(schema.text('Now ')), 0, 0),
    );
    expect(typed.child(5).child(0).textContent).toBe(`Now ${body.textContent}`);
    const sv = Y.encodeStateVector(ydoc);
    ydoc.transact(() =>
      updateYFragment(ydoc, textFragment(ydoc), typed, { mapping: new Map(), isOMark: new Map() }),
    );
    expect(itemOf('tags')).toBe(before.tags);
    expect(itemOf('labelStyle')).toBe(before.labelStyle);
    expect(readDocument(ydoc).blocks[5]).toMatchObject({
      text: `Now ${body.textContent}`,
      labelStyle: 'lettered',
    });
    expect(validateUpdate('next', Y.encodeStateAsUpdate(ydoc, sv), {}, ydoc).ok).toBe(true);
  });

  it('y-prosemirror writes marks as formatting that validates and projects to plain text', () => {
    const schema = new Schema(revisionSchemaSpec);
    const { nodes, marks } = schema;
    const mk = (name: string, attrs?: object) => schema.mark(name, attrs as never);
    const pm = nodes.doc?.create(null, [
      nodes.paragraph?.create({ id: 'p1', order: 'a', label: '1' }, [
        nodes.body?.create(null, [
          schema.text('plain '),
          schema.text('strong', [mk('strong')]),
          schema.text(' added', [mk('ins', { by: 'EU', at: '2026-01-01', proposal: 'x' })]),
          schema.text(' removed', [mk('del', { by: 'EU', at: null, proposal: 'x' }), mk('em')]),
        ]) as never,
      ]) as never,
    ]);
    expect(marks.em).toBeDefined();
    const ydoc = new Y.Doc();
    prosemirrorToYXmlFragment(pm as never, textFragment(ydoc));
    expect(validateUpdate('next', Y.encodeStateAsUpdate(ydoc))).toMatchObject({ ok: true });
    const block = readDocument(ydoc).blocks[0] as { text: string };
    expect(block.text).toBe('plain strong added');
    expect((readDocument(ydoc, 'original').blocks[0] as { text: string }).text).toBe('plain strong removed');
  });

  it("y-prosemirror reads a draft's fragments in the draft schema", () => {
    const schema = new Schema(draftSchemaSpec);
    const ydoc = new Y.Doc();
    createDraft(ydoc, {
      id: 'd1',
      party: 'Kenya',
      action: 'amend',
      targets: [{ paragraph: null, label: '77', point: null }],
      position: null,
      label: '77',
      summary: '',
      textMode: 'replace',
      text: 'line one\n\nline three',
      rationale: '',
      createdBy: 'u1',
      createdAt: '2026-01-01T00:00:00Z',
    });
    const f = draftFragment(ydoc, 'd1', 'text');
    if (!f) throw new Error('no fragment');
    const pm = yXmlFragmentToProseMirrorRootNode(f, schema);
    pm.check();
    expect(pm.textBetween(0, pm.content.size, '\n')).toBe('line one\n\nline three');
    const r = draftFragment(ydoc, 'd1', 'rationale');
    if (!r) throw new Error('no fragment');
    yXmlFragmentToProseMirrorRootNode(r, schema).check();
    // An edit made through y-prosemirror reads back as text.
    const edited = schema.node('draft', null, [schema.node('paragraph', null, [schema.text('rewritten')])]);
    f.delete(0, f.length);
    prosemirrorToYXmlFragment(edited, f);
    expect(readDrafts(ydoc)[0]?.text).toBe('rewritten');
    expect(validateUpdate('workspace', Y.encodeStateAsUpdate(ydoc))).toMatchObject({ ok: true });
  });
});
