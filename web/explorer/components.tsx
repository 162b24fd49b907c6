/** Pieces every page shares: loading and error states, and how a meeting and an article in a list read. */
import { Fragment, useEffect, type ReactNode } from 'react';
import { useQuery, type QueryState } from './api';
import { formatPartialDate, formatPublished, placeText } from './format';
import { href, Link } from './router';
import type { ArticleRef, MeetingFields } from './queries';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Failure({ message, retry }: { message: string; retry: (() => void) | null }) {
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>Something went wrong.</strong> {message}
      </p>
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : (
        <p>
          <Link href={href.home()}>Start again from the search</Link>
        </p>
      )}
    </div>
  );
}

export function NotFound({ title, children }: { title: string; children: ReactNode }) {
  useTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <Link href={href.home()}>Back to the search</Link>
      </p>
    </>
  );
}

/** Renders the page once its query is done, and a visible state until then. */
export function Loaded<T>({ state, what, children }: { state: QueryState<T> & { retry: () => void }; what: string; children: (data: T) => ReactNode }) {
  switch (state.status) {
    case 'loading':
      return <Loading what={what} />;
    case 'failed':
      return <Failure message={state.message} retry={state.retryable ? state.retry : null} />;
    case 'done':
      return <>{children(state.data)}</>;
  }
}

/**
 * A page about one thing the API finds by `id`: loading and error states while
 * `query` runs, then the thing, or a "not found" page when the id names nothing.
 */
export function ByIdPage<T, E>({
  query,
  id,
  kind,
  pick,
  children,
}: {
  query: string;
  id: string;
  kind: 'article' | 'conference' | 'official';
  pick: (data: T) => E | null;
  children: (found: E) => ReactNode;
}) {
  const state = useQuery<T>(query, { id });
  const title = `${kind[0].toUpperCase()}${kind.slice(1)} not found`;
  return (
    <Loaded state={state} what={`the ${kind}`}>
      {(data) => {
        const found = pick(data);
        return found ? (
          children(found)
        ) : (
          <NotFound title={title}>No {kind} has the id “{id}”. The link may be out of date.</NotFound>
        );
      }}
    </Loaded>
  );
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · newsgraph explorer`;
  }, [title]);
}

export function OfficialLinks({ officials, except }: { officials: Array<{ id: string; name: string }>; except?: string }) {
  const shown = officials.filter((official) => official.id !== except);
  return (
    <>
      {shown.map((official, index) => (
        <Fragment key={official.id}>
          {index > 0 && (index === shown.length - 1 ? ' and ' : ', ')}
          <Link href={href.official(official.id)}>{official.name}</Link>
        </Fragment>
      ))}
    </>
  );
}

/** One meeting: when, where, who, about what, and the sentence it was taken from. */
/** `viewer`, `articleId` and `conferenceId` name the page it is shown on, which it then does not repeat. */
export function MeetingItem({ meeting, viewer, articleId, conferenceId }: { meeting: MeetingFields; viewer?: string; articleId?: string; conferenceId?: string }) {
  const date = formatPartialDate(meeting.date);
  const place = placeText(meeting.place);
  const others = meeting.participants.filter((p) => p.id !== viewer);
  const evidence = meeting.evidence.filter((e) => e.article && e.article.id !== articleId);
  return (
    <article className="meeting">
      <p className="meeting-when">
        {date ? <time dateTime={meeting.date?.value}>{date}</time> : 'Date not reported'}
        {meeting.date?.inferred && <span className="badge" title="Worked out from words such as “today”">inferred</span>}
        {place && <> · {place}</>}
        {meeting.status === 'PLANNED' && <span className="badge badge-planned">planned</span>}
      </p>
      <p className="meeting-who">
        {viewer ? 'With ' : ''}
        {others.length > 0 ? <OfficialLinks officials={others} /> : null}
        {meeting.counterpartCountries.length > 0 && (
          <>
            {others.length > 0 ? '; ' : ''}officials of {meeting.counterpartCountries.map((c) => c.name).join(', ')}
          </>
        )}
        {others.length === 0 && meeting.counterpartCountries.length === 0 && 'Participants not named'}
      </p>
      {meeting.topics.length > 0 && (
        <p className="meeting-topics">
          <span className="label">Topics:</span> {meeting.topics.join('; ')}
        </p>
      )}
      {meeting.outcome && (
        <p className="meeting-outcome">
          <span className="label">Outcome:</span> {meeting.outcome}
        </p>
      )}
      {meeting.conference && meeting.conference.id !== conferenceId && (
        <p className="meeting-conference">
          <span className="label">At:</span> <Link href={href.conference(meeting.conference.id)}>{meeting.conference.name}</Link>
        </p>
      )}
      {evidence.map((e, index) => (
        <blockquote key={index} className="evidence">
          <p>{e.sentence}</p>
          {e.article && (
            <footer>
              — <Link href={href.article(e.article.id)}>{e.article.title}</Link>
            </footer>
          )}
        </blockquote>
      ))}
    </article>
  );
}

/** An article in a list: its headline, then who published it and when. */
export function ArticleItem({ article }: { article: ArticleRef }) {
  return (
    <li>
      <Link href={href.article(article.id)}>{article.title}</Link>
      <span className="muted">{[article.source, formatPublished(article.publishedAt)].filter(Boolean).join(' · ')}</span>
    </li>
  );
}
