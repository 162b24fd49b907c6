/**
 * A handful of routes, kept in the address bar with the History API so every
 * page can be reloaded, bookmarked and opened in a new tab. The server answers
 * each of these paths with the explorer page (src/web.ts, `explorerRoutes`).
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'search'; query: string }
  | { name: 'official'; id: string }
  | { name: 'conference'; id: string }
  | { name: 'article'; id: string }
  | { name: 'notFound'; path: string };

export const href = {
  home: () => '/',
  search: (query: string) => `/search?q=${encodeURIComponent(query)}`,
  official: (id: string) => `/officials/${encodeURIComponent(id)}`,
  conference: (id: string) => `/conferences/${encodeURIComponent(id)}`,
  article: (id: string) => `/articles/${encodeURIComponent(id)}`,
};

const entityPaths = { officials: 'official', conferences: 'conference', articles: 'article' } as const;

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/search') return { name: 'search', query: new URLSearchParams(search).get('q')?.trim() ?? '' };
  const match = /^\/(officials|conferences|articles)\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    const name = entityPaths[match[1] as keyof typeof entityPaths];
    try {
      return { name, id: decodeURIComponent(match[2]!) };
    } catch {
      return { name: 'notFound', path: pathname };
    }
  }
  return { name: 'notFound', path: pathname };
}

const navigationEvent = 'newsgraph:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

const currentLocation = () => window.location.pathname + window.location.search;

/** The current path and query; re-renders on links, back and forward. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}

export function navigate(to: string): void {
  if (to === currentLocation()) return;
  window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(navigationEvent));
}

/** An ordinary link (middle-click, copy, open in new tab all work) that navigates in place on a plain click. */
export function Link({ href: to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
