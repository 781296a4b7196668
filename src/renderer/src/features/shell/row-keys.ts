import type { FocusEvent, KeyboardEvent } from 'react'

/**
 * What makes a table row work without a mouse: it takes focus, Enter or Space
 * opens it, and the arrow keys (Home/End too) move focus along the rows of its
 * table. Rows are the rows of the table body that carry these props.
 *
 * One Tab stop per list (a roving tabindex): only the first row is in the Tab
 * order at first, then the row last focused, so Tab leaves a list of 500 rows in
 * one press and comes back to where the person was.
 */
export function rowKeys(open: () => void, label: string, o: { first: boolean }) {
  return {
    tabIndex: o.first ? 0 : -1,
    'aria-label': label,
    onClick: open,
    onFocus: (e: FocusEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return
      for (const row of e.currentTarget.parentElement?.querySelectorAll<HTMLElement>(':scope > [tabindex]') ??
        [])
        row.tabIndex = row === e.currentTarget ? 0 : -1
    },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        open()
        return
      }
      const rows = [
        ...(e.currentTarget.parentElement?.querySelectorAll<HTMLElement>(':scope > [tabindex]') ?? [])
      ]
      const at = rows.indexOf(e.currentTarget)
      const next =
        e.key === 'ArrowDown'
          ? rows[at + 1]
          : e.key === 'ArrowUp'
            ? rows[at - 1]
            : e.key === 'Home'
              ? rows[0]
              : e.key === 'End'
                ? rows[rows.length - 1]
                : undefined
      if (!next) return
      e.preventDefault()
      next.focus()
    }
  }
}
