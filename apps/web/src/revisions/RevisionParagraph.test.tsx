// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { RevisionParagraph } from './RevisionParagraph';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('RevisionParagraph', () => {
  it('keeps the footnote markers of a published paragraph and of its points, with the notes below', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() =>
      root.render(
        <RevisionParagraph
          idPrefix="rev1-p12"
          depth={undefined}
          paragraph={{
            kind: 'paragraph',
            id: 'p12',
            order: 'V',
            label: '12',
            text: 'We recall resolution 70/125.',
            points: [
              {
                label: 'a',
                text: 'first point;',
                footnotes: [{ mark: '4', offset: 11, text: 'Note four.' }],
              },
            ],
            footnotes: [{ mark: '3', offset: 27, text: 'A/RES/70/125.' }],
          }}
        />,
      ),
    );
    const marks = [...host.querySelectorAll('sup a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(marks).toEqual([
      ['3', '#rev1-p12-fn-3'],
      ['4', '#rev1-p12-fn-4'],
    ]);
    expect(host.querySelector('#rev1-p12-fn-3')?.textContent).toContain('A/RES/70/125.');
    expect(host.textContent).toContain('We recall resolution 70/1253.');
    act(() => root.unmount());
    host.remove();
  });
});
