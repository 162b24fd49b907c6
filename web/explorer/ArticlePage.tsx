/**
 * A report with the facts taken from it: every evidence sentence is marked in
 * the text with the number of its fact, every named official links to their
 * page, and the facts are listed beside the text with links back into it.
 */
import { Fragment } from 'react';
import { ByIdPage, MeetingItem, useTitle } from './components';
import { formatPartialDate, formatPublished, ordinal, placeText } from './format';
import { findNames, locateSentence, paragraphSeparator, segmentBody, type FactSpan, type Range, type Segment } from './highlight';
import { articleQuery, type ArticleData } from './queries';
import { href, Link } from './router';

type Article = NonNullable<ArticleData['article']>;

type Fact =
  | { kind: 'meeting'; number: number; range: Range | null; meeting: Article['meetings'][number] }
  | { kind: 'conference'; number: number; range: Range | null; conference: Article['conferences'][number] };

/** Facts in the order their sentences appear; facts whose sentence was not found come last. */
export function collectFacts(article: Article, text: string): Fact[] {
  const own = (evidence: Array<{ sentence: string; start: number | null; end: number | null; article: { id: string } | null }>) =>
    evidence.filter((e) => !e.article || e.article.id === article.id).map((e) => locateSentence(text, e)).find((r) => r !== null) ?? null;
  const facts = [
    ...article.meetings.map((meeting) => ({ kind: 'meeting' as const, number: 0, range: own(meeting.evidence), meeting })),
    ...article.conferences.map((conference) => ({ kind: 'conference' as const, number: 0, range: own(conference.evidence), conference })),
  ];
  facts.sort((a, b) => (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity));
  return facts.map((fact, index) => ({ ...fact, number: index + 1 }));
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function ArticlePage({ id }: { id: string }) {
  return (
    <ByIdPage query={articleQuery} id={id} kind="article" pick={(data: ArticleData) => data.article}>
      {(article) => <ArticleView article={article} />}
    </ByIdPage>
  );
}

function ArticleView({ article }: { article: Article }) {
  useTitle(article.title);
  const text = article.body.join(paragraphSeparator);
  const facts = collectFacts(article, text);
  const spans: FactSpan[] = facts.flatMap((fact) => (fact.range ? [{ ...fact.range, number: fact.number }] : []));
  const names = findNames(
    text,
    article.officials.map((official) => ({ id: official.id, names: [official.name, ...official.aliases] })),
  );
  const paragraphs = segmentBody(article.body, spans, names);

  return (
    <>
      <header className="page-header">
        <p className="kind">Article</p>
        <h1>{article.title}</h1>
        <p className="subtitle">
          {[article.source, formatPublished(article.publishedAt)].filter(Boolean).join(' · ')}
          {isWebAddress(article.url) && (
            <>
              {' · '}
              <a href={article.url} rel="noreferrer noopener">
                Original report
              </a>
            </>
          )}
        </p>
        <p className="legend muted">
          <mark className="fact">Marked sentences</mark> are where facts were taken from; the number leads to the fact.{' '}
          <span className="name-sample">Underlined names</span> lead to the official.
        </p>
      </header>
      <div className="article-layout">
        <div className="article-body">
          {paragraphs.map((segments, p) => (
            <p key={p}>
              {groupByFacts(segments).map((group, g) => {
                const content = group.segments.map((segment, s) =>
                  segment.officialId ? (
                    <Link key={s} href={href.official(segment.officialId)} className="name">
                      {segment.text}
                    </Link>
                  ) : (
                    <Fragment key={s}>{segment.text}</Fragment>
                  ),
                );
                if (group.facts.length === 0) return <Fragment key={g}>{content}</Fragment>;
                return (
                  <mark key={g} className="fact">
                    {group.starting.map((number) => (
                      <span key={number} id={`text-${number}`} tabIndex={-1} />
                    ))}
                    {content}
                    {group.ending.map((number) => (
                      <sup key={number}>
                        <a href={`#fact-${number}`} className="fact-ref" aria-label={`Fact ${number}`}>
                          {number}
                        </a>
                      </sup>
                    ))}
                  </mark>
                );
              })}
            </p>
          ))}
        </div>
        <aside className="facts" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Facts in this report ({facts.length})</h2>
          {facts.length === 0 && <p className="muted">No fact was taken from this report.</p>}
          <ol className="plain">
            {facts.map((fact) => (
              <li key={fact.number} id={`fact-${fact.number}`} className="fact-card" tabIndex={-1}>
                <p className="fact-number">
                  <span className="fact-badge">{fact.number}</span> {fact.kind === 'meeting' ? 'Meeting' : 'Conference'}
                  {fact.range ? (
                    <a href={`#text-${fact.number}`} className="fact-back">
                      show in text
                    </a>
                  ) : (
                    <span className="muted"> (sentence not located)</span>
                  )}
                </p>
                {fact.kind === 'meeting' ? (
                  <MeetingItem meeting={fact.meeting} articleId={article.id} />
                ) : (
                  <p>
                    <Link href={href.conference(fact.conference.id)}>{fact.conference.name}</Link>
                    <span className="muted">
                      {' '}
                      {[
                        fact.conference.edition ? `${ordinal(fact.conference.edition)} edition` : null,
                        formatPartialDate(fact.conference.startDate),
                        placeText(fact.conference.place),
                        fact.conference.status === 'PLANNED' ? 'planned' : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </p>
                )}
              </li>
            ))}
          </ol>
          <h2 id="named-heading">Officials named ({article.officials.length})</h2>
          <ul className="results">
            {article.officials.map((official) => (
              <li key={official.id}>
                <Link href={href.official(official.id)}>{official.name}</Link>
                <span className="muted">{[official.title, official.country?.name].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}

interface Group {
  facts: number[];
  segments: Segment[];
  /** Facts whose text starts here, targets of the fact list's "show in text" links. */
  starting: number[];
  /** Facts whose text ends here, numbered after it. */
  ending: number[];
}

/** Consecutive segments under the same facts become one mark. */
function groupByFacts(segments: Segment[]): Group[] {
  const groups: Group[] = [];
  for (const segment of segments) {
    const previous = groups[groups.length - 1];
    if (previous && previous.facts.join(',') === segment.facts.join(',')) previous.segments.push(segment);
    else groups.push({ facts: segment.facts, segments: [segment], starting: [], ending: [] });
  }
  const anchored = new Set<number>();
  groups.forEach((group, index) => {
    const next = groups[index + 1]?.facts ?? [];
    group.ending = group.facts.filter((number) => !next.includes(number));
    group.starting = group.facts.filter((number) => !anchored.has(number));
    group.starting.forEach((number) => anchored.add(number));
  });
  return groups;
}
