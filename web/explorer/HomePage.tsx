/** Where to start: what the graph holds, the newest reports and conferences. */
import { useQuery } from './api';
import { ArticleItem, Loaded, useTitle } from './components';
import { formatPartialDate, placeText } from './format';
import { homeQuery, type HomeData } from './queries';
import { href, Link } from './router';

export function HomePage() {
  useTitle('Explore');
  const state = useQuery<HomeData>(homeQuery, {});
  return (
    <>
      <h1>Who met whom, where, when — and which report says so</h1>
      <p className="lead">
        Search officials, conferences and news reports with the box above, then follow the links: an official’s counterparts,
        a conference’s editions, the sentences every fact was taken from.
      </p>
      <Loaded state={state} what="the latest reports">
        {(data) => (
          <>
            <p className="muted">
              The graph holds {data.officials.totalCount} officials, {data.meetings.totalCount} meetings, {data.conferences.totalCount}{' '}
              conferences and {data.articles.totalCount} reports.
            </p>
            <div className="columns">
              <section aria-labelledby="latest-articles">
                <h2 id="latest-articles">Latest reports</h2>
                <ul className="results">
                  {data.articles.nodes.map((article) => <ArticleItem key={article.id} article={article} />)}
                </ul>
              </section>
              <section aria-labelledby="latest-conferences">
                <h2 id="latest-conferences">Conferences</h2>
                <ul className="results">
                  {data.conferences.nodes.map((conference) => (
                    <li key={conference.id}>
                      <Link href={href.conference(conference.id)}>{conference.name}</Link>
                      <span className="muted">
                        {[formatPartialDate(conference.startDate), placeText(conference.place)].filter(Boolean).join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}
