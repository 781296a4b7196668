import type { ConnectionInfo } from '../../shared/host-api/connections'
import type { ConnectionRegistry } from '../connections/registry'
import type { ConnectorDefinition } from '../connectors/connector'
import { realClock, type PacerClock } from '../http/pacer'
import { VendorError, type VendorHttp, type VendorHttpOptions } from '../http/vendor-http'

/**
 * How one connection's requests are authenticated: a stored API key put in
 * the vendor's headers, or a session the connector keeps alive from the stored
 * login. Secrets are read from the registry at the moment they are needed and
 * stay inside these closures.
 */
export function connectionAuth(
  definition: ConnectorDefinition,
  connection: ConnectionInfo,
  registry: ConnectionRegistry,
  http: () => VendorHttp,
  clock: PacerClock = realClock
): Pick<VendorHttpOptions, 'authHeaders' | 'renewAuth'> {
  const { session, authHeaders } = definition
  if (session) {
    let live: ReturnType<typeof session> | undefined
    const current = () =>
      (live ??= session({ http: http(), connection, login: () => registry.login(connection.id), clock }))
    return {
      authHeaders: () => current().headers(),
      renewAuth: (refused) => current().renew(refused)
    }
  }
  return {
    authHeaders: async () => {
      const key = await registry.apiKey(connection.id)
      if (!key || !authHeaders) throw new VendorError({ kind: 'unauthorized', message: 'no API key stored' })
      return authHeaders(key)
    }
  }
}
