// @vitest-environment jsdom
import { createDraft } from '@bis/collab';
import type { DiffRun } from '@bis/diff';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DraftEditor } from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const workspace = (text: string): Y.Doc => {
  const doc = new Y.Doc();
  createDraft(doc, {
    id: 'd1',
    party: 'Kenya',
    action: 'amend',
    targets: [],
    position: null,
    label: '12',
    summary: '',
    textMode: 'replace',
    text,
    rationale: 'Because.',
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00Z',
  });
  return doc;
};

describe('<DraftEditor>', () => {
  it('mounts on a draft with text, shows its label and reports the live diff', async () => {
    const doc = workspace('The IETF works closely with the IRTF');
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const seen: (readonly DiffRun[])[] = [];
    await act(async () => {
      root.render(
        <DraftEditor
          doc={doc}
          draftId="d1"
          fragment="text"
          awareness={null}
          current="The IETF works with the IRTF"
          label="12"
          ariaLabel="Proposed text of Amend §12"
          onChanges={(runs) => seen.push(runs)}
        />,
      );
    });
    const box = host.querySelector('[role="textbox"]');
    expect(box?.getAttribute('aria-label')).toBe('Proposed text of Amend §12');
    expect(box?.textContent).toContain('The IETF works closely with the IRTF');
    expect(host.querySelector('.bis-label')?.textContent).toBe('12.');
    expect([...host.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['closely ']);
    expect(seen.at(-1)?.some((r) => r.op === 'insert' && r.text === 'closely ')).toBe(true);

    // A colleague's change arrives through Yjs: the diff follows.
    await act(async () => {
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      other.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u));
      const frag = (other.getMap('drafts').get('d1') as Y.Map<unknown>).get('text') as Y.XmlFragment;
      const para = frag.get(0) as Y.XmlElement;
      (para.get(0) as Y.XmlText).insert(0, 'Indeed ');
    });
    expect(box?.textContent).toContain('Indeed The IETF');
    expect([...host.querySelectorAll('ins')].map((e) => e.textContent)).toContain('Indeed ');

    // The base text changes (a new revision): decorations are redrawn without a new editor.
    await act(async () => {
      root.render(
        <DraftEditor
          doc={doc}
          draftId="d1"
          fragment="text"
          awareness={null}
          current="Indeed The IETF works closely with the IRTF"
          label="12"
          ariaLabel="Proposed text of Amend §12"
        />,
      );
    });
    expect(host.querySelectorAll('ins, del')).toHaveLength(0);
    await act(async () => root.unmount());
  });
});
