import { fail, ok } from '../../result'
import { unsafeId, type WorkflowWrites } from '../workflow'

/**
 * Inventora's workflow writes: a task's status (PATCH /tasks/:id) and the undo of
 * a recorded batch (DELETE /task-batches/:id, which reverses its production). It
 * has no idempotency keys: a status change whose answer was lost goes to review like
 * its other writes (never resent blindly), while the undo is repeatable — a batch
 * deleted twice is gone, and the second answer (404) says so.
 */
export const inventoraWorkflow: WorkflowWrites = {
  taskStatus: {
    statuses: { start: 'in-progress', complete: 'done' },
    build(t) {
      if (unsafeId(t.taskVendorId))
        return fail('invalid-request', 'This task cannot be addressed; sync again.')
      const status = t.to === 'start' ? 'in-progress' : 'done'
      return ok({
        request: { method: 'PATCH', path: `/tasks/${t.taskVendorId}`, body: JSON.stringify({ status }) },
        description: `${t.to === 'start' ? 'Start' : 'Complete'} task “${t.taskName}”`
      })
    }
  },
  batchUndo: {
    build(b) {
      if (!/^\d+$/.test(b.batchId))
        return fail('invalid-request', 'This batch cannot be addressed at the vendor; sync and try again.')
      return ok({
        request: { method: 'DELETE', path: `/task-batches/${b.batchId}`, body: '' },
        description: `Undo batch: ${b.label}`,
        repeatable: true
      })
    }
  },
  alreadyApplied: (kind, refusal) => kind === 'batch-undo' && refusal.status === 404
}
