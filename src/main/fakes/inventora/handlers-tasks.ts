/** Production tasks, their items and batches. */
import { compareBy } from '../common/table'
import { InvError, isObject, objectBody, page, type InvContext, type InvResult } from './context'
import { round } from './data'
import type { InvRoute } from './handlers-resources'
import { TASK_STATUSES, type InvTask, type InvTaskBatch, type InvTaskItem, type TaskStatus } from './model'
import { createdBatch, task } from './serialize'

/** ASSUMPTION: tasks are listed by `order`, then id; soft-deleted tasks never appear (U16). */
function listTasks(ctx: InvContext): InvResult {
  const d = ctx.data
  const status = ctx.query.get('status') || undefined
  if (status !== undefined && !(TASK_STATUSES as readonly string[]).includes(status))
    throw new InvError(400, `status must be one of: ${TASK_STATUSES.join(', ')}`)
  const userParam = ctx.query.get('UserId') || undefined
  // UserId takes a user id or an email; an unknown user matches nothing.
  const userId = userParam === undefined ? undefined : (d.user(userParam)?.id ?? '\u0000none')
  const items = d.memo(`tasks?status=${status ?? ''}&user=${userId ?? ''}`, () =>
    d.tasks
      .all()
      .filter(
        (t) =>
          !t.deleted &&
          (status === undefined || t.status === status) &&
          (userId === undefined || t.UserId === userId)
      )
      .sort(compareBy((t) => t.order, 'asc'))
  )
  return page(ctx, items, (t) => task(d, t))
}

function findTask(ctx: InvContext): Readonly<InvTask> {
  const t = ctx.data.liveTask(ctx.params.id ?? '')
  if (!t) throw new InvError(404, 'Task not found')
  return t
}

function getTask(ctx: InvContext): InvResult {
  return { status: 200, body: task(ctx.data, findTask(ctx)) }
}

function parseStatus(v: unknown): TaskStatus {
  if (typeof v !== 'string' || !(TASK_STATUSES as readonly string[]).includes(v))
    throw new InvError(400, `status must be one of: ${TASK_STATUSES.join(', ')}`)
  return v as TaskStatus
}

function parseDue(v: unknown): number | null {
  if (v === null) return null
  const ms = typeof v === 'string' ? Date.parse(v) : NaN
  if (Number.isNaN(ms)) throw new InvError(400, 'due must be an ISO 8601 date')
  return ms
}

/** Assignee / UserId: a user id or email; null unassigns. ASSUMPTION: an unknown user gives 400 "User not found". */
function parseAssignee(ctx: InvContext, body: Record<string, unknown>): string | null | undefined {
  const raw = 'Assignee' in body ? body.Assignee : 'UserId' in body ? body.UserId : undefined
  if (raw === undefined) return undefined
  if (raw === null) return null
  if (typeof raw !== 'string') throw new InvError(400, 'Assignee must be a user id or email')
  const user = ctx.data.user(raw)
  if (!user) throw new InvError(400, 'User not found')
  return user.id
}

function parseLocation(ctx: InvContext, v: unknown): string | null {
  if (v === null) return null
  if (typeof v !== 'string' || !ctx.data.location(v)) throw new InvError(404, 'Location not found')
  return v
}

/** POST /tasks. ASSUMPTION (U6): answers 201; items must name products. */
function createTask(ctx: InvContext): InvResult {
  const d = ctx.data
  const body = objectBody(ctx)
  if (typeof body.name !== 'string' || body.name.trim() === '') throw new InvError(400, 'name is required')
  if (!Array.isArray(body.Items) || body.Items.length === 0)
    throw new InvError(400, 'Items must be a non-empty array')
  const items: InvTaskItem[] = body.Items.map((raw: unknown, i: number) => {
    if (!isObject(raw)) throw new InvError(400, `Items[${i}] must be an object`)
    if (typeof raw.ProductId !== 'string') throw new InvError(400, `Items[${i}].ProductId is required`)
    const product = d.products.get(raw.ProductId)
    if (!product) throw new InvError(404, 'Resource not found')
    if (typeof raw.quantity !== 'number' || !(raw.quantity > 0))
      throw new InvError(400, `Items[${i}].quantity must be greater than 0`)
    if (raw.unitType !== undefined && typeof raw.unitType !== 'string')
      throw new InvError(400, `Items[${i}].unitType must be a string`)
    return {
      id: 0,
      resourceId: product.id,
      quantity: raw.quantity,
      unitType: typeof raw.unitType === 'string' ? raw.unitType : 'pieces',
      completed: false,
      batches: []
    }
  })
  const userId = parseAssignee(ctx, body) ?? null
  const locationId = 'LocationId' in body ? parseLocation(ctx, body.LocationId) : null
  const due = 'due' in body ? parseDue(body.due) : null
  if (body.notes !== undefined && body.notes !== null && typeof body.notes !== 'string')
    throw new InvError(400, 'notes must be a string')
  const status = 'status' in body ? parseStatus(body.status) : 'pending'
  for (const item of items) item.id = d.newItemId()
  const order = d.tasks.all().reduce((max, t) => Math.max(max, t.order), 0) + 1
  const created: InvTask = {
    id: d.newId('task'),
    name: body.name,
    status,
    order,
    LocationId: locationId,
    UserId: userId,
    due,
    completedAt: status === 'done' ? ctx.now : null,
    notes: typeof body.notes === 'string' ? body.notes : null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deleted: false,
    items
  }
  d.tasks.insert(created)
  return { status: 201, body: task(d, created), resourceId: created.id }
}

