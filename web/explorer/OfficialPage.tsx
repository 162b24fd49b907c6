/** An official: titles as reported, counterparts (drawn and listed), the timeline and the meetings. */
import { CounterpartNetwork } from './CounterpartNetwork';
import { ByIdPage, MeetingItem, OfficialLinks, useTitle } from './components';
import { formatPartialDate, formatPublished, placeText } from './format';
import { officialQuery, type OfficialData } from './queries';
import { href, Link } from './router';

type Official = NonNullable<OfficialData['official']>;

type TimelineEdge = Official['timeline']['edges'][number];

function TimelineItem({ edge, official }: { edge: TimelineEdge; official: Official }) {
  const event = edge.node;
  switch (event.__typename) {
    case 'Meeting': {
      const others = event.participants.filter((p) => p.id !== official.id);
      const place = placeText(event.place);
      return (
        <>
          <span className="timeline-kind">Meeting</span>{' '}
          {others.length > 0 ? (
            <>
              with <OfficialLinks officials={others} />
            </>
          ) : (
            'with officials'
          )}
          {event.counterpartCountries.length > 0 && <> of {event.counterpartCountries.map((c) => c.name).join(', ')}</>}
          {place && <> in {place}</>}
          {event.meetingStatus === 'PLANNED' && <span className="badge badge-planned">planned</span>}
        </>
      );
    }
    case 'Conference': {
      const place = placeText(event.place);
      return (
        <>
          <span className="timeline-kind">Conference</span> <Link href={href.conference(event.id)}>{event.name}</Link>
          {place && <> in {place}</>}
          {event.conferenceStatus === 'PLANNED' && <span className="badge badge-planned">planned</span>}
        </>
      );
    }
  }
}

export function OfficialPage({ id }: { id: string }) {
  return (
    <ByIdPage query={officialQuery} id={id} kind="official" pick={(data: OfficialData) => data.official}>
      {(official) => <OfficialView official={official} />}
    </ByIdPage>
  );
}

function OfficialView({ official }: { official: Official }) {
  useTitle(official.name);
  const counterparts = official.counterparts.nodes;
  const aliases = official.aliases.filter((alias) => alias !== official.name);
  return (
    <>
      <header className="page-header">
        <p className="kind">Official</p>
        <h1>{official.name}</h1>
        <p className="subtitle">
          {[official.title, official.organization?.name, official.country?.name].filter(Boolean).join(' · ') || 'No title reported'}
        </p>
        {aliases.length > 0 && <p className="muted">Also reported as {aliases.join(', ')}</p>}
      </header>

      <section aria-labelledby="titles-heading">
        <h2 id="titles-heading">Titles as reported</h2>
        {official.titles.length > 0 ? (
          <ul className="plain">
            {official.titles.map((reported, index) => (
              <li key={index}>
                <strong>{reported.title}</strong>
                {reported.article && (
                  <>
                    {' '}
                    — <Link href={href.article(reported.article.id)}>{reported.article.title}</Link>
                    <span className="muted">
                      {' '}
                      ({[reported.article.source, formatPublished(reported.article.publishedAt)].filter(Boolean).join(', ')})
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No report gave a title.</p>
        )}
      </section>

      <section aria-labelledby="counterparts-heading">
        <h2 id="counterparts-heading">Counterparts ({official.counterparts.totalCount})</h2>
        {counterparts.length > 0 ? (
          <div className="counterparts">
            <CounterpartNetwork official={official} counterparts={counterparts} />
            <ul className="results counterpart-list">
              {counterparts.map((counterpart) => {
                const first = formatPartialDate(counterpart.firstMet);
                const last = formatPartialDate(counterpart.lastMet);
                return (
                  <li key={counterpart.official.id}>
                    <Link href={href.official(counterpart.official.id)}>{counterpart.official.name}</Link>
                    <span className="muted">
                      {[counterpart.official.title, counterpart.official.country?.name].filter(Boolean).join(' · ')}
                    </span>
                    <span>
                      {counterpart.meetingCount} {counterpart.meetingCount === 1 ? 'meeting' : 'meetings'}
                      {first && (first === last || !last ? `, ${first}` : `, ${first} – ${last}`)}
                    </span>
                    {counterpart.topics.length > 0 && <span className="muted">About {counterpart.topics.join('; ')}</span>}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : (
          <p className="muted">No meeting with a named official is recorded.</p>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {official.timeline.edges.length > 0 ? (
          <ol className="timeline">
            {official.timeline.edges.map((edge) => (
              <li key={edge.node.id}>
                <span className="timeline-date">{formatPartialDate(edge.date) ?? 'Undated'}</span>
                <span className="timeline-what">
                  <TimelineItem edge={edge} official={official} />
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No meeting or conference is recorded.</p>
        )}
      </section>

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Meetings ({official.meetings.totalCount})</h2>
        {official.meetings.nodes.length > 0 ? (
          official.meetings.nodes.map((meeting) => <MeetingItem key={meeting.id} meeting={meeting} viewer={official.id} />)
        ) : (
          <p className="muted">No meeting is recorded.</p>
        )}
      </section>
    </>
  );
}
