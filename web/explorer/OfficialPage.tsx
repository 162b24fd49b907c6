/** An official: titles as reported, counterparts (drawn and listed), a timeline, meetings and reports. */
import { useQuery } from './api';
import { CounterpartNetwork } from './CounterpartNetwork';
import { Loaded, MeetingItem, NotFound, OfficialLinks, useTitle } from './components';
import { dateKey, formatPartialDate, formatPublished, placeText } from './format';
import { officialQuery, type OfficialData } from './queries';
import { href, Link } from './router';

type Official = NonNullable<OfficialData['official']>;

type TimelineEntry =
  | { kind: 'meeting'; key: string; date: string | null; meeting: Official['meetings']['nodes'][number] }
  | { kind: 'conference'; key: string; date: string | null; conference: Official['conferences']['nodes'][number] }
  | { kind: 'report'; key: string; date: string; article: Official['articles']['nodes'][number] };

/**
 * Meetings, conferences and the reports naming the official, oldest first,
 * undated ones last. Built here from the official's own lists.
 * TODO(timeline): read `Official.timeline` once the API has it.
 */
export function buildTimeline(official: Official): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...official.meetings.nodes.map((meeting) => ({ kind: 'meeting' as const, key: `m-${meeting.id}`, date: meeting.date?.value ?? null, meeting })),
    ...official.conferences.nodes.map((conference) => ({
      kind: 'conference' as const,
      key: `c-${conference.id}`,
      date: conference.startDate?.value ?? null,
      conference,
    })),
    ...official.articles.nodes.map((article) => ({ kind: 'report' as const, key: `a-${article.id}`, date: article.publishedAt.slice(0, 10), article })),
  ];
  return entries.sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)));
}

function TimelineItem({ entry, official }: { entry: TimelineEntry; official: Official }) {
  switch (entry.kind) {
    case 'meeting': {
      const { meeting } = entry;
      const others = meeting.participants.filter((p) => p.id !== official.id);
      return (
        <>
          <span className="timeline-kind">Meeting</span>{' '}
          {others.length > 0 ? <>with <OfficialLinks officials={others} /></> : 'with officials'}
          {meeting.counterpartCountries.length > 0 && <> of {meeting.counterpartCountries.map((c) => c.name).join(', ')}</>}
          {placeText(meeting.place) && <> in {placeText(meeting.place)}</>}
          {meeting.status === 'PLANNED' && <span className="badge badge-planned">planned</span>}
        </>
      );
    }
    case 'conference':
      return (
        <>
          <span className="timeline-kind">Conference</span> <Link href={href.conference(entry.conference.id)}>{entry.conference.name}</Link>
          {entry.conference.status === 'PLANNED' && <span className="badge badge-planned">planned</span>}
        </>
      );
    case 'report':
      return (
        <>
          <span className="timeline-kind">Report</span> <Link href={href.article(entry.article.id)}>{entry.article.title}</Link>
          {entry.article.source && <span className="muted"> ({entry.article.source})</span>}
        </>
      );
  }
}

export function OfficialPage({ id }: { id: string }) {
  const state = useQuery<OfficialData>(officialQuery, { id });
  return (
    <Loaded state={state} what="the official">
      {({ official }) =>
        official ? (
          <OfficialView official={official} />
        ) : (
          <NotFound title="Official not found">No official has the id “{id}”. The link may be out of date.</NotFound>
        )
      }
    </Loaded>
  );
}

function OfficialView({ official }: { official: Official }) {
  useTitle(official.name);
  const counterparts = official.counterparts.nodes;
  const timeline = buildTimeline(official);
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
        {timeline.length > 0 ? (
          <ol className="timeline">
            {timeline.map((entry) => (
              <li key={entry.key}>
                <span className="timeline-date">{entry.date ? formatPartialDate({ value: entry.date }) : 'Undated'}</span>
                <span className="timeline-what">
                  <TimelineItem entry={entry} official={official} />
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">Nothing dated is recorded.</p>
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
