// @vitest-environment jsdom
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import {
  createDraftSchema,
  refreshTrackedChanges,
  trackedChangeDecorations,
  trackedChangesPlugin,
} from './index';

const schema = createDraftSchema();
const draft = (...lines: string[]) =>
  schema.node(
    'draft',
    null,
    lines.map((l) => schema.node('paragraph', null, l ? [schema.text(l)] : [])),
  );

const viewOf = (lines: string[], current: { text: string | null }) => {
  const host = document.createElement('div');
  document.body.append(host);
  const view = new EditorView(host, {
    state: EditorState.create({
      doc: draft(...lines),
      plugins: [trackedChangesPlugin({ current: () => current.text })],
    }),
  });
  return { host, view };
};

describe('tracked changes view', () => {
  it('shows inserted words in <ins> and deleted words as struck <del> widgets', () => {
    const { host, view } = viewOf(['Recognizes the urgent role of States'], {
      text: 'Recognizes the role of member States',
    });
    expect([...host.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['urgent ']);
    expect([...host.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['member ']);
    // The widgets are not part of the text.
    expect(view.state.doc.textContent).toBe('Recognizes the urgent role of States');
    view.destroy();
  });

  it('updates live as the draft is typed', () => {
    const { host, view } = viewOf(['Calls upon States'], { text: 'Calls upon States' });
    expect(host.querySelectorAll('ins, del')).toHaveLength(0);
    view.dispatch(view.state.tr.insertText(' and regional groups', view.state.doc.content.size - 1));
    expect([...host.querySelectorAll('ins')].map((e) => e.textContent).join('')).toBe(' and regional groups');
    view.destroy();
  });

  it('reads the base text again on refresh, and shows nothing for null', () => {
    const current = { text: 'Notes' as string | null };
    const { host, view } = viewOf(['Welcomes'], current);
    expect(host.querySelectorAll('del')).toHaveLength(1);
    current.text = null;
    view.dispatch(refreshTrackedChanges(view.state.tr));
    expect(host.querySelectorAll('ins, del')).toHaveLength(0);
    view.destroy();
  });

  it('maps changes across several paragraphs to the right lines', () => {
    const doc = draft('First line kept', 'Second line changed', '');
    const { runs, decorations } = trackedChangeDecorations(doc, 'First line kept\nSecond line');
    expect(runs.filter((r) => r.op !== 'equal').map((r) => [r.op, r.text])).toEqual([
      ['insert', ' changed\n'],
    ]);
    const found = decorations.find();
    // ' changed' is in the second paragraph (positions 17…), the line break yields no inline decoration.
    expect(found).toHaveLength(1);
    const d = found[0];
    expect(doc.textBetween(d?.from ?? 0, d?.to ?? 0)).toBe(' changed');
  });

  it('marks a deleted line at the end of the previous line', () => {
    const doc = draft('Alpha');
    const { decorations } = trackedChangeDecorations(doc, 'Alpha\nBeta');
    const found = decorations.find();
    expect(found).toHaveLength(1);
    expect(found[0]?.from).toBe(6);
  });
});
