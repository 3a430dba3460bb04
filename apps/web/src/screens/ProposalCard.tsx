/**
 * One proposal as a participant reads it: what it does (changes marked as <ins>/<del>), who
 * proposed, co-sponsored and supports it, why, where it stands (status, decision), its links —
 * and the commands the reader may run on it (support, co-sponsor, withdraw).
 */
import type { Paragraph, Proposal } from '@bis/core';
import { api } from '../api/client';
import { useProcess } from '../app/process-data';
import { afterText, currentTextOf } from '../app/view-model';
import { ConfirmButton } from '../components/Confirm';
import { Del, Diff, Ins } from '../components/Diff';
import { formatDate, t } from '../i18n';

const title = (p: Proposal): string => t(`actionTitle.${p.action}`, { label: p.label });

/** The changes a proposal makes to `paragraph` (its first target). */
export const ProposalChanges = ({ proposal, paragraph }: { proposal: Proposal; paragraph?: Paragraph }) => {
  const before = paragraph ? currentTextOf(paragraph, proposal.targets[0]?.point ?? null) : '';
  switch (proposal.action) {
    case 'delete':
      return <p className="ptext">{before ? <Del>{before}</Del> : t('panel.deletesAll')}</p>;
    case 'retain':
    case 'move':
      return <p className="ptext muted">{proposal.text || t('panel.retains')}</p>;
    case 'insert':
      return (
        <p className="ptext">
          <Ins>{proposal.text}</Ins>
        </p>
      );
    default:
      return (
        <p className="ptext">
          {paragraph ? <Diff before={before} after={afterText(proposal, paragraph)} /> : proposal.text}
        </p>
      );
  }
};

/** A proposal with its details and commands; `headingLevel` keeps the page outline right. */
export const ProposalCard = ({
  proposal: p,
  paragraph,
  headingLevel = 3,
  commands = true,
}: {
  proposal: Proposal;
  paragraph?: Paragraph;
  headingLevel?: 3 | 4;
  commands?: boolean;
}) => {
  const { process, myParties, proposals, refresh } = useProcess();
  const H = `h${headingLevel}` as 'h3' | 'h4';
  const version = p.versions[p.versions.length - 1];
  const proponent = process.parties.find((x) => x.name === p.party);
  const mine = proponent !== undefined && myParties.some((m) => m.id === proponent.id);
  const byId = new Map(proposals.map((x) => [x.id as string, x]));
  const name = `${title(p)} (${p.party})`;
  return (
    <article className={`card status-${p.status}`} aria-label={name} data-proposal={p.id}>
      <H className="card-title">
        {title(p)} <span className="muted">— {p.party}</span>
      </H>
      {p.summary && <p className="summary">{p.summary}</p>}
      {p.appliedIn ? (
        // Applied: part of the published text; diffing it against that text would show it undone.
        <div className="applied-in" data-testid="applied-in">
          <p>{t('proposal.appliedIn', { revision: p.appliedIn.revision })}</p>
          <ul>
            {p.appliedIn.passages.map((x) => (
              <li key={x.paragraph}>
                {x.text === null
                  ? t('proposal.appliedRemoved', { label: x.label })
                  : t('proposal.appliedShaped', { label: x.label, text: x.text })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ProposalChanges proposal={p} {...(paragraph ? { paragraph } : {})} />
      )}
      <dl className="facts">
        <dt>{t('proposal.status')}</dt>
        <dd>
          <span className={`badge st-${p.status}`}>{t(`status.${p.status}`)}</span>
          {version && (
            <span className="muted">
              {' '}
              · {t('proposal.version', { n: version.number, date: formatDate(version.tabledAt) })}
            </span>
          )}
        </dd>
        <dt>{t('proposal.decision')}</dt>
        <dd data-testid="decision">
          {p.decision ? (
            <strong className={`badge dec-${p.decision}`}>{t(`decision.${p.decision}`)}</strong>
          ) : (
            <span className="muted">{t('decision.none')}</span>
          )}
          {p.decisionNote && <span> {t('proposal.decisionNote', { note: p.decisionNote })}</span>}
        </dd>
        <dt>{t('proposal.coSponsors')}</dt>
        <dd>
          {p.coSponsors.length ? (
            p.coSponsors.join(', ')
          ) : (
            <span className="muted">{t('proposal.none')}</span>
          )}
        </dd>
        <dt>{t('proposal.supporters')}</dt>
        <dd>
          {p.supporters.length ? (
            p.supporters.join(', ')
          ) : (
            <span className="muted">{t('proposal.none')}</span>
          )}
        </dd>
        {p.rationale && (
          <>
            <dt>{t('proposal.rationale')}</dt>
            <dd className="rationale">{p.rationale}</dd>
          </>
        )}
        {p.links.length > 0 && (
          <>
            <dt>{t('proposal.links')}</dt>
            <dd>
              <ul className="plain">
                {p.links.map((l) => {
                  const to = byId.get(l.to);
                  return (
                    <li key={l.to}>
                      {to ? `${title(to)} (${to.party})` : l.to}
                      {l.note && <span className="muted"> — {l.note}</span>}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {p.illustrative && <p className="note">{t('proposal.illustrative')}</p>}
      {commands && p.status === 'tabled' && (
        <div className="row wrap">
          {mine && (
            <ConfirmButton
              label={t('cmd.withdraw')}
              question={t('confirm.withdraw', { proposal: name })}
              run={async () => {
                await api.withdraw(process.id, p.id);
                await refresh();
                return t('cmd.withdraw');
              }}
            />
          )}
          {myParties
            .filter((m) => m.name !== p.party)
            .map((m) => {
              const supports = p.supporters.includes(m.name);
              const sponsors = p.coSponsors.includes(m.name);
              const params = { proposal: name, proponent: p.party, party: m.name };
              return (
                <span key={m.id} className="row">
                  {!sponsors && (
                    <ConfirmButton
                      label={t(supports ? 'cmd.unsupport' : 'cmd.support', { party: m.name })}
                      question={t(supports ? 'confirm.unsupport' : 'confirm.support', params)}
                      run={async () => {
                        await api.endorse(process.id, p.id, 'supporters', m.id, !supports);
                        await refresh();
                        return t(supports ? 'cmd.unsupport' : 'cmd.support', { party: m.name });
                      }}
                    />
                  )}
                  {!supports && (
                    <ConfirmButton
                      label={t(sponsors ? 'cmd.uncosponsor' : 'cmd.cosponsor', { party: m.name })}
                      question={t(sponsors ? 'confirm.uncosponsor' : 'confirm.cosponsor', params)}
                      run={async () => {
                        await api.endorse(process.id, p.id, 'co-sponsors', m.id, !sponsors);
                        await refresh();
                        return t(sponsors ? 'cmd.uncosponsor' : 'cmd.cosponsor', { party: m.name });
                      }}
                    />
                  )}
                </span>
              );
            })}
        </div>
      )}
    </article>
  );
};
