import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { createSchema, ownInsertionsPlugin } from './index';

const schema = createSchema();
const ins = schema.marks.ins;
const docOf = (text: string, marks: ReturnType<NonNullable<typeof ins>['create']>[] = []) =>
  schema.node('doc', null, [
    schema.node('paragraph', { id: 'p1', order: 'V', label: '10' }, [
      schema.node('body', null, [schema.text(text, marks)]),
    ]),
  ]);
const stateOf = (doc = docOf('in Africa. including persons')) =>
  EditorState.create({
    doc,
    plugins: [ownInsertionsPlugin({ by: () => 'chair-a', now: () => '2026-12-03T14:00:00.000Z' })],
  });
// The runs of the paragraph body: [text, who inserted it or null].
const runs = (s: EditorState) => {
  const out: [string, string | null][] = [];
  s.doc.descendants((n) => {
    if (n.isText) out.push([n.text ?? '', n.marks.find((m) => m.type === ins)?.attrs.by ?? null]);
  });
  return out;
};

describe('ownInsertionsPlugin', () => {
  it("marks the person's typing as their insertion, with time and no proposal", () => {
    const s = stateOf();
    // Inside the body: 2 (enter paragraph and body) + offset.
    const next = s.apply(s.tr.insertText(' and Asia', 2 + 'in Africa'.length));
    expect(runs(next)).toEqual([
      ['in Africa', null],
      [' and Asia', 'chair-a'],
      ['. including persons', null],
    ]);
    let attrs: unknown = null;
    next.doc.descendants((n) => {
      const m = n.marks.find((x) => x.type === ins);
      if (m) attrs = m.attrs;
    });
    expect(attrs).toEqual({ by: 'chair-a', at: '2026-12-03T14:00:00.000Z', proposal: null });
  });

  it("typing on from one's own insertion continues it (one mark, its first time)", () => {
    let t = 0;
    let s = EditorState.create({
      doc: docOf('in Africa.'),
      plugins: [ownInsertionsPlugin({ by: () => 'chair-a', now: () => `2026-12-03T14:00:0${t++}.000Z` })],
    });
    for (const ch of ' Asia') s = s.apply(s.tr.insertText(ch, s.doc.content.size - 2));
    expect(runs(s)).toEqual([
      ['in Africa.', null],
      [' Asia', 'chair-a'],
    ]);
    const ats = new Set<unknown>();
    s.doc.descendants((n) => {
      for (const m of n.marks) ats.add(m.attrs.at);
    });
    expect([...ats]).toEqual(['2026-12-03T14:00:00.000Z']);
  });

  it("re-marks text typed inside a proposal's insertion as the chair's", () => {
    const prop = ins?.create({ by: 'server', at: null, proposal: 'p-au' });
    const s = stateOf(docOf('including persons', prop ? [prop] : []));
    const next = s.apply(s.tr.insertText(' all', 2 + 'including'.length));
    expect(runs(next)).toEqual([
      ['including', 'server'],
      [' all', 'chair-a'],
      [' persons', 'server'],
    ]);
  });

  it('leaves changes that came from Yjs (a colleague) and deletions unmarked', () => {
    const s = stateOf();
    const remote = s.apply(s.tr.insertText('X', 2).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(runs(remote)).toEqual([['Xin Africa. including persons', null]]);
    const del = s.apply(s.tr.delete(2, 5));
    expect(runs(del)).toEqual([['Africa. including persons', null]]);
  });
});
