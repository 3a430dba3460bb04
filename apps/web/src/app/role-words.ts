/**
 * A person's role in a process in their own words: "delegate" only for States and groups of
 * States; a civil-society organisation, a UN entity or an IGO is named for what it is, and its
 * party is "your organisation", not "your delegation".
 */
import type { StakeholderGroup } from '@bis/core';
import type { PartyRow, Role } from '../api/client';
import { type MessageKey, t } from '../i18n';

/** Groups whose people form a delegation (everyone else represents an organisation). */
const STATES: ReadonlySet<StakeholderGroup> = new Set(['member-state', 'group-of-states', 'observer']);

/** What to say about one person's place in a process. */
export interface RoleWords {
  /** Their roles, in words, without repeats (`co-facilitator`, `civil-society representative`). */
  readonly roles: readonly string[];
  /** Names of the State delegations they belong to. */
  readonly delegations: readonly string[];
  /** Names of the organisations they represent. */
  readonly organisations: readonly string[];
}

/**
 * The words for `roles` held through `partyIds`, given the process's `parties` (a party id not
 * among them is shown as its id, as a delegation).
 */
export const roleWords = (
  roles: readonly Role[],
  partyIds: readonly string[],
  parties: readonly PartyRow[],
): RoleWords => {
  const mine = partyIds.map(
    (id) =>
      parties.find((p) => p.id === id) ?? { id, name: id, group: 'member-state' as const, region: null },
  );
  const words: string[] = [];
  for (const role of roles) {
    if (role !== 'delegate') words.push(t(`role.${role}` as MessageKey));
    else if (mine.length === 0) words.push(t('role.delegate'));
    else for (const p of mine) words.push(t(`role.delegate.${p.group}` as MessageKey));
  }
  return {
    roles: [...new Set(words)],
    delegations: mine.filter((p) => STATES.has(p.group)).map((p) => p.name),
    organisations: mine.filter((p) => !STATES.has(p.group)).map((p) => p.name),
  };
};
