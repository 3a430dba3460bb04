/**
 * Import of written proposals: the amendments a delegation or stakeholder sends by e-mail or
 * letter, in any of the forms negotiations use (`WRITTEN_FORMS`). One entry point,
 * `importWrittenProposals`, picks the form:
 *
 * 1. each form in `WRITTEN_FORMS` that reads whole files (`detect` and `read` given), in order:
 *    the first whose `detect` accepts the input reads it;
 * 2. otherwise the line reader (`lines.ts`), which reads every line-based form, mixed;
 * 3. when it found no proposal, each form marked `last` whose `detect` accepts the input: a
 *    delegation's amended copy of the whole text (`amended-form.ts`), compared with the base.
 *
 * To add a form: write its reader (a module of its own returning a `WrittenImport`), and add a
 * `WrittenForm` to `WRITTEN_FORMS` — with `detect`/`read` if it needs the whole file, without
 * them if `lines.ts` learns to read it. Its example then appears in the "no proposals found"
 * message. The forms and the decisions are documented in `docs/import-proposals.md`.
 */
import { AMENDED_FORM } from './amended-form';
import { readWrittenLines } from './lines';
import type { WrittenForm, WrittenImport, WrittenImportOptions } from './written-types';

export type {
  ImportError,
  LineKind,
  LineNote,
  WrittenForm,
  WrittenImport,
  WrittenImportOptions,
} from './written-types';

/** Every form of written input understood, in the order the dispatcher tries them. */
export const WRITTEN_FORMS: readonly WrittenForm[] = [
  {
    name: 'headed',
    title: 'a heading per proposal (the African Union form)',
    example: '- **§77 (on human rights)** → *Amend*: Add dignity.\n  “We reaffirm that human rights …”',
  },
  {
    name: 'statement',
    title: 'a sentence naming paragraphs and what to do with them',
    example:
      'We urge that preambular paragraphs 2, 4 and 7 be retained.\nOP 40 to 52 should stay as drafted.',
  },
  {
    name: 'compilation',
    title: 'a paragraph followed by wordings attributed to proponents',
    example: 'Paragraph 5\n• Norway, Government: We reaffirm …\n• Access Now, Civil Society: We reaffirm …',
  },
  {
    name: 'inline',
    title: 'a paragraph with its edits marked inline',
    example: '5. We reaffirm ~~the~~ **our** commitment … [WORDS ADDED: people-centred]',
  },
  {
    name: 'links',
    title: 'links between proposals of the file',
    example: '- **§93 → §93 bis** = Elevates children’s rights …',
  },
  AMENDED_FORM,
];

/**
 * Imports written proposals from `source` (the text of an e-mail or document), in whichever
 * form it is written (see `WRITTEN_FORMS`); an amended copy of the whole text only when a base
 * to compare it with is given (`amends` or `base`). Pure: no IO.
 */
export const importWrittenProposals = (source: string, options: WrittenImportOptions): WrittenImport => {
  for (const form of WRITTEN_FORMS)
    if (!form.last && form.detect && form.read && form.detect(source, options))
      return form.read(source, options);
  const lines = readWrittenLines(source, options);
  if (lines.set.proposals.length > 0) return lines;
  for (const form of WRITTEN_FORMS)
    if (form.last && form.detect && form.read && form.detect(source, options))
      return form.read(source, options);
  return lines;
};

/**
 * The message for input in which no proposal was found: what the importer understands, with
 * an example of each form.
 */
export const noProposalsMessage = (): string =>
  [
    'no proposals found. The forms understood are:',
    ...WRITTEN_FORMS.map(
      (f) =>
        `  - ${f.title}, e.g.\n${f.example
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n')}`,
    ),
    '  - a .csv or .json file with the columns label, action, text … (see docs/import-proposals.md)',
  ].join('\n');
