/**
 * A paragraph's or point's text with its footnote references in place (superscript marks that
 * link to the footnote text below the paragraph).
 */
import type { Footnote } from '@bis/core';
import { t } from '../i18n';

/** Text with footnote references at their offsets. */
export const TextWithFootnotes = ({
  text,
  footnotes,
  idPrefix,
}: {
  text: string;
  footnotes: readonly Footnote[];
  idPrefix: string;
}) => {
  if (footnotes.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...footnotes].sort((a, b) => a.offset - b.offset);
  sorted.forEach((f) => {
    parts.push(text.slice(at, f.offset));
    parts.push(
      <sup key={`${f.mark}-${f.offset}`}>
        <a href={`#${idPrefix}-fn-${f.mark}`} aria-label={t('para.footnoteRef', { mark: f.mark })}>
          {f.mark}
        </a>
      </sup>,
    );
    at = f.offset;
  });
  parts.push(text.slice(at));
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
