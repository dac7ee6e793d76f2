/** PostgreSQL connection URLs: recognising them, showing them without secrets, explaining failures. */

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/** The URL with its password replaced, for messages and `store.location`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

/** Why a connection failed, in words a user can act on, naming the server but not the password. */
export function describeConnectionError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const why = err.message || String(e);
  switch (err.code) {
    case 'ECONNREFUSED':
      return `cannot connect to PostgreSQL: connection refused (is the server running, and on that host and port?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot connect to PostgreSQL: unknown host (${why})`;
    case 'ETIMEDOUT':
      return `cannot connect to PostgreSQL: timed out (${why})`;
    case '3D000':
      return `cannot connect to PostgreSQL: ${why} (create it first: createdb NAME)`;
    case '28P01':
    case '28000':
      return `cannot connect to PostgreSQL: ${why} (check the user and password in the URL)`;
    default:
      return `cannot connect to PostgreSQL: ${why}`;
  }
}
