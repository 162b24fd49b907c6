/**
 * Search across officials, conferences and articles with the API's `search`,
 * one request with a section per kind so each shows its own count.
 */
import { useQuery } from './api';
import { ArticleItem, Loaded, useTitle } from './components';
import { formatPartialDate, ordinal, placeText } from './format';
import { searchQuery, type SearchData } from './queries';
import { href, Link } from './router';

export function SearchPage({ query }: { query: string }) {
  useTitle(query ? `Search: ${query}` : 'Search');
  if (!query) {
    return (
      <>
        <h1>Search</h1>
        <p>Type a name, a conference or words of a headline in the search box above.</p>
      </>
    );
  }
  return <SearchResults query={query} />;
}

function SearchResults({ query }: { query: string }) {
  const state = useQuery<SearchData>(searchQuery, { query });
  return (
    <>
      <h1>Results for “{query}”</h1>
      <Loaded state={state} what="results">
        {(data) => {
          const conferences = data.conferences.nodes;
          const articles = data.articles.nodes;
          const total = data.officials.totalCount + data.conferences.totalCount + data.articles.totalCount;
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
                <h2 id="conferences-heading">Conferences ({data.conferences.totalCount})</h2>
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
                  <p className="muted">No conference matches.</p>
                )}
              </section>
              <section aria-labelledby="articles-heading">
                <h2 id="articles-heading">Articles ({data.articles.totalCount})</h2>
                {articles.length > 0 ? (
                  <ul className="results">
                    {articles.map((article) => <ArticleItem key={article.id} article={article} />)}
                  </ul>
                ) : (
                  <p className="muted">No article matches.</p>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
