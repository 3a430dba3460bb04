/**
 * The paragraph picker of the workspace ("start a draft on …"): each paragraph named as the other
 * screens name it — its printed label with the reference in brackets (`§B (PP2)` for a lettered
 * preambular paragraph), the reference alone for an unnumbered one (`§PP3`, it prints none), the
 * number otherwise (`§77 bis`) — then the start of its text. An option is read out as written,
 * so the reference is in the text itself rather than in a screen-reader-only span.
 */
import type { Paragraph } from '@bis/core';
import { t } from '../i18n';
import { spokenLabel } from './Printed';

const EXCERPT = 70;

/** One paragraph as the picker lists it: `§B (PP2) — We, the Ministers …`. */
export const pickerOption = (p: Pick<Paragraph, 'label' | 'labelStyle' | 'text'>): string =>
  `§${spokenLabel(p)} — ${p.text.slice(0, EXCERPT)}${p.text.length > EXCERPT ? '…' : ''}`;

/** A labelled list of `paragraphs` to choose one from (by id; `''` when none is chosen). */
export const ParagraphPicker = ({
  paragraphs,
  value,
  onChange,
}: {
  paragraphs: readonly Paragraph[];
  value: string;
  onChange: (id: string) => void;
}) => (
  <label className="field">
    <span>{t('ws.paragraph')}</span>
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('ws.choose')}</option>
      {paragraphs.map((p) => (
        <option key={p.id} value={p.id}>
          {pickerOption(p)}
        </option>
      ))}
    </select>
  </label>
);
