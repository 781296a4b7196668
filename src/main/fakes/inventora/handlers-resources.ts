/** Products, materials (one shared Resource shape), their stock-level updates, and locations. */
import { InvError, objectBody, page, type InvContext, type InvHandler, type InvResult } from './context'
import { round } from './data'
import {
  CUSTOM_STATUSES,
  UNIT_TYPES,
  UPDATE_TYPES,
  type InvResource,
  type ResourceKind,
  type UnitType,
  type UpdateType
} from './model'
import { resource } from './serialize'

export interface InvRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  pattern: string
  handler: InvHandler
}

/** ASSUMPTION (U10): lists come in creation order (the order records were added). */
function list(kind: ResourceKind): InvHandler {
  return (ctx) => {
    const items = ctx.data.memo(`${kind}s`, () => ctx.data.table(kind).all())
    return page(ctx, items, (r) => resource(ctx.data, r))
  }
}

function find(ctx: InvContext, kind: ResourceKind): Readonly<InvResource> {
  const r = ctx.data.table(kind).get(ctx.params.id ?? '')
  if (!r) throw new InvError(404, 'Resource not found')
  return r
}

function get(kind: ResourceKind): InvHandler {
  return (ctx) => ({ status: 200, body: resource(ctx.data, find(ctx, kind)) })
}

const SETTABLE_UNIT_TYPES = UNIT_TYPES.filter((u) => u !== 'bundles')

/**
 * PATCH: every field optional. ASSUMPTIONS: unknown fields (stockLevel, materials, …) are
 * ignored; type errors give 400 with a message naming the field.
 */
function patch(kind: ResourceKind): InvHandler {
  return (ctx) => {
    const current = find(ctx, kind)
    const body = objectBody(ctx)
    const changes: Partial<InvResource> = {}
    const str = (key: 'name' | 'sku', allowEmpty = false): void => {
      if (!(key in body)) return
      const v = body[key]
      if (typeof v !== 'string' || (!allowEmpty && v.trim() === ''))
        throw new InvError(400, `${key} must be a non-empty string`)
      changes[key] = v
    }
    const nullableStr = (key: 'notes' | 'ean'): void => {
      if (!(key in body)) return
      const v = body[key]
      if (v !== null && typeof v !== 'string') throw new InvError(400, `${key} must be a string or null`)
      changes[key] = v
    }
    const num = (key: 'unitPrice' | 'minLevel' | 'minimumQuantity'): void => {
      if (!(key in body)) return
      const v = body[key]
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new InvError(400, `${key} must be a non-negative number`)
      changes[key] = v
    }
    const nullableNum = (key: 'retailPrice' | 'wholesalePrice'): void => {
      if (!(key in body)) return
      const v = body[key]
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
        throw new InvError(400, `${key} must be a non-negative number or null`)
      changes[key] = v
    }
    str('name')
    str('sku')
    nullableStr('notes')
    nullableStr('ean')
    num('unitPrice')
    num('minLevel')
    num('minimumQuantity')
    nullableNum('retailPrice')
    nullableNum('wholesalePrice')
    if ('reorderURLs' in body) {
      const v = body.reorderURLs
      if (!Array.isArray(v) || !v.every((u) => typeof u === 'string'))
        throw new InvError(400, 'reorderURLs must be an array of strings')
      changes.reorderURLs = v
    }
    if ('unitType' in body) {
      const v = body.unitType
      if (typeof v !== 'string' || !(UNIT_TYPES as readonly string[]).includes(v))
        throw new InvError(400, `unitType must be one of: ${SETTABLE_UNIT_TYPES.join(', ')}`)
      // ASSUMPTION: 'bundles' is the unit type of `bundle` resources ("read-only, cannot be set or changed").
      if ((v === 'bundles') !== (current.unitType === 'bundles'))
        throw new InvError(400, 'unitType cannot be changed to or from bundle')
      changes.unitType = v as UnitType
    }
    if (
      changes.unitPrice !== undefined &&
      changes.unitPrice !== current.unitPrice &&
      current.hasNonInitialLogs
    ) {
      throw new InvError(
        400,
        'Cannot update unitPrice when resource has stock blocks tied to non-initial logs'
      )
    }
    const updated = ctx.data.table(kind).update(current.id, (r) => Object.assign(r, changes)) as InvResource
    return { status: 200, body: resource(ctx.data, updated), resourceId: updated.id }
  }
}

