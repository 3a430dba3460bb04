/**
 * What the line reader (`lines.ts`) makes of a proposal before it is built: a `Head` with the
 * lines that belong to it. Internal to the written import.
 */
import type { ProposalId, StakeholderGroup } from '@bis/core';
import type { Reference } from './reference';
import type { LineKind } from './written-types';

/** A line note while the import runs. */
export interface MutableNote {
  line: number;
  kind: LineKind;
  proposal?: ProposalId;
  messages: string[];
}

// What the proposals read from one line share: following quotations and rationale lines
// belong to all of them (`§§18, 61 and 99 → Amend: “…”`).
export interface Shared {
  readonly texts: { text: string; append: boolean }[];
  readonly notes: string[];
  readonly attached: MutableNote[];
}

/** A proposal as read, before its action is decided and it is built. */
export interface Head {
  readonly line: number;
  readonly id: ProposalId;
  readonly party: string;
  readonly group: StakeholderGroup | null;
  readonly form: string;
  readonly isNew: boolean;
  readonly ref: Reference;
  readonly anchor: string | null;
  readonly position: 'after' | 'before' | null;
  readonly targetNote: string;
  /** The action phrase `readAction` decides from. */
  readonly phrase: string;
  /** Rationale read from the heading or statement itself. */
  readonly reasons: readonly string[];
  readonly summary: string;
  readonly shared: Shared;
  readonly note: MutableNote;
  /** For an inline-marked paragraph: its text without the edits, to check against the base. */
  readonly oldText: string | null;
}

/** What a reader gives to make a head. */
export type HeadInput = Omit<Head, 'line' | 'id' | 'shared' | 'note' | 'party' | 'group'> & {
  readonly party?: string;
  readonly group?: StakeholderGroup | null;
};
