/** Products, reference data (categories, units of measure) and suppliers. */
import { compareBy } from '../common/table'
import { contains, listResult, type FbContext, type FbResult, type FbRoute } from './context'
import { fbError } from './errors'
import { PRODUCT_TYPES, type FbProduct } from './model'
import { Query } from './query'
import { productDetail, productSummary, supplier } from './serialize'
import { Checker, type Json } from './validate'

type SortKey = 'name' | 'sku' | 'createdAt' | 'updatedAt'
const SORT_KEYS: Record<SortKey, (p: Readonly<FbProduct>) => string | number> = {
  name: (p) => p.name,
  sku: (p) => p.sku,
  createdAt: (p) => p.createdAt,
  updatedAt: (p) => p.updatedAt
}

function listProducts(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, [
    'search',
    'sku',
    'barcode',
    'categoryId',
    'productType',
    'isActive',
    'includeInactive',
    'modifiedSince',
    'sortBy',
    'sortDir'
  ])
  const search = q.str('search')?.toLowerCase()
  const sku = q.str('sku')
  const barcode = q.str('barcode')
  const categoryId = q.str('categoryId')
  const productType = q.oneOf('productType', PRODUCT_TYPES)
  // ASSUMPTION: lists show active products only unless includeInactive=true; isActive=true|false filters explicitly.
  const isActive = q.bool('isActive')
  const includeInactive = q.bool('includeInactive') ?? false
  const since = q.instant('modifiedSince')
  // ASSUMPTION: sortBy without sortDir sorts ascending here (only POs document a descending default).
  const sort = q.sort(Object.keys(SORT_KEYS) as SortKey[], { by: 'name', dir: 'asc' })
  const d = ctx.data
  return listResult(
    ctx,
    q,
    'products',
    () => {
      let base: readonly Readonly<FbProduct>[]
      if (sku !== undefined || barcode !== undefined) {
        // Exact, case-insensitive, never a prefix; AND-combined with every other filter.
        // ASSUMPTION: `barcode` compares the stored string only (no GTIN normalisation: a 12-digit UPC-A
        // is not found by its 13-digit EAN form).
        const bySku = sku === undefined ? undefined : d.productBySku(sku)
        const byCode = barcode === undefined ? undefined : d.productByBarcode(barcode)
        const hit =
          sku !== undefined && barcode !== undefined
            ? bySku === byCode
              ? bySku
              : undefined
            : (bySku ?? byCode)
        base = hit ? [hit] : []
      } else {
        base = d.memo(`products:sorted:${sort.by}:${sort.dir}`, () =>
          d.products.all().sort(compareBy(SORT_KEYS[sort.by], sort.dir))
        )
      }
      return base.filter(
        (p) =>
          (isActive !== undefined ? p.isActive === isActive : includeInactive || p.isActive) &&
          (since === undefined || p.updatedAt >= since) &&
          (categoryId === undefined || p.categoryId === categoryId) &&
          (productType === undefined || p.productType === productType) &&
          (search === undefined ||
            contains(p.name, search) ||
            contains(p.sku, search) ||
            contains(p.barcode, search))
      )
    },
    (p) => productSummary(d, p)
  )
}

function getProduct(ctx: FbContext): FbResult {
  new Query(ctx.query, [])
  const p = ctx.data.products.get(ctx.params.id ?? '')
  if (!p) throw fbError.notFound('Product')
  return { status: 200, body: productDetail(ctx.data, p) }
}

/** Fields shared by create and update; ASSUMPTION: unknown body fields are ignored (stripped). */
function readProductFields(c: Checker, body: Json, ctx: FbContext): Partial<FbProduct> {
  const out: Partial<FbProduct> = {}
  const sku = c.string(body, 'sku', '', { max: 100 })
  if (typeof sku === 'string') out.sku = sku
  const name = c.string(body, 'name', '', { max: 255 })
  if (typeof name === 'string') out.name = name
  const description = c.string(body, 'description', '', { max: 5000, nullable: true })
  if (description !== undefined) out.description = description
  const barcode = c.string(body, 'barcode', '', { max: 64, nullable: true })
  if (barcode !== undefined) out.barcode = barcode
  for (const key of ['defaultPrice', 'costPrice'] as const) {
    const v = c.number(body, key, '', { min: 0 })
    if (v !== undefined) out[key] = v
  }
  const taxRate = c.number(body, 'taxRate', '', { min: 0 })
  if (taxRate !== undefined) {
    if (taxRate > 1) c.add('taxRate', 'Must be a fraction between 0 and 1 (0.15, not 15)')
    else out.taxRate = taxRate
  }
  for (const key of ['minStockLevel', 'reorderQuantity'] as const) {
    const v = c.number(body, key, '', { min: 0 })
    if (v !== undefined) out[key] = v
  }
  for (const key of ['trackBatches', 'trackSerials', 'isActive'] as const) {
    const v = c.boolean(body, key, '')
    if (v !== undefined) out[key] = v
  }
  const notes = c.string(body, 'notes', '', { max: 2000, nullable: true })
  if (notes !== undefined) out.notes = notes
  const categoryId = c.string(body, 'categoryId', '', { nullable: true })
  if (categoryId !== undefined) out.categoryId = categoryId
  const uomId = c.string(body, 'unitOfMeasureId', '')
  if (typeof uomId === 'string') out.unitOfMeasureId = uomId
  c.done()
  if (typeof out.categoryId === 'string' && !ctx.data.category(out.categoryId))
    throw fbError.invalidReference(`categoryId ${out.categoryId} is not in your organisation`)
  if (out.unitOfMeasureId !== undefined && !ctx.data.unitOfMeasure(out.unitOfMeasureId))
    throw fbError.invalidReference(`unitOfMeasureId ${out.unitOfMeasureId} is not in your organisation`)
  return out
}

