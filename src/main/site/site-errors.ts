/**
 * Why the site database cannot be used, in words a person can act on, and
 * never with the secret: the connection string (and its password) is cut out
 * of whatever the driver said before anything is shown or logged.
 */
export function describeSiteError(err: unknown, connectionString?: string): string {
  const e = err as { code?: string; message?: string }
  const raw = redact(String(e?.message ?? err), connectionString)
  switch (e?.code) {
    case 'ECONNREFUSED':
      return 'The site database refused the connection: is PostgreSQL running at that address?'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'The site database’s host name is not known on this network.'
    case 'ETIMEDOUT':
      return 'The site database did not answer in time.'
    case '28P01':
      return 'The site database refused the user name or password.'
    case '3D000':
      return 'That database does not exist on the site’s PostgreSQL server.'
    case '57P01':
    case '57P03':
      return 'The site database is shutting down or starting up.'
    default:
      if (/Invalid URL|Invalid connection string/i.test(raw))
        return 'That is not a connection string (postgres://user:password@host:5432/database).'
      if (/timeout/i.test(raw)) return 'The site database did not answer in time.'
      return `The site database could not be used: ${raw}`
  }
}

function redact(message: string, connectionString?: string): string {
  let out = message
  if (connectionString) {
    out = out.split(connectionString).join('(connection string)')
    const password = passwordOf(connectionString)
    if (password) out = out.split(password).join('•••')
  }
  // Whatever URL with credentials a driver message may still hold.
  return out.replace(/(postgres(?:ql)?:\/\/)[^@\s]*@/gi, '$1•••@')
}

function passwordOf(connectionString: string): string | undefined {
  try {
    const p = new URL(connectionString).password
    return p ? decodeURIComponent(p) : undefined
  } catch {
    return undefined
  }
}
