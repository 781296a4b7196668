import type { KeyboardEvent } from 'react'

/**
 * What makes a table row work without a mouse: it takes focus, Enter or Space
 * opens it, and the arrow keys (Home/End too) move focus along the rows of its
 * table. Rows are the rows of the table body that carry these props.
 */
export function rowKeys(open: () => void, label: string) {
  return {
    tabIndex: 0,
    'aria-label': label,
    onClick: open,
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
