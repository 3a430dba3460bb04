/**
 * Publication re-bases the drafts in every party workspace the way it carries tabled proposals
 * over: each draft written against the previous revision is placed on the new one by content
 * (`reanchorProposals`); its targets and label become the new revision's, and an amendment of a
 * reworded paragraph gets its own changes merged into the new wording. A draft that cannot be
 * placed, or whose targets are not resolved to paragraphs (written input), is left as it is and
 * reported.
 */
import { draftFragment, readDrafts, updateDraftFields, writePlainText } from '@bis/collab';
import { type BaseRef, type BisDocument, type ReanchorEntry, reanchorProposals } from '@bis/core';
import type { Services } from './context';
import { workspaceDoc } from './yjs-docs';

/** What publication did to the drafts of one workspace. */
export interface RebasedDrafts {
  readonly party: string;
  readonly entries: readonly ReanchorEntry[];
}

/**
 * Re-bases the drafts of every workspace of `processId` from `previous` (its base reference
 * `previousRef`) onto `published`, each workspace in one Yjs transaction written as `by`. Drafts
 * already tabled (their id is a tabled proposal's, `tabledIds`) follow their proposal and are
 * skipped here only when the proposal was applied (`appliedIds`): re-tabling those is refused.
 */
export const rebaseDrafts = async (
  svc: Services,
  processId: string,
  previous: BisDocument,
  previousRef: BaseRef,
  published: BisDocument,
  appliedIds: ReadonlySet<string>,
  by: string,
): Promise<RebasedDrafts[]> => {
  const out: RebasedDrafts[] = [];
  for (const party of svc.db.listParties(processId)) {
    let entries: ReanchorEntry[] = [];
    await svc.hub.transact(
      workspaceDoc(processId, party.id),
      (doc) => {
        const drafts = readDrafts(doc).filter(
          (d) =>
            !appliedIds.has(d.id) && d.targets.length > 0 && d.targets.every((t) => t.paragraph !== null),
        );
        if (drafts.length === 0) return;
        const placed = reanchorProposals(
          drafts.map((d) => ({ ...d, base: previousRef })),
          published,
          [previous],
        );
        if (!placed.ok) return;
        entries = [...placed.entries];
        const outcome = new Map(placed.entries.map((e) => [e.proposal as string, e.outcome] as const));
        placed.proposals.forEach((p, i) => {
          const d = drafts[i];
          const how = outcome.get(p.id);
          if (!d || how === undefined || how === 'unplaced') return;
          if (p.label !== d.label || JSON.stringify(p.targets) !== JSON.stringify(d.targets))
            updateDraftFields(doc, d.id, { targets: p.targets, label: p.label });
          if (p.text !== d.text) {
            const f = draftFragment(doc, d.id, 'text');
            if (f) writePlainText(f, p.text);
          }
        });
      },
      by,
    );
    if (entries.length > 0) out.push({ party: party.id, entries });
  }
  return out;
};
