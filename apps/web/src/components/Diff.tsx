/**
 * A word-level change between two texts as real <ins>/<del>, readable without colour:
 * insertions underlined, deletions struck through, each with a visually hidden
 * "inserted:"/"deleted:" prefix for screen readers.
 */
import { diffWords } from '@bis/diff';
import { useMemo } from 'react';
import { t } from '../i18n';

/** Inserted text, marked. */
export const Ins = ({ children }: { children: string }) => (
  <ins>
    <span className="sr-only">{t('diff.inserted')} </span>
    {children}
  </ins>
);

/** Deleted text, marked. */
export const Del = ({ children }: { children: string }) => (
  <del>
    <span className="sr-only">{t('diff.deleted')} </span>
    {children}
  </del>
);

/** The changes from `before` to `after`. */
export const Diff = ({ before, after }: { before: string; after: string }) => {
  const runs = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <span className="diff">
      {runs.map((r, i) =>
        r.op === 'equal' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity; the list is rebuilt whole.
          <span key={i}>{r.text}</span>
        ) : r.op === 'insert' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <Ins key={i}>{r.text}</Ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <Del key={i}>{r.text}</Del>
        ),
      )}
    </span>
  );
};
