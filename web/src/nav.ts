/** Links between views: #/view/path?params. */
/** Go to a view, e.g. go('events', { article: 'x' }). */
export function go(view: string, params: Record<string, string | undefined> = {}, path: string[] = []): void {
  const next = href(view, params, path);
  if (window.location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = next;
}

export function href(
  view: string,
  params: Record<string, string | undefined> = {},
  path: string[] = [],
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const tail = path.map(encodeURIComponent).join('/');
  const qs = q.toString();
  return `#/${view}${tail ? `/${tail}` : ''}${qs ? `?${qs}` : ''}`;
}