function createProduct(ctx: FbContext): FbResult {
  const c = new Checker()
  const body = c.object(ctx.body(), '')
  if (!body) throw fbError.validation(c.issues)
  if (!('sku' in body)) c.add('sku', 'Required')
  if (!('name' in body)) c.add('name', 'Required')
  const fields = readProductFields(c, body, ctx)
  const { sku, name } = fields
  if (sku === undefined || name === undefined) throw fbError.validation(c.issues)
  if (ctx.data.productBySku(sku)) throw fbError.conflict(`A product with SKU ${sku} already exists`)
  const p = ctx.data.insertProduct(
    { ...fields, sku, name, codes: { ean13: fields.barcode ?? '', upcA: null, gtin14: null } },
    [],
    ctx.now
  )
  return { status: 201, body: productDetail(ctx.data, p), resourceId: p.id }
}

function updateProduct(ctx: FbContext): FbResult {
  const id = ctx.params.id ?? ''
  if (!ctx.data.products.get(id)) throw fbError.notFound('Product')
  const c = new Checker()
  const body = c.object(ctx.body(), '')
  if (!body) throw fbError.validation(c.issues)
  const fields = readProductFields(c, body, ctx)
  if (fields.sku !== undefined) {
    const other = ctx.data.productBySku(fields.sku)
    if (other && other.id !== id) throw fbError.conflict(`A product with SKU ${fields.sku} already exists`)
  }
  const p = ctx.data.updateProduct(id, fields, ctx.now)
  return { status: 200, body: productDetail(ctx.data, p), resourceId: id }
}

function listCategories(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['search'])
  const search = q.str('search')?.toLowerCase()
  return listResult(
    ctx,
    q,
    'categories',
    () =>
      ctx.data.categories
        .filter((c) => search === undefined || contains(c.name, search))
        .sort((a, b) => a.sortOrder - b.sortOrder || (a.name < b.name ? -1 : 1)),
    (c) => ({ ...c })
  )
}

function listUnits(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['search'])
  const search = q.str('search')?.toLowerCase()
  return listResult(
    ctx,
    q,
    'units',
    () =>
      ctx.data.unitsOfMeasure.filter(
        (u) => search === undefined || contains(u.name, search) || contains(u.abbreviation, search)
      ),
    (u) => ({ ...u })
  )
}

function listSuppliers(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['search', 'code', 'includeInactive', 'modifiedSince', 'sortBy', 'sortDir'])
  const search = q.str('search')?.toLowerCase()
  const code = q.str('code')
  const includeInactive = q.bool('includeInactive') ?? false
  const since = q.instant('modifiedSince')
  const sort = q.sort(['name', 'code', 'createdAt', 'updatedAt'] as const, { by: 'name', dir: 'asc' })
  return listResult(
    ctx,
    q,
    'suppliers',
    () =>
      ctx.data.suppliers
        .all()
        .filter(
          (s) =>
            (includeInactive || s.isActive) &&
            (since === undefined || s.updatedAt >= since) &&
            (code === undefined || s.code === code) &&
            (search === undefined || contains(s.name, search) || contains(s.code, search))
        )
        .sort(compareBy((s) => s[sort.by], sort.dir)),
    supplier
  )
}

function getSupplier(ctx: FbContext): FbResult {
  new Query(ctx.query, [])
  const s = ctx.data.suppliers.get(ctx.params.id ?? '')
  if (!s) throw fbError.notFound('Supplier')
  const priceList: Record<string, unknown>[] = []
  for (const p of ctx.data.products.values()) {
    if (priceList.length >= 500) break
    if (p.supplierIds.includes(s.id)) {
      priceList.push({
        productId: p.id,
        sku: p.sku,
        supplierSku: `${s.code}-${p.sku}`,
        supplierPrice: p.costPrice,
        leadTimeDays: 7,
        minOrderQty: 1,
        isPreferred: true
      })
    }
  }
  priceList.sort((a, b) => (a.supplierPrice as number) - (b.supplierPrice as number))
  return { status: 200, body: { ...supplier(s), locations: [], priceList } }
}

export const catalogRoutes: FbRoute[] = [
  { method: 'GET', pattern: '/products', handler: listProducts },
  { method: 'POST', pattern: '/products', handler: createProduct },
  { method: 'GET', pattern: '/products/:id', handler: getProduct },
  { method: 'PUT', pattern: '/products/:id', handler: updateProduct },
  { method: 'GET', pattern: '/categories', handler: listCategories },
  { method: 'GET', pattern: '/units-of-measure', handler: listUnits },
  { method: 'GET', pattern: '/suppliers', handler: listSuppliers },
  { method: 'GET', pattern: '/suppliers/:id', handler: getSupplier }
]
