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

  it('shows printed labels: the letter of a lettered paragraph, nothing for an unnumbered one', () => {
    const s = createSchema();
    const para = (label: string, labelStyle: string | null, text: string, tags: string[] | null = null) =>
      s.node('paragraph', { id: `p-${label}`, order: 'a0', label, labelStyle, tags }, [
        s.node('body', null, [s.text(text)]),
      ]);
    const doc = s.node('doc', null, [
      s.node('heading', { id: 'h0', level: 1, number: null, role: 'chapeau', tags: ['ad ref'] }, [
        s.text('The General Assembly,'),
      ]),
      para('PP1', 'unnumbered', 'Recalling its resolution,', ['agreed']),
      para('PP2', 'lettered', 'Welcoming'),
      para('PP2 bis', 'lettered', 'Noting'),
      para('3', null, 'Decides'),
    ]);
    const host = document.createElement('div');
    const view = new EditorView(host, { state: EditorState.create({ doc, plugins: [labelPlugin()] }) });
    const labels = [...host.querySelectorAll('.bis-label')].map((e) => e.textContent);
    expect(labels).toEqual(['B.', 'B bis.', '3.']);
    const paras = [...host.querySelectorAll('.bis-paragraph')];
    expect(paras[0]?.querySelector('.bis-label')).toBeNull();
    expect(paras[0]?.getAttribute('data-label')).toBe('PP1');
    expect(paras[0]?.getAttribute('data-label-style')).toBe('unnumbered');
    expect([...host.querySelectorAll('.bis-tag')].map((e) => e.textContent)).toEqual(['ad ref', 'agreed']);
    expect(host.querySelector('h2 .bis-tag')?.textContent).toBe('ad ref');
    expect(host.querySelector('h2')?.getAttribute('data-role')).toBe('chapeau');
    // Neither labels nor tags are text of the document.
    expect(view.state.doc.textContent).toBe(
      'The General Assembly,Recalling its resolution,WelcomingNotingDecides',
    );
    view.destroy();
  });
});
