/**
 * Search across officials, conferences and articles.
 *
 * Officials are matched by the API (`officials(filter: { name })`, words of a
 * name or alias in any order, without diacritics). The schema has no text
 * filter on conferences or articles yet, so those two are matched here, in the
 * browser, over the newest 100 of each.
 * TODO(search): switch to `Query.search` once the API has it.
 */
import { useQuery } from './api';
import { Loaded, useTitle } from './components';
import { formatPartialDate, formatPublished, ordinal, placeText } from './format';
import { searchQuery, type SearchData } from './queries';
import { href, Link } from './router';

/** Lower case without diacritics, so "Aliyev" finds "Əliyev" and "aliyev" alike. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesWords(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function SearchPage({ query }: { query: string }) {
  useTitle(query ? `Search: ${query}` : 'Search');
  const state = useQuery<SearchData>(searchQuery, { name: query });
  if (!query) {
    return (
      <>
        <h1>Search</h1>
        <p>Type a name, a conference or words of a headline in the search box above.</p>
      </>
    );
  }
  return (
    <>
      <h1>
        Results for <q>{query}</q>
      </h1>
      <Loaded state={state} what="results">
        {(data) => {
          const conferences = data.conferences.nodes.filter((c) => matchesWords(`${c.name} ${placeText(c.place) ?? ''}`, query));
          const articles = data.articles.nodes.filter((a) => matchesWords(`${a.title} ${a.source ?? ''}`, query));
          const total = data.officials.totalCount + conferences.length + articles.length;
          return (
            <>
              <p role="status">
                {total === 0
                  ? 'Nothing matches. Try fewer words, or a surname alone.'
                  : `${total} ${total === 1 ? 'match' : 'matches'}.`}
              </p>
              <section aria-labelledby="officials-heading">
                <h2 id="officials-heading">Officials ({data.officials.totalCount})</h2>
                {data.officials.nodes.length > 0 ? (
                  <ul className="results">
                    {data.officials.nodes.map((official) => (
                      <li key={official.id}>
                        <Link href={href.official(official.id)}>{official.name}</Link>
                        <span className="muted">
                          {[official.title, official.organization?.name, official.country?.name].filter(Boolean).join(' · ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No official has that name.</p>
                )}
              </section>
              <section aria-labelledby="conferences-heading">
                <h2 id="conferences-heading">Conferences ({conferences.length})</h2>
                {conferences.length > 0 ? (
                  <ul className="results">
                    {conferences.map((conference) => (
                      <li key={conference.id}>
                        <Link href={href.conference(conference.id)}>{conference.name}</Link>
                        <span className="muted">
                          {[
                            conference.edition ? `${ordinal(conference.edition)} edition` : null,
                            formatPartialDate(conference.startDate),
                            placeText(conference.place),
                            conference.status === 'PLANNED' ? 'planned' : null,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No conference name matches.</p>
                )}
              </section>
              <section aria-labelledby="articles-heading">
                <h2 id="articles-heading">Articles ({articles.length})</h2>
                {articles.length > 0 ? (
                  <ul className="results">
                    {articles.map((article) => (
                      <li key={article.id}>
                        <Link href={href.article(article.id)}>{article.title}</Link>
                        <span className="muted">{[article.source, formatPublished(article.publishedAt)].filter(Boolean).join(' · ')}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No headline matches.</p>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