/**
 * POST …/stock-level-updates: `audit` sets the level at the location, `restock` adds,
 * `loss` subtracts, `custom` moves by the custom status's direction.
 *
 * The docs' own product example shows `audit` 10 taking 30 to 40 (restock behaviour); the
 * fake follows the documented semantics (audit = absolute set).
 * ASSUMPTIONS: quantity must be ≥ 0; stock may go negative (U12); any existing location may
 * gain an entry (U11); a product `restock` deducts its materials at the same location (U4,
 * `data.deductMaterialsOnProductRestock`).
 */
function stockLevelUpdate(kind: ResourceKind): InvHandler {
  return (ctx): InvResult => {
    const d = ctx.data
    const r = find(ctx, kind)
    const body = objectBody(ctx)
    if (!('quantity' in body) || body.quantity === null) throw new InvError(400, 'quantity is required')
    const quantity = body.quantity
    if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0)
      throw new InvError(400, 'quantity must be a non-negative number')
    const updateType = body.updateType
    if (typeof updateType !== 'string' || !(UPDATE_TYPES as readonly string[]).includes(updateType))
      throw new InvError(400, `updateType must be one of: ${UPDATE_TYPES.join(', ')}`)
    if (typeof body.locationName !== 'string' || body.locationName === '')
      throw new InvError(400, 'locationName is required')
    const loc = d.locationByName(body.locationName)
    if (!loc) throw new InvError(404, 'Location not found')
    if (body.notes !== undefined && body.notes !== null && typeof body.notes !== 'string')
      throw new InvError(400, 'notes must be a string')
    const notes = typeof body.notes === 'string' ? body.notes : null
    let delta: number | undefined
    let set: number | undefined
    switch (updateType as UpdateType) {
      case 'audit':
        set = quantity
        break
      case 'restock':
        delta = quantity
        break
      case 'loss':
        delta = -quantity
        break
      case 'custom': {
        const id = body.customStatusId
        if (id === undefined || id === null)
          throw new InvError(400, 'customStatusId is required when updateType is custom')
        const status = typeof id === 'number' ? CUSTOM_STATUSES[id] : undefined
        if (!status) throw new InvError(400, 'Custom status not found')
        delta = status.direction * quantity
        break
      }
    }
    d.changeStock(
      r.id,
      loc.id,
      set !== undefined ? { set } : { delta: round(delta ?? 0) },
      updateType as UpdateType,
      notes,
      ctx.now
    )
    if (
      kind === 'product' &&
      updateType === 'restock' &&
      d.deductMaterialsOnProductRestock &&
      (r.productionType === 'produced' || r.productionType === 'single')
    ) {
      d.useMaterials(r, quantity, loc.id, -1, ctx.now)
    }
    return { status: 200, body: resource(d, r), resourceId: r.id }
  }
}

function listLocations(ctx: InvContext): InvResult {
  return page(ctx, ctx.data.locations, (l) => ({ ...l }))
}

export const resourceRoutes: InvRoute[] = [
  { method: 'GET', pattern: '/products', handler: list('product') },
  { method: 'GET', pattern: '/products/:id', handler: get('product') },
  { method: 'PATCH', pattern: '/products/:id', handler: patch('product') },
  { method: 'POST', pattern: '/products/:id/stock-level-updates', handler: stockLevelUpdate('product') },
  { method: 'GET', pattern: '/materials', handler: list('material') },
  { method: 'GET', pattern: '/materials/:id', handler: get('material') },
  { method: 'PATCH', pattern: '/materials/:id', handler: patch('material') },
  { method: 'POST', pattern: '/materials/:id/stock-level-updates', handler: stockLevelUpdate('material') },
  { method: 'GET', pattern: '/locations', handler: listLocations }
]
