/** The frame every page shares: skip link, header with search, and the routed page. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ArticlePage } from './ArticlePage';
import { NotFound } from './components';
import { ConferencePage } from './ConferencePage';
import { HomePage } from './HomePage';
import { OfficialPage } from './OfficialPage';
import { href, Link, navigate, parseRoute, useLocation, type Route } from './router';
import { SearchPage } from './SearchPage';

/** The server marks the page when the IDE is switched off (src/web.ts). */
const ideAvailable = document.documentElement.dataset.ide !== 'off';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'official':
      return <OfficialPage id={route.id} />;
    case 'conference':
      return <ConferencePage id={route.id} />;
    case 'article':
      return <ArticlePage id={route.id} />;
    case 'notFound':
      return <NotFound title="Page not found">Nothing lives at “{route.path}”.</NotFound>;
  }
}

function SearchForm({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = value.trim();
    if (query) navigate(href.search(query));
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="search-input" className="visually-hidden">
        Search officials, conferences and articles
      </label>
      <input
        id="search-input"
        type="search"
        name="q"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="Search officials, conferences, articles"
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">Search</button>
    </form>
  );
}

export function App() {
  const location = useLocation();
  const url = new URL(location, window.location.origin);
  const route = parseRoute(url.pathname, url.search);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a navigation, start reading and tabbing at the new page, as a full page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [location]);

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href={href.home()} className="brand">
            newsgraph <span className="brand-sub">explorer</span>
          </Link>
          <SearchForm initial={route.name === 'search' ? route.query : ''} />
          {ideAvailable && (
            <a href="/graphql" className="ide-link">
              GraphQL IDE
            </a>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer className="site-footer muted">Facts extracted from news reports; every fact links to the sentence it came from.</footer>
    </>
  );
}