/** PATCH /tasks/:id. ASSUMPTION: moving to `done` stamps completedAt; moving away clears it. */
function patchTask(ctx: InvContext): InvResult {
  const d = ctx.data
  const current = findTask(ctx)
  const body = objectBody(ctx)
  const changes: Partial<InvTask> = {}
  if ('name' in body) {
    if (typeof body.name !== 'string' || body.name.trim() === '')
      throw new InvError(400, 'name cannot be empty')
    changes.name = body.name
  }
  const assignee = parseAssignee(ctx, body)
  if (assignee !== undefined) changes.UserId = assignee
  if ('status' in body) {
    changes.status = parseStatus(body.status)
    if (changes.status !== current.status) changes.completedAt = changes.status === 'done' ? ctx.now : null
  }
  if ('LocationId' in body) changes.LocationId = parseLocation(ctx, body.LocationId)
  if ('due' in body) changes.due = parseDue(body.due)
  if ('notes' in body) {
    if (body.notes !== null && typeof body.notes !== 'string')
      throw new InvError(400, 'notes must be a string or null')
    changes.notes = body.notes
  }
  const updated = d.updateTask(current.id, changes, ctx.now)
  return { status: 200, body: task(d, updated), resourceId: current.id }
}

function deleteTask(ctx: InvContext): InvResult {
  const t = findTask(ctx)
  ctx.data.updateTask(t.id, { deleted: true }, ctx.now)
  return { status: 204, resourceId: t.id }
}

/**
 * POST /tasks/:id/items/:item_id/batches. ASSUMPTIONS (U5, U6): 201; the batch adds its
 * quantity to the product's stock at the task's location (else the default location) and
 * deducts the product's materials there; the item is completed once its batches reach its
 * quantity; the batch's UserId is null (an API key has no user).
 */
function createBatch(ctx: InvContext): InvResult {
  const d = ctx.data
  const t = findTask(ctx)
  const itemId = Number(ctx.params.item_id)
  const item = t.items.find((i) => i.id === itemId)
  if (!item) throw new InvError(404, 'Task item not found')
  const body = objectBody(ctx)
  if (typeof body.quantity !== 'number' || !Number.isFinite(body.quantity) || body.quantity <= 0)
    throw new InvError(400, 'quantity must be greater than 0')
  const quantity = body.quantity
  const locationId = t.LocationId ?? d.defaultLocation().id
  const batch: InvTaskBatch = {
    id: d.newBatchId(),
    taskItemId: item.id,
    UserId: null,
    quantity,
    locationId,
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
  const product = d.resource(item.resourceId)
  if (product) {
    d.changeStock(product.id, locationId, { delta: quantity }, 'production', `Task ${t.id}`, ctx.now)
    d.useMaterials(product, quantity, locationId, -1, ctx.now)
  }
  d.tasks.update(t.id, (task) => {
    const it = task.items.find((i) => i.id === item.id)
    if (!it) return
    it.batches.push(batch)
    it.completed = round(it.batches.reduce((s, b) => s + b.quantity, 0)) >= it.quantity
    task.updatedAt = ctx.now
  })
  return { status: 201, body: createdBatch(batch), resourceId: String(batch.id) }
}

/** DELETE /task-batches/:id: removes the batch and reverses its production (stock and materials). */
function deleteBatch(ctx: InvContext): InvResult {
  const d = ctx.data
  const id = Number(ctx.params.id)
  const found = Number.isInteger(id) ? d.findBatch(id) : undefined
  if (!found) throw new InvError(404, 'Task batch not found')
  const { task: t, itemId, batch } = found
  const item = t.items.find((i) => i.id === itemId)
  const product = item ? d.resource(item.resourceId) : undefined
  if (product) {
    d.changeStock(
      product.id,
      batch.locationId,
      { delta: -batch.quantity },
      'production-reversal',
      `Task ${t.id}`,
      ctx.now
    )
    d.useMaterials(product, batch.quantity, batch.locationId, 1, ctx.now)
  }
  d.tasks.update(t.id, (task) => {
    const it = task.items.find((i) => i.id === itemId)
    if (!it) return
    it.batches = it.batches.filter((b) => b.id !== batch.id)
    it.completed = round(it.batches.reduce((s, b) => s + b.quantity, 0)) >= it.quantity
    task.updatedAt = ctx.now
  })
  return { status: 204, resourceId: String(batch.id) }
}

export const taskRoutes: InvRoute[] = [
  { method: 'GET', pattern: '/tasks', handler: listTasks },
  { method: 'POST', pattern: '/tasks', handler: createTask },
  { method: 'GET', pattern: '/tasks/:id', handler: getTask },
  { method: 'PATCH', pattern: '/tasks/:id', handler: patchTask },
  { method: 'DELETE', pattern: '/tasks/:id', handler: deleteTask },
  { method: 'POST', pattern: '/tasks/:id/items/:item_id/batches', handler: createBatch },
  { method: 'DELETE', pattern: '/task-batches/:id', handler: deleteBatch }
]
