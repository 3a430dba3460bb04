// @vitest-environment jsdom
import { keyBetween, type Paragraph, paragraphId } from '@bis/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParagraphPicker, pickerOption } from './ParagraphPicker';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const para = (id: string, label: string, text: string, labelStyle?: Paragraph['labelStyle']): Paragraph => ({
  kind: 'paragraph',
  id: paragraphId(id),
  order: keyBetween(null, null),
  label,
  text,
  points: [],
  footnotes: [],
  ...(labelStyle ? { labelStyle } : {}),
});

// The three kinds of paragraph of a WSIS-style draft: lettered and unnumbered preamble, operative.
const paragraphs: Paragraph[] = [
  para('p1', 'PP1', 'We, the Ministers and High Representatives, assembled in Geneva,', 'lettered'),
  para('p2', 'PP2', 'Recalling the outcome documents of the World Summit,', 'lettered'),
  para('p3', 'PP3', 'Welcoming the progress made since 2015,', 'unnumbered'),
  para('p4', '77 bis', 'Calls upon all stakeholders to bridge the digital divides;'),
];

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('the workspace paragraph picker', () => {
  it('names each paragraph by its printed label with the reference in brackets, as the other screens do', () => {
    const chosen: string[] = [];
    act(() =>
      root.render(<ParagraphPicker paragraphs={paragraphs} value="" onChange={(id) => chosen.push(id)} />),
    );
    const select = host.querySelector('select') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).toContain('Paragraph');
    const options = [...select.options].slice(1).map((o) => o.textContent);
    expect(options).toEqual([
      '§A (PP1) — We, the Ministers and High Representatives, assembled in Geneva,',
      '§B (PP2) — Recalling the outcome documents of the World Summit,',
      '§PP3 — Welcoming the progress made since 2015,',
      '§77 bis — Calls upon all stakeholders to bridge the digital divides;',
    ]);
    act(() => {
      select.value = 'p2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(chosen).toEqual(['p2']);
  });

  it('cuts a long text at 70 characters with an ellipsis', () => {
    const long = para('p9', 'PP4', `Reaffirming ${'the commitments of the Summit '.repeat(5)}`, 'lettered');
    expect(pickerOption(long)).toBe(`§D (PP4) — ${long.text.slice(0, 70)}…`);
  });
});
