// @vitest-environment jsdom
import { draftSchemaSpec, revisionSchemaSpec } from '@bis/collab';
import { DOMSerializer, DOMParser as PMDOMParser } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { createDraftSchema, createSchema } from './index';

describe('createSchema', () => {
  it('has exactly the node and mark names of collab’s revision spec', () => {
    const s = createSchema();
    expect(Object.keys(s.nodes).sort()).toEqual(Object.keys(revisionSchemaSpec.nodes).sort());
    expect(Object.keys(s.marks).sort()).toEqual(Object.keys(revisionSchemaSpec.marks).sort());
    expect(s.topNodeType.name).toBe('doc');
  });

  it('renders ins and del marks as real <ins>/<del> and parses them back with provenance', () => {
    const s = createSchema();
    const ins = s.marks.ins?.create({ by: 'African Union', at: null, proposal: 'p1' });
    const del = s.marks.del?.create({ by: 'EU', at: null, proposal: null });
    if (!ins || !del) throw new Error('marks missing');
    const doc = s.node('doc', null, [
      s.node('paragraph', { id: 'p77', order: 'a0', label: '77' }, [
        s.node('body', null, [s.text('keep '), s.text('new', [ins]), s.text(' '), s.text('old', [del])]),
        s.node('point', { label: '(a)' }, [
          s.text('point'),
          s.node('footnote', { mark: '3', text: 'See A/80/1.' }),
        ]),
      ]),
    ]);
    const frag = DOMSerializer.fromSchema(s).serializeFragment(doc.content);
    const div = document.createElement('div');
    div.append(frag);
    expect(div.querySelector('ins')?.textContent).toBe('new');
    expect(div.querySelector('ins')?.getAttribute('data-by')).toBe('African Union');
    expect(div.querySelector('del')?.textContent).toBe('old');
    expect(div.querySelector('.bis-paragraph')?.getAttribute('data-label')).toBe('77');
    expect(div.querySelector('sup.bis-footnote')?.textContent).toBe('3');
    const back = PMDOMParser.fromSchema(s).parse(div);
    expect(back.toJSON()).toEqual(doc.toJSON());
  });
});

describe('the text model in the DOM', () => {
  it('carries label styles, tags and chapeau roles through copy and paste', () => {
    const s = createSchema();
    const doc = s.node('doc', null, [
      s.node('heading', { id: 'h0', level: 1, number: null, role: 'chapeau', tags: ['agreed'] }, [
        s.text('The General Assembly,'),
      ]),
      s.node('paragraph', { id: 'p1', order: 'a0', label: 'PP2', labelStyle: 'lettered', tags: ['ad ref'] }, [
        s.node('body', null, [s.text('[Option 1: {Placeholder} Option 2: the [ultimate] objective]')]),
      ]),
    ]);
    const div = document.createElement('div');
    div.append(DOMSerializer.fromSchema(s).serializeFragment(doc.content));
    expect(div.querySelector('.bis-paragraph')?.getAttribute('data-tags')).toBe('["ad ref"]');
    const back = PMDOMParser.fromSchema(s).parse(div);
    expect(back.toJSON()).toEqual(doc.toJSON());
  });

  it('reads an unknown label style or broken tags from pasted HTML as none', () => {
    const s = createSchema();
    const div = document.createElement('div');
    div.innerHTML =
      '<div class="bis-paragraph" data-label="1" data-label-style="roman" data-tags="[agreed"><p class="bis-body">x</p></div>';
    const para = PMDOMParser.fromSchema(s).parse(div).firstChild;
    expect(para?.attrs).toMatchObject({ label: '1', labelStyle: null, tags: null });
  });
});

describe('createDraftSchema', () => {
  it('has the draft spec’s names and accepts paragraphs of text', () => {
    const s = createDraftSchema();
    expect(Object.keys(s.nodes).sort()).toEqual(Object.keys(draftSchemaSpec.nodes).sort());
    const doc = s.node('draft', null, [s.node('paragraph', null, [s.text('a')])]);
    expect(() => doc.check()).not.toThrow();
    expect(s.marks.ins).toBeUndefined();
  });
});
