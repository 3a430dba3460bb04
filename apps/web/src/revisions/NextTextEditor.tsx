/**
 * The co-facilitators' live editor of the next revision's text, bound to the `p/<pid>/next`
 * document: what one types reaches the server and the other co-facilitators as they type, and is
 * there after a reload. A chunk of its own (ProseMirror), loaded by the next-revision screen.
 */
import { docName } from '@bis/collab';
import { RevisionEditor } from '@bis/editor';
import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { useDocConnection } from '../sync/hooks';

/** Props of {@link NextTextEditor}. */
export interface NextTextEditorProps {
  readonly process: string;
  readonly userId: string;
  /** The name of the revision being built (`Rev.1`), for the text box's name. */
  readonly name: string;
  /** A paragraph to open (see RevisionEditor's `focus`). */
  readonly focus: { readonly paragraph: string; readonly times: number } | null;
  /** Called after each change of the document (a colleague's or one's own), for a refresh. */
  readonly onChange?: () => void;
}

// The names of the others editing, from awareness (stamped by the server).
const usePeople = (awareness: import('y-protocols/awareness').Awareness | null): string[] => {
  const [people, setPeople] = useState<string[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const names: string[] = [];
      for (const [id, state] of awareness.getStates()) {
        if (id === awareness.clientID) continue;
        const name = (state as { user?: { name?: unknown } }).user?.name;
        if (typeof name === 'string' && name) names.push(name);
      }
      setPeople([...new Set(names)].sort());
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return people;
};

/** The shared editor of the next revision's text. */
export const NextTextEditor = ({ process, userId, name, focus, onChange }: NextTextEditorProps) => {
  const bound = useDocConnection(docName({ process, scope: 'next' }), userId);
  const loaded = bound?.conn.loaded === true;
  const doc = loaded ? (bound?.doc ?? null) : null;
  const awareness = bound?.provider?.awareness ?? null;
  const people = usePeople(awareness);
  useEffect(() => {
    if (!doc || !onChange) return;
    const on = () => onChange();
    doc.on('update', on);
    return () => doc.off('update', on);
  }, [doc, onChange]);
  const stopped = bound?.status.stopped;
  return (
    <div className="next-editor">
      <p id="next-editor-help" className="small">
        {t('rev.next.editorHelp')}
      </p>
      {people.length > 0 && (
        <p className="small">{t('rev.next.editingNow', { people: people.join(', ') })}</p>
      )}
      {stopped && (
        <p role="alert" className="error">
          {stopped.reason}
        </p>
      )}
      {doc ? (
        <RevisionEditor
          doc={doc}
          awareness={awareness}
          ariaLabel={t('rev.next.editorLabel', { name })}
          editable={!stopped}
          focus={focus}
          describedBy="next-editor-help"
          by={userId}
        />
      ) : (
        <p>{t('rev.next.editorLoading')}</p>
      )}
    </div>
  );
};
