/**
 * One paragraph of a published revision as the revision screen prints it: label, text and points
 * with their bracket marks and footnote markers, and the footnotes below, as in the working view.
 */
import type { ParagraphJSON } from '@bis/core';
import type { CarriedDepth } from '../components/Brackets';
import { PrintedLabel, spokenLabel, Tags } from '../components/Printed';
import { FootnoteList, TextWithFootnotes } from '../components/RichText';
import { t } from '../i18n';

/** A published paragraph with its footnote markers (`idPrefix` keeps their anchors unique). */
export const RevisionParagraph = ({
  paragraph: b,
  depth,
  idPrefix,
}: {
  paragraph: ParagraphJSON;
  depth: CarriedDepth | undefined;
  idPrefix: string;
}) => (
  <div data-paragraph={b.label}>
    <p>
      <PrintedLabel paragraph={b} />{' '}
      <span className="sr-only">{t('para.label', { label: spokenLabel(b) })} </span>
      <TextWithFootnotes
        text={b.text}
        footnotes={b.footnotes}
        idPrefix={idPrefix}
        carried={depth?.text ?? 0}
      />
      {b.points.map((pt, k) => (
        <span key={pt.label} className="block">
          {' '}
          ({pt.label}){' '}
          <TextWithFootnotes
            text={pt.text}
            footnotes={pt.footnotes}
            idPrefix={idPrefix}
            carried={depth?.points[k] ?? 0}
          />
        </span>
      ))}
      <Tags tags={b.tags} />
    </p>
    <FootnoteList
      footnotes={[...b.footnotes, ...b.points.flatMap((pt) => pt.footnotes)]}
      idPrefix={idPrefix}
    />
  </div>
);
