/**
 * Reading the text: the current revision with an outline of its sections, numbered paragraphs
 * with labels, points and footnotes, on each paragraph how many proposals it has and of what
 * kind, proposed insertions at their place; filters (party, stakeholder group, action, status)
 * and search. Only the rows on screen are rendered. Selecting a paragraph opens its proposals
 * beside the text.
 */
import {
  ACTIONS,
  type CompilationRow,
  DECISIONS,
  type Heading,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '@bis/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '../app/Link';
import { useProcess } from '../app/process-data';
import { pathOf } from '../app/router';
import { countByAction, type Filters, filtering, NO_FILTERS, visibleRows } from '../app/view-model';
import { announce } from '../components/Announcer';
import { carriedDepths } from '../components/Brackets';
import { headingText, PrintedLabel, spokenLabel, Tags } from '../components/Printed';
import { FootnoteList, TextWithFootnotes } from '../components/RichText';
import { VirtualList, type VirtualListHandle } from '../components/VirtualList';
import { t, tn } from '../i18n';
import { ParagraphPanel } from './ParagraphPanel';

const headingTag = (level: number): 'h2' | 'h3' | 'h4' => (level <= 1 ? 'h2' : level === 2 ? 'h3' : 'h4');

const rowKey = (r: CompilationRow): string =>
  r.kind === 'heading'
    ? `h-${r.heading.id}`
    : r.kind === 'paragraph'
      ? `p-${r.paragraph.id}`
      : `i-${r.anchor.id}-${r.label}`;

const CHARS_PER_LINE = 90;
const lines = (s: string): number => Math.max(1, Math.ceil(s.length / CHARS_PER_LINE));

const estimateRow = (r: CompilationRow): number => {
  if (r.kind === 'heading') return 64;
  if (r.kind === 'insertion') return 56 + r.proposals.reduce((n, p) => n + 26 * lines(p.text) + 28, 0);
  const p = r.paragraph;
  return (
    52 +
    26 * lines(p.text) +
    p.points.reduce((n, pt) => n + 26 * lines(pt.text) + 6, 0) +
    (p.footnotes.length + p.points.reduce((n, pt) => n + pt.footnotes.length, 0)) * 40
  );
};

const Select = ({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly (readonly [string, string])[];
}) => (
  <label className="field">
    <span>{label}</span>
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('filter.any')}</option>
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  </label>
);

