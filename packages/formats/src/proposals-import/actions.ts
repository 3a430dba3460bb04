/**
 * What a proponent's action phrase (`Amend`, `Amend & expand`, `Insert HRDD by default`,
 * `Keep but strengthen`, `keep as rights-focused baseline`) means as a proposal action.
 */
import type { Action } from '@bis/core';

/** The kind of verb an action phrase opens with, before the context decides the action. */
export type VerbKind = 'amend' | 'insert' | 'add' | 'keep' | 'delete' | 'move' | 'alternative';

// First word(s) of the phrase → kind. Checked in order; the first match wins.
const VERBS: readonly (readonly [RegExp, VerbKind])[] = [
  [/^(?:keep|retain|maintain|support|preserve)\b/i, 'keep'],
  [/^(?:delete|strike|remove|drop)\b/i, 'delete'],
  [/^(?:move|relocate|transfer)\b/i, 'move'],
  [/^(?:alternative|alt\.?)(?!\w)/i, 'alternative'],
  [/^(?:insert|new)\b/i, 'insert'],
  [/^(?:add|append)\b/i, 'add'],
  [/^(?:amend|expand|modify|revise|reword|replace|strengthen|update|edit|rephrase|redraft)\b/i, 'amend'],
];

/** The verb kind of an action phrase, or null when the phrase opens with no known verb. */
export const verbOf = (phrase: string): VerbKind | null => {
  const words = phrase.trim();
  for (const [re, kind] of VERBS) if (re.test(words)) return kind;
  return null;
};

/** What decides an action besides the verb. */
export interface ActionContext {
  /** The reference was written `New §…`. */
  readonly isNew: boolean;
  /** A proposed text (quotation) follows. */
  readonly hasText: boolean;
}

/** The result of reading an action phrase. */
export interface ActionReading {
  readonly action: Action;
  /** Forces `append` (an `Add …` on an existing paragraph), or null to decide from the text. */
  readonly forceAppend: boolean;
  /** Why this action was chosen, when it is not the obvious one. */
  readonly note: string | null;
}

/**
 * Decides the action of a written proposal.
 *
 * - `New §…` with `Insert`, `Add`, `Amend` or no verb of its own → `insert`.
 * - `Add …` on an existing paragraph → `amend` with the text appended.
 * - `Keep …` → `retain`; but `Keep but strengthen`/`keep and expand` followed by proposed
 *   words → `amend` (append when the words open with an ellipsis): a `retain` leaves the text
 *   as it is when the revision is built, so the words the proponent asked for would be lost.
 */
export const readAction = (phrase: string, ctx: ActionContext): ActionReading | null => {
  const kind = verbOf(phrase);
  if (kind === null) return null;
  switch (kind) {
    case 'keep':
      if (ctx.hasText && /\b(?:strengthen|expand|add|amend|improve|complement)\w*/i.test(phrase))
        return {
          action: 'amend',
          forceAppend: false,
          note: `“${phrase}” with proposed words: imported as amend so the words are kept when the text is revised`,
        };
      return { action: 'retain', forceAppend: false, note: null };
    case 'delete':
    case 'move':
    case 'alternative':
      return { action: kind, forceAppend: false, note: null };
    case 'insert':
      return { action: 'insert', forceAppend: false, note: null };
    case 'add':
      return ctx.isNew
        ? { action: 'insert', forceAppend: false, note: null }
        : { action: 'amend', forceAppend: true, note: null };
    case 'amend':
      return { action: ctx.isNew ? 'insert' : 'amend', forceAppend: false, note: null };
  }
};
