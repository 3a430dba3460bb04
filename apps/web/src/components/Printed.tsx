/**
 * A paragraph's label as the text prints it, status tags as badges, and headings as the text
 * shows them: a lettered preambular paragraph reads `B.`, an unnumbered one shows no label (its
 * reference label, `PP2`, is still read out to screen readers and used in proposals), and a
 * chapeau ("The General Assembly,") is a line of the text rather than a section title.
 */
import { type Heading, type LabelStyle, printedLabel } from '@bis/core';
import { t } from '../i18n';

/** What the label helpers need of a paragraph (or of a proposed one: its label, its series' style). */
export interface Labelled {
  readonly label: string;
  readonly labelStyle?: LabelStyle | undefined;
}

/** The label as printed in the text (`B` for a lettered `PP2`, `''` for an unnumbered one). */
export const printedOf = (p: Labelled): string => printedLabel(p.label, p.labelStyle);

/**
 * How a paragraph is named to a reader: `B (PP2)` for a lettered one, `PP2` for an unnumbered
 * one (its reference), the label otherwise.
 */
export const spokenLabel = (p: Labelled): string => {
  const printed = printedOf(p);
  return printed === '' || printed === p.label ? p.label : `${printed} (${p.label})`;
};

/**
 * The printed label with its dot (`B.`, `77 bis.`), or nothing for an unnumbered paragraph —
 * with `keepPlace`, an empty cell instead, so that a layout in columns keeps the text in its own.
 */
export const PrintedLabel = ({
  paragraph,
  className = 'plabel',
  keepPlace = false,
}: {
  paragraph: Labelled;
  className?: string;
  keepPlace?: boolean;
}) => {
  const printed = printedOf(paragraph);
  if (printed === '') return keepPlace ? <span className={className} aria-hidden="true" /> : null;
  return (
    <span className={className} aria-hidden="true" data-printed={printed}>
      {printed}.
    </span>
  );
};

/** Status tags (`agreed`, `ad ref`) as badges, announced as the paragraph's status. */
export const Tags = ({ tags }: { tags: readonly string[] | undefined }) =>
  !tags || tags.length === 0 ? null : (
    <span className="tags">
      <span className="sr-only">{t('text.tags')} </span>
      {tags.map((tag, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a tag may repeat; its place is its identity.
        <span key={`${i}-${tag}`} className="tag">
          {tag}
        </span>
      ))}
    </span>
  );

/**
 * A heading's number and title as printed: `II. Title`, `2.1 Financing`, `Chapter C: Title`, a
 * chapeau or unnumbered heading as written (the rule of @bis/formats' `headingLine`; tags are
 * shown apart, as badges).
 */
export const headingText = (h: Pick<Heading, 'number' | 'title'>): string => {
  if (h.number === null) return h.title;
  if (/^[A-Za-z]+\s/.test(h.number)) return h.title ? `${h.number}: ${h.title}` : h.number;
  if (h.number.includes('.')) return `${h.number} ${h.title}`;
  return `${h.number}. ${h.title}`;
};
