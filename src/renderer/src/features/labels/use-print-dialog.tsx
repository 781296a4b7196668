import { useCallback, useState } from 'react'
import type { PlannedLabel } from '../../labels/item-labels'
import { PrintLabelsDialog } from './PrintLabelsDialog'

interface Open {
  title: string
  planned?: PlannedLabel[]
  problem?: string
}

/**
 * The print dialog for a screen: `open(title, make)` shows it at once and fills
 * it with the labels `make` returns; a label that cannot be made is told there.
 */
export function usePrintDialog() {
  const [state, setState] = useState<Open | null>(null)
  const open = useCallback((title: string, make: () => Promise<PlannedLabel[]>) => {
    setState({ title })
    make().then(
      (planned) => setState((s) => s && { ...s, planned }),
      (err: unknown) =>
        setState((s) => s && { ...s, planned: [], problem: err instanceof Error ? err.message : String(err) })
    )
  }, [])
  const dialog = state && (
    <PrintLabelsDialog
      title={state.title}
      planned={state.planned}
      problem={state.problem}
      onClose={() => setState(null)}
    />
  )
  return { open, dialog }
}
