/** A conference: its editions, who took part, the meetings on its sidelines, the reports. */
import { ArticleItem, ByIdPage, MeetingItem, useTitle } from './components';
import { formatPartialDate, ordinal, placeText } from './format';
import { conferenceQuery, type ConferenceData } from './queries';
import { href, Link } from './router';

type Conference = NonNullable<ConferenceData['conference']>;

export function ConferencePage({ id }: { id: string }) {
  return (
    <ByIdPage query={conferenceQuery} id={id} kind="conference" pick={(data: ConferenceData) => data.conference}>
      {(conference) => <ConferenceView conference={conference} />}
    </ByIdPage>
  );
}

function editionLabel(edition: { edition: number | null; name: string }): string {
  return edition.edition ? `${ordinal(edition.edition)} edition` : edition.name;
}

function ConferenceView({ conference }: { conference: Conference }) {
  useTitle(conference.name);
  const start = formatPartialDate(conference.startDate);
  const end = formatPartialDate(conference.endDate);
  const when = start && end && start !== end ? `${start} – ${end}` : start;
  return (
    <>
      <header className="page-header">
        <p className="kind">Conference{conference.status === 'PLANNED' && <span className="badge badge-planned">planned</span>}</p>
        <h1>{conference.name}</h1>
        <p className="subtitle">
          {[conference.edition ? `${ordinal(conference.edition)} edition` : null, when, placeText(conference.place)].filter(Boolean).join(' · ') ||
            'Date and place not reported'}
        </p>
        {conference.organizer && <p className="muted">Organized by {conference.organizer.name}</p>}
        {(conference.previousEdition || conference.nextEdition) && (
          <nav className="pager" aria-label="Editions">
            {conference.previousEdition && (
              <Link href={href.conference(conference.previousEdition.id)} rel="prev">
                ← {editionLabel(conference.previousEdition)}
              </Link>
            )}
            {conference.nextEdition && (
              <Link href={href.conference(conference.nextEdition.id)} rel="next">
                {editionLabel(conference.nextEdition)} →
              </Link>
            )}
          </nav>
        )}
      </header>

      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading">Editions ({conference.editions.length})</h2>
        <ol className="results">
          {conference.editions.map((edition) => (
            <li key={edition.id}>
              {edition.id === conference.id ? (
                <strong aria-current="page">{editionLabel(edition)} (this page)</strong>
              ) : (
                <Link href={href.conference(edition.id)}>{editionLabel(edition)}</Link>
              )}
              <span className="muted">
                {[formatPartialDate(edition.startDate), placeText(edition.place), edition.status === 'PLANNED' ? 'planned' : null]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">Participants ({conference.participants.length})</h2>
        {conference.participants.length > 0 ? (
          <ul className="results">
            {conference.participants.map((official) => (
              <li key={official.id}>
                <Link href={href.official(official.id)}>{official.name}</Link>
                <span className="muted">{[official.title, official.country?.name].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No participant is named.</p>
        )}
      </section>

      <section aria-labelledby="side-meetings-heading">
        <h2 id="side-meetings-heading">Meetings on the sidelines ({conference.meetings.length})</h2>
        {conference.meetings.length > 0 ? (
          conference.meetings.map((meeting) => <MeetingItem key={meeting.id} meeting={meeting} conferenceId={conference.id} />)
        ) : (
          <p className="muted">No side meeting is recorded.</p>
        )}
      </section>

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">Reports ({conference.articles.length})</h2>
        <ul className="results">
          {conference.articles.map((article) => <ArticleItem key={article.id} article={article} />)}
        </ul>
      </section>
    </>
  );
}
