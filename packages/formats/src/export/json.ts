import type { Comparison } from './comparison';
import { statusLabel } from './words';

/** The comparison table as `bis.comparison/1` JSON: every row with its diff runs. */
export const comparisonToJson = (c: Comparison): string =>
  `${JSON.stringify(
    {
      format: 'bis.comparison/1',
      title: c.title,
      symbol: c.symbol,
      revision: c.revision,
      rows: c.rows.map((r) => ({
        id: r.proposal.id,
        label: r.label,
        action: r.proposal.action,
        actionLabel: r.actionLabel,
        party: r.proposal.party,
        coSponsors: r.proposal.coSponsors,
        supporters: r.proposal.supporters,
        current: r.current,
        proposed: r.proposed,
        runs: r.runs,
        rationale: r.proposal.rationale,
        summary: r.proposal.summary,
        reason: r.reason,
        links: r.links,
        status: r.proposal.status,
        decision: r.proposal.decision,
        statusLabel: statusLabel(r.proposal),
        illustrative: r.proposal.illustrative,
        note: r.note,
        baseNote: r.baseNote,
      })),
      reanchored: c.reanchored,
    },
    null,
    2,
  )}\n`;
