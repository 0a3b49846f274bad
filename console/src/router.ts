/** Hash routing (#/orders/ord_1): the console is one HTML shell at /console/, whatever the stage prefix. */
import { useEffect, useState } from 'preact/hooks';

export function currentPath(): string {
  return location.hash.replace(/^#\/?/, '').split('?')[0];
}

export function currentQuery(): URLSearchParams {
  const i = location.hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : location.hash.substring(i + 1));
}

export function navigate(path: string) {
  location.hash = '#/' + path;
}

export function useHashPath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const on = () => setPath(currentPath());
    window.addEventListener('hashchange', on);
    on(); // a change between the first render and this effect
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return path;
}

/** Matches "orders/:id" against "orders/ord_1" → {id: "ord_1"}; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].substring(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}
