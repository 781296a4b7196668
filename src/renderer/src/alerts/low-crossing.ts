/** An item that dropped to or below its minimum in one sync pass. */
export interface LowCrossing {
  itemKey: string
  /** "SKU name" */
  label: string
}
