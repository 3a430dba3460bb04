// @vitest-environment jsdom
import { createDraft, draftFragment, readDraft } from '@bis/collab';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { collabPlugins, createDraftSchema, labelPlugin, undoCommand } from './index';

const tick = () => new Promise((r) => setTimeout(r, 0));

// Two replicas of one workspace, relaying updates both ways as a server would.
const pair = () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  createDraft(a, {
    id: 'd1',
    party: 'African Union',
    action: 'amend',
    targets: [],
    position: null,
    label: '77',
    summary: '',
    textMode: 'replace',
    text: 'Recognizes the role of States',
    rationale: '',
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00Z',
  });
  return { a, b };
};

const editor = (doc: Y.Doc, awareness: Awareness | null, label?: string) => {
  const fragment = draftFragment(doc, 'd1', 'text');
  if (!fragment) throw new Error('no fragment');
  const host = document.createElement('div');
  document.body.append(host);
  const schema = createDraftSchema();
  const view = new EditorView(host, {
    state: EditorState.create({
      schema,
      plugins: [
        ...collabPlugins({ fragment, awareness }),
        ...(label ? [labelPlugin({ label: () => label })] : []),
      ],
    }),
  });
  return { host, view };
};

const typeAt = (view: EditorView, pos: number, text: string) =>
  view.dispatch(view.state.tr.insertText(text, pos));

describe('collab binding of a draft', () => {
  it('shows the draft from the workspace document and a colleague’s typing', async () => {
    const { a, b } = pair();
    const ea = editor(a, null, '77');
    const eb = editor(b, null);
    await tick();
    expect(ea.view.state.doc.textContent).toBe('Recognizes the role of States');
    expect(ea.host.querySelector('.bis-label')?.textContent).toBe('77.');
    typeAt(ea.view, 1, 'Also ');
    await tick();
    expect(eb.view.state.doc.textContent).toBe('Also Recognizes the role of States');
    expect(readDraft(b, 'd1')?.text).toBe('Also Recognizes the role of States');
    ea.view.destroy();
    eb.view.destroy();
  });

  it('undo reverts only one’s own changes, never a colleague’s', async () => {
    const { a, b } = pair();
    const ea = editor(a, null);
    const eb = editor(b, null);
    await tick();
    typeAt(ea.view, 1, 'A ');
    await tick();
    // Past the UndoManager's capture timeout is not needed: the two edits are by different people.
    typeAt(eb.view, eb.view.state.doc.content.size - 1, ' now');
    await tick();
    expect(ea.view.state.doc.textContent).toBe('A Recognizes the role of States now');
    undoCommand(eb.view.state, eb.view.dispatch);
    await tick();
    expect(ea.view.state.doc.textContent).toBe('A Recognizes the role of States');
    expect(eb.view.state.doc.textContent).toBe('A Recognizes the role of States');
    ea.view.destroy();
    eb.view.destroy();
  });

  it('shows a colleague’s cursor with their name from awareness', async () => {
    const { a, b } = pair();
    const awA = new Awareness(a);
    const awB = new Awareness(b);
    // Relay awareness like the server does (identity stamped there; here set directly).
    awB.setLocalStateField('user', { name: 'Amina (AU)', color: '#aa3300' });
    const ea = editor(a, awA);
    const eb = editor(b, awB);
    await tick();
    eb.view.focus();
    // y-prosemirror publishes the cursor of a focused editor when its state changes.
    eb.view.dispatch(eb.view.state.tr.setSelection(TextSelection.create(eb.view.state.doc, 4)));
    await tick();
    const stateB = awB.getLocalState() as Record<string, unknown> | null;
    expect(stateB?.cursor).toBeTruthy();
    // Deliver B's state to A, as the server relays awareness.
    applyAwarenessUpdate(awA, encodeAwarenessUpdate(awB, [b.clientID]), 'relay');
    await tick();
    const caret = ea.host.querySelector('.bis-cursor');
    expect(caret?.getAttribute('data-name')).toBe('Amina (AU)');
    expect(caret?.textContent).toContain('Amina (AU)');
    ea.view.destroy();
    eb.view.destroy();
  });
});
