/** ForgeMRP routes: the lists Stockroom reads, single records, and `POST /quotes` (the one documented write). */
import { FORGE_PATHS, FORGE_SCOPES } from '../../../shared/vendors/forgemrp/assumptions'
import type { FakeRoute, HandlerContext, HandlerResult } from '../common/pipeline'
import type { ForgeData, ForgeTableName } from './data'
import { ForgeError } from './errors'
import { keysetPage } from './paging'
import {
  renderClient,
  renderItem,
  renderJob,
  renderPurchaseOrder,
  renderQuote,
  renderSupplier
} from './serialize'

type ForgeContext = HandlerContext<ForgeData>

/** A route and the scope it needs (a write scope implies its read scope). */
export interface ForgeRoute extends FakeRoute<ForgeData> {
  scope: string
}

type Render = (row: never) => unknown

const resources: { name: ForgeTableName; path: string; scope: string; render: Render; noun: string }[] = [
  {
    name: 'clients',
    path: FORGE_PATHS.clients,
    scope: FORGE_SCOPES.clients,
    render: renderClient,
    noun: 'Client'
  },
  {
    name: 'suppliers',
    path: FORGE_PATHS.suppliers,
    scope: FORGE_SCOPES.suppliers,
    render: renderSupplier,
    noun: 'Supplier'
  },
  {
    name: 'inventory',
    path: FORGE_PATHS.inventory,
    scope: FORGE_SCOPES.inventory,
    render: renderItem,
    noun: 'Inventory item'
  },
  { name: 'jobs', path: FORGE_PATHS.jobs, scope: FORGE_SCOPES.jobs, render: renderJob, noun: 'Job' },
  {
    name: 'purchaseOrders',
    path: FORGE_PATHS.purchaseOrders,
    scope: FORGE_SCOPES.purchaseOrders,
    render: renderPurchaseOrder,
    noun: 'Purchase order'
  },
  { name: 'quotes', path: FORGE_PATHS.quotes, scope: FORGE_SCOPES.quotes, render: renderQuote, noun: 'Quote' }
]

function readRoutes(): ForgeRoute[] {
  return resources.flatMap(({ name, path, scope, render, noun }) => [
    {
      method: 'GET' as const,
      pattern: path,
      scope,
      handler: (ctx: ForgeContext) => ({
        status: 200,
        body: keysetPage(ctx.data.ordered(name), ctx.query, render as (r: unknown) => unknown)
      })
    },
    {
      method: 'GET' as const,
      pattern: `${path}/:id`,
      scope,
      handler: (ctx: ForgeContext) => {
        const row = ctx.data[name].get(ctx.params.id ?? '')
        if (!row) throw new ForgeError(404, 'not_found', `${noun} not found`)
        // ASSUMPTION (U13): single objects are wrapped in `data`.
        return { status: 200, body: { data: (render as (r: unknown) => unknown)(row) } }
      }
    }
  ])
}

/** `POST /quotes` with camelCase `{ clientId }` (U11, U12): a draft quote for that client. */
function createQuote(ctx: ForgeContext): HandlerResult {
  const body = ctx.body()
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ForgeError(400, 'bad_request', 'Request body must be a JSON object')
  const clientId = (body as { clientId?: unknown }).clientId
  if (typeof clientId !== 'string' || clientId === '')
    throw new ForgeError(422, 'validation_error', 'clientId is required')
  if (!ctx.data.clients.has(clientId))
    throw new ForgeError(422, 'validation_error', 'clientId: no such client')
  const quote = ctx.data.quotes.insert({
    id: ctx.data.newId('quo'),
    clientId,
    status: 'draft',
    createdAt: ctx.now,
    updatedAt: ctx.now
  })
  return { status: 201, body: { data: renderQuote(quote) }, resourceId: quote.id }
}

export const forgeRoutes: ForgeRoute[] = [
  ...readRoutes(),
  {
    method: 'POST',
    pattern: FORGE_PATHS.quotes,
    scope: 'quotes.create',
    handler: createQuote,
    idempotent: true
  }
]
