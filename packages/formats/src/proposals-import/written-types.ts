/**
 * The shapes every reader of written proposals shares: its options, the result, the note on
 * each line, and `WrittenForm`, the entry a form of written input has in the dispatcher
 * (`written.ts`).
 */
import type { BisDocument, ProposalId, ProposalSet, StakeholderGroup } from '@bis/core';

/**
 * What a line of written input was understood as. `unread`: the line names a paragraph but
 * could not be understood (reported, never dropped silently); `prose` never names one, or is a
 * heading that only names paragraphs (`Human Rights (Zero Draft §§77–93)`).
 */
export type LineKind = 'proposal' | 'text' | 'rationale' | 'link' | 'prose' | 'unread' | 'error';

/** One non-blank line of the input and what the import made of it. */
export interface LineNote {
  /** 1-based line number. */
  readonly line: number;
  readonly kind: LineKind;
  /** The proposal the line belongs to (a link line: the proposal the link starts from). */
  readonly proposal?: ProposalId;
  /** A remark for the reviewer: a choice the import made, or what is wrong. */
  readonly message?: string;
}

/** A problem with one line: an error makes the import unusable; an unread line is reported. */
export interface ImportError {
  readonly line: number;
  /** What is wrong, without the place: `§97 bis is not a paragraph of "…"` (show as `file:line: message`). */
  readonly message: string;
}

/** The result of importing written proposals. */
export interface WrittenImport {
  /** The proposals understood (also when there are errors, for review). */
  readonly set: ProposalSet;
  /** Every non-blank line, in order, with its kind. */
  readonly lines: readonly LineNote[];
  /** Lines that cannot be imported as they stand; callers refuse the whole import on any. */
  readonly errors: readonly ImportError[];
  /**
   * Lines that name a paragraph but were not understood (`kind: 'unread'`). Callers refuse the
   * import unless told to be lenient, and show each one with its line number.
   */
  readonly unread: readonly ImportError[];
  /** The forms the proposals were read in (`headed`, `statement` …), in order of first use. */
  readonly forms: readonly string[];
}

/** Options of `importWrittenProposals`. */
export interface WrittenImportOptions {
  /** The proponent, as given on the command line: `African Union`. */
  readonly party: string;
  /** The party's stakeholder group (default `member-state`). */
  readonly group?: StakeholderGroup;
  /** The party's region, if known. */
  readonly region?: string;
  /** The file name recorded in each proposal's `source`. */
  readonly fileName?: string;
  /** A base text to resolve labels against; without one, targets keep their labels only. */
  readonly base?: BisDocument;
  /**
   * The text a delegation's amended copy of the whole text is compared with (default `base`):
   * the text in force. Labels of the other forms are not resolved against it; the server
   * gives its current revision here, and `base` only when asked to resolve.
   */
  readonly amends?: BisDocument;
  /** Makes proposal ids; called once per proposal in file order. Default: `<party-slug>-<line>`. */
  readonly newId?: () => string;
}

/**
 * A form of written input, as the dispatcher knows it. Every form has a name and an example
 * (shown when nothing is found). A form read line by line, mixed with others in one file,
 * leaves `detect` and `read` out: the line reader handles it. A form that needs the whole file
 * gives both: the first such form whose `detect` accepts the input reads it — before the line
 * reader, or, marked `last` (an amended copy of the full text, compared with the base), only
 * when the line reader found nothing.
 */
export interface WrittenForm {
  /** Short name, used in `WrittenImport.forms`: `headed`, `statement`, `compilation` … */
  readonly name: string;
  /** What it is, in a few words. */
  readonly title: string;
  /** A short example of the form, one or more lines. */
  readonly example: string;
  /**
   * Tried only when the line reader found no proposal, not before it: a form any numbered text
   * could look like (the amended copy of the whole text).
   */
  readonly last?: boolean;
  /** Whether `source` is written in this form (cheap; called before `read`). */
  readonly detect?: (source: string, options: WrittenImportOptions) => boolean;
  /** Reads `source` in this form. */
  readonly read?: (source: string, options: WrittenImportOptions) => WrittenImport;
}
