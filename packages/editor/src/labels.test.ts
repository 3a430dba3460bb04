// @vitest-environment jsdom
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { createSchema, labelPlugin } from './index';

describe('label plugin', () => {
  it('shows paragraph and point labels before their text, outside the editable content', () => {
    const s = createSchema();
    const doc = s.node('doc', null, [
      s.node('heading', { id: 'h1', level: 1, number: 'II' }, [s.text('Landscape')]),
      s.node('paragraph', { id: 'p1', order: 'a0', label: '77 bis' }, [
        s.node('body', null, [s.text('Calls upon:')]),
        s.node('point', { label: 'a' }, [s.text('States')]),
      ]),
    ]);
    const host = document.createElement('div');
    const view = new EditorView(host, { state: EditorState.create({ doc, plugins: [labelPlugin()] }) });
    const labels = [...host.querySelectorAll('.bis-label')].map((e) => e.textContent);
    expect(labels).toEqual(['77 bis.', 'a']);
    expect(host.querySelector('.bis-label')?.getAttribute('contenteditable')).toBe('false');
    expect(host.querySelector('h2')?.textContent).toBe('Landscape');
    // Labels are not text of the document.
    expect(view.state.doc.textContent).toBe('LandscapeCalls upon:States');
    view.destroy();
  });
});
