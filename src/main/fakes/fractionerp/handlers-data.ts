/** Parts, BOMs, work orders, purchase orders, shipments and customers; POST /parts with 409 DUPLICATE. */
import type { Params } from '../common/router'
import type { FractionData } from './data'
import { FrError, listPage, ok, type ListSpec } from './envelope'
import * as wire from './serialize'

export interface FrContext {
  data: FractionData
  params: Params
  query: URLSearchParams
  /** The parsed JSON body; 422 when it is not JSON. */
  body(): unknown
}

export interface FrResult {
  status: number
  body: unknown
  resourceId?: string
}

export type FrHandler = (ctx: FrContext) => FrResult

export interface FrRoute {
  method: 'GET' | 'POST' | 'PUT'
  pattern: string
  handler: FrHandler
}

const stamps = {
  id: (r: { id: string }) => Number(r.id),
  created_at: (r: { created_at: number }) => r.created_at,
  updated_at: (r: { updated_at: number }) => r.updated_at
}

interface Resource<T extends { id: string; created_at: number; updated_at: number }> {
  path: string
  table: (d: FractionData) => { all(): readonly T[]; get(id: string): T | undefined }
  spec: (d: FractionData) => ListSpec<T>
  render: (d: FractionData, row: T) => unknown
  one?: (d: FractionData, row: T) => unknown
}

function routesOf<T extends { id: string; created_at: number; updated_at: number }>(
  r: Resource<T>
): FrRoute[] {
  return [
    {
      method: 'GET',
      pattern: r.path,
      handler: ({ data, query }) => ({
        status: 200,
        body: listPage(
          () => r.table(data).all(),
          (k, f) => data.memo(`${r.path}:${k}`, f),
          r.path,
          r.spec(data),
          query,
          (row) => r.render(data, row)
        )
      })
    },
    {
      method: 'GET',
      pattern: `${r.path}/:id`,
      handler: ({ data, params }) => {
        const row = r.table(data).get(params.id ?? '')
        if (!row) throw new FrError(404, 'NOT_FOUND', 'Resource not found.')
        return { status: 200, body: ok((r.one ?? r.render)(data, row)) }
      }
    }
  ]
}

const partNumberOf = (d: FractionData, id: string) => d.parts.get(id)?.part_number ?? ''

const resources = [
  routesOf({
    path: '/parts',
    table: (d) => d.parts,
    spec: () => ({
      text: (p) => `${p.part_number} ${p.description} ${p.category ?? ''}`,
      sort: { ...stamps, part_number: (p) => p.part_number }
    }),
    render: (_d, p) => wire.part(p)
  }),
  routesOf({
    path: '/boms',
    table: (d) => d.boms,
    spec: (d) => ({ text: (b) => `${b.bom_number} ${partNumberOf(d, b.part_id)}`, sort: stamps }),
    render: wire.bom
  }),
  routesOf({
    path: '/work-orders',
    table: (d) => d.workOrders,
    spec: (d) => ({
      text: (w) => `${w.number} ${partNumberOf(d, w.part_id)}`,
      sort: { ...stamps, number: (w) => w.number }
    }),
    render: wire.workOrder
  }),
  routesOf({
    path: '/purchase-orders',
    table: (d) => d.purchaseOrders,
    spec: () => ({
      text: (p) => `${p.po_number} ${p.supplier_name}`,
      sort: { ...stamps, po_number: (p) => p.po_number }
    }),
    render: wire.purchaseOrder
  }),
  routesOf({
    path: '/shipments',
    table: (d) => d.shipments,
    spec: () => ({ text: (s) => s.shipment_number, sort: stamps }),
    render: wire.shipment
  }),
  routesOf({
    path: '/customers',
    table: (d) => d.customers,
    spec: () => ({ text: (c) => c.name, sort: { ...stamps, name: (c) => c.name } }),
    render: (_d, c) => wire.customer(c),
    one: (_d, c) => wire.customer(c, true)
  })
].flat()

const optionalText = (body: Record<string, unknown>, field: string): string | undefined => {
  const v = body[field]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string')
    throw new FrError(422, 'VALIDATION_ERROR', 'The given data was invalid.', undefined, [
      { field, message: `The ${field} must be a string.` }
    ])
  return v
}

/** POST /parts: part_number required and unique (409 DUPLICATE); type Manufactured; ASSUMPTION (U13): 201 with the part. */
function createPart(ctx: FrContext): FrResult {
  const body = ctx.body()
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new FrError(422, 'VALIDATION_ERROR', 'The given data was invalid.')
  const b = body as Record<string, unknown>
  const partNumber = optionalText(b, 'part_number')?.trim()
  if (!partNumber)
    throw new FrError(422, 'VALIDATION_ERROR', 'The given data was invalid.', undefined, [
      { field: 'part_number', message: 'The part number field is required.' }
    ])
  if (ctx.data.partByNumber(partNumber))
    throw new FrError(409, 'DUPLICATE', 'A part with this part number already exists.')
  const p = ctx.data.addPart({
    part_number: partNumber,
    description: optionalText(b, 'description') ?? '',
    revision: optionalText(b, 'revision') ?? 'A',
    uom: optionalText(b, 'uom') ?? 'EA',
    material: optionalText(b, 'material') ?? null,
    category: optionalText(b, 'category') ?? null,
    type: 'Manufactured'
  })
  return { status: 201, body: ok(wire.part(p)), resourceId: p.id }
}

export const dataRoutes: FrRoute[] = [
  ...resources,
  { method: 'POST', pattern: '/parts', handler: createPart }
]