/** The text screen of a process; `para` is the paragraph whose proposals are open. */
export const TextScreen = ({ para }: { para: string | null }) => {
  const data = useProcess();
  const { process, document, proposals, partyByName, live, paragraphById } = data;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = Object.values(filters).filter(Boolean).length;
  const deferredSearch = useDeferredValue(search);
  const list = useRef<VirtualListHandle>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const groupOf = useCallback((party: string) => partyByName.get(party)?.group, [partyByName]);
  // Compiled once per change of text, proposals, filters or search — not per render or scroll.
  const view = useMemo(
    () => visibleRows(document, proposals, filters, groupOf, deferredSearch),
    [document, proposals, filters, groupOf, deferredSearch],
  );
  const { rows } = view;

  useEffect(() => {
    if (!deferredSearch.trim() && !filtering(filters)) return;
    const id = window.setTimeout(
      () =>
        announce(
          deferredSearch.trim()
            ? tn('process.searchResults', view.matches)
            : t('process.showing', { rows: rows.length, proposals: view.shown }),
        ),
      400,
    );
    return () => window.clearTimeout(id);
  }, [deferredSearch, filters, view, rows.length]);

  useEffect(() => {
    live.setParagraph(para);
  }, [para, live.setParagraph]);

  // After a jump, focus the row once it is rendered (the scroll re-renders the list).
  useEffect(() => {
    if (!focusKey) return;
    const el = window.document.getElementById(focusKey);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusKey(null);
    }
  });

  const jumpTo = (key: string, domId: string): void => {
    const index = rows.findIndex((r) => rowKey(r) === key);
    if (index < 0) return;
    list.current?.scrollToIndex(index);
    setFocusKey(domId);
  };

  // The outline lists sections; chapeaux ("The General Assembly,") are lines of the text.
  const headings = useMemo(
    () => document.blocks.filter((b): b is Heading => b.kind === 'heading' && b.role !== 'chapeau'),
    [document],
  );
  const depths = useMemo(() => carriedDepths(document), [document]);
  const openParagraph = para ? paragraphById.get(para) : undefined;

  const presenceOn = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const p of live.people)
      if (!p.self && p.paragraph) m.set(p.paragraph, [...(m.get(p.paragraph) ?? []), p.name]);
    return m;
  }, [live.people]);

  const renderRow = (i: number) => {
    const r = rows[i] as CompilationRow;
    if (r.kind === 'heading') {
      if (r.heading.role === 'chapeau')
        return (
          <p id={`h-${r.heading.id}`} tabIndex={-1} className="chapeau">
            {headingText(r.heading)}
            <Tags tags={r.heading.tags} />
          </p>
        );
      const H = headingTag(r.heading.level);
      return (
        <H id={`h-${r.heading.id}`} tabIndex={-1} className={`thead lvl-${r.heading.level}`}>
          {headingText(r.heading)}
          <Tags tags={r.heading.tags} />
        </H>
      );
    }
    if (r.kind === 'insertion') {
      return (
        <div className="para insertion">
          <p className="para-head">
            <PrintedLabel paragraph={{ label: r.label, labelStyle: r.anchor.labelStyle }} />{' '}
            {t('para.insertion', {
              label: r.label,
              position: t(`para.position.${r.position}`),
              anchor: r.anchor.label,
            })}
          </p>
          <ul className="plain">
            {r.proposals.map((p) => (
              <li key={p.id} className="ins-proposal">
                <ins>
                  <span className="sr-only">{t('diff.inserted')} </span>
                  {p.text}
                </ins>{' '}
                <span className="muted">— {p.party}</span>
              </li>
            ))}
          </ul>
        </div>
      );
    }
    const p = r.paragraph;
    const counts = countByAction(r.proposals);
    const summary = counts.length
      ? counts.map(([a, n]) => t('para.countKind', { count: n, action: t(`action.${a}`) })).join(', ')
      : t('para.proposals.zero');
    const prefix = `para-${p.id}`;
    const allNotes = [...p.footnotes, ...p.points.flatMap((pt) => pt.footnotes)];
    const here = presenceOn.get(p.id);
    return (
      <div
        className={`para${para === p.id ? ' selected' : ''}`}
        id={prefix}
        tabIndex={-1}
        data-label={p.label}
      >
        <div className="para-body">
          {/* An unnumbered paragraph prints no label; the column stays so texts line up. */}
          <PrintedLabel paragraph={p} keepPlace />
          <div>
            <p>
              <span className="sr-only">{t('para.label', { label: spokenLabel(p) })} </span>
              <TextWithFootnotes
                text={p.text}
                footnotes={p.footnotes}
                idPrefix={prefix}
                carried={depths.get(p.id)?.text ?? 0}
              />
              {p.points.length === 0 && <Tags tags={p.tags} />}
            </p>
            {p.points.length > 0 && (
              <ol className="points">
                {p.points.map((pt, k) => (
                  <li key={pt.label}>
                    <span className="point-label">({pt.label})</span>{' '}
                    <TextWithFootnotes
                      text={pt.text}
                      footnotes={pt.footnotes}
                      idPrefix={prefix}
                      carried={depths.get(p.id)?.points[k] ?? 0}
                    />
                    {k === p.points.length - 1 && <Tags tags={p.tags} />}
                  </li>
                ))}
              </ol>
            )}
            <FootnoteList footnotes={allNotes} idPrefix={prefix} />
          </div>
        </div>
        <div className="para-tools">
          <Link
            className={`count${r.proposals.length ? ' has' : ''}`}
            href={pathOf({ name: 'text', pid: process.id, para: p.id })}
            aria-current={para === p.id ? 'true' : undefined}
          >
            <span className="sr-only">{t('para.open', { label: spokenLabel(p) })} </span>
            {r.proposals.length ? tn('para.proposals', r.proposals.length) : t('para.proposals.zero')}
            {counts.length > 0 && ` (${summary})`}
          </Link>
          {here && (
            <span className="here">
              {here.map((n) => (
                <span key={n} className="who">
                  {n}
                </span>
              ))}
            </span>
          )}
        </div>
      </div>
    );
  };

  const keyOf = useCallback((i: number) => rowKey(rows[i] as CompilationRow), [rows]);
  const estimate = useCallback((i: number) => estimateRow(rows[i] as CompilationRow), [rows]);
  const parties = process.parties.map((p) => [p.name, p.name] as const);
  const groups = STAKEHOLDER_GROUPS.filter((g) => process.parties.some((p) => p.group === g)).map(
    (g) => [g, t(`group.${g}`)] as const,
  );

  return (
    <div className={`text-screen${openParagraph ? ' with-panel' : ''}`}>
      <nav className="outline" aria-labelledby="outline-title">
        <h2 id="outline-title">{t('process.outline')}</h2>
        {headings.length === 0 ? (
          <p className="muted">{t('process.outlineEmpty')}</p>
        ) : (
          <ul className="plain">
            {headings.map((h) => (
              <li key={h.id} className={`lvl-${h.level}`}>
                <a
                  href={`#h-${h.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    jumpTo(`h-${h.id}`, `h-${h.id}`);
                  }}
                >
                  {headingText(h)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <main id="main" tabIndex={-1} className="text-main">
        <div className="text-top">
          <h1>{process.title}</h1>
          <p className="muted">
            {process.revisions.find((r) => r.number === process.currentRevision)?.name ??
              document.revision ??
              ''}
            {process.symbol ? ` · ${process.symbol}` : ''}
          </p>
          <search aria-label={t('process.filters')}>
            <form className="filters" onSubmit={(e) => e.preventDefault()}>
              <label className="field grow">
                <span>{t('process.search')}</span>
                <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
              </label>
              <details
                className="more-filters"
                open={filtersOpen}
                onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
              >
                <summary>
                  {t('process.filters')}
                  {activeFilters > 0 && ` (${activeFilters})`}
                </summary>
                <div className="filters">
                  <Select
                    label={t('filter.party')}
                    value={filters.party}
                    onChange={(v) => setFilters({ ...filters, party: v })}
                    options={parties}
                  />
                  <Select
                    label={t('filter.group')}
                    value={filters.group}
                    onChange={(v) => setFilters({ ...filters, group: v as StakeholderGroup | '' })}
                    options={groups}
                  />
                  <Select
                    label={t('filter.action')}
                    value={filters.action}
                    onChange={(v) => setFilters({ ...filters, action: v as Filters['action'] })}
                    options={ACTIONS.map((a) => [a, t(`action.${a}`)] as const)}
                  />
                  <Select
                    label={t('filter.status')}
                    value={filters.status}
                    onChange={(v) => setFilters({ ...filters, status: v })}
                    options={[
                      ['tabled', t('filter.undecided')],
                      ['withdrawn', t('status.withdrawn')],
                      ...DECISIONS.map(
                        (d) =>
                          [`decision:${d}`, t('filter.decided', { decision: t(`decision.${d}`) })] as const,
                      ),
                    ]}
                  />
                </div>
              </details>
              {(filtering(filters) || search) && (
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    setFilters(NO_FILTERS);
                    setSearch('');
                  }}
                >
                  {t('filter.clear')}
                </button>
              )}
            </form>
          </search>
          <p className="muted small" data-testid="showing">
            {data.proposalsKnown
              ? t('process.showing', { rows: rows.length, proposals: view.shown })
              : t('process.loadingProposals')}
          </p>
        </div>
        {rows.length === 0 ? (
          <p>{t('process.noRows')}</p>
        ) : (
          <VirtualList
            handle={list}
            count={rows.length}
            keyOf={keyOf}
            estimate={estimate}
            render={renderRow}
            label={t('process.text')}
            className="text-list"
          />
        )}
        {view.unplaced.length > 0 && (
          <details className="unplaced">
            <summary>{t('process.unplaced', { count: view.unplaced.length })}</summary>
            <ul className="plain">
              {view.unplaced.map((u) => (
                <li key={u.proposal.id}>
                  <strong>§{u.proposal.label}</strong> — {u.proposal.party}:{' '}
                  {u.proposal.summary || u.proposal.text.slice(0, 120)}{' '}
                  <span className="muted">{t('process.unplacedReason', { reason: u.reason })}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </main>
      {openParagraph && <ParagraphPanel paragraph={openParagraph} />}
    </div>
  );
};
