/**
 * A paragraph's or point's text with its footnote references in place (superscript marks that
 * link to the footnote text below the paragraph) and its brackets legible.
 */
import type { Footnote } from '@bis/core';
import { t } from '../i18n';
import { bracketRuns, renderBracketed } from './Brackets';

/**
 * Text with footnote references at their offsets, and its brackets, options and placeholders
 * made legible (`Brackets.tsx`); `carried` is the bracket depth carried in from the blocks before.
 */
export const TextWithFootnotes = ({
  text,
  footnotes,
  idPrefix,
  carried = 0,
}: {
  text: string;
  footnotes: readonly Footnote[];
  idPrefix: string;
  carried?: number;
}) => {
  const runs = bracketRuns(text, carried);
  if (footnotes.length === 0) return <>{renderBracketed(text, runs, 0, text.length)}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...footnotes].sort((a, b) => a.offset - b.offset);
  sorted.forEach((f) => {
    parts.push(<span key={`t-${f.mark}-${f.offset}`}>{renderBracketed(text, runs, at, f.offset)}</span>);
    parts.push(
      <sup key={`${f.mark}-${f.offset}`}>
        <a href={`#${idPrefix}-fn-${f.mark}`} aria-label={t('para.footnoteRef', { mark: f.mark })}>
          {f.mark}
        </a>
      </sup>,
    );
    at = f.offset;
  });
  parts.push(<span key="t-last">{renderBracketed(text, runs, at, text.length)}</span>);
  return <>{parts}</>;
};

/** The footnote texts of a paragraph and its points. */
export const FootnoteList = ({
  footnotes,
  idPrefix,
}: {
  footnotes: readonly Footnote[];
  idPrefix: string;
}) =>
  footnotes.length === 0 ? null : (
    <ul className="footnotes" aria-label={t('para.footnotes')}>
      {footnotes.map((f) => (
        <li key={f.mark} id={`${idPrefix}-fn-${f.mark}`}>
          <span className="fn-mark">{f.mark}</span> {f.text}
        </li>
      ))}
    </ul>
  );
