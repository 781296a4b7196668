import type { EditTarget } from './keyboard-wedge'

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'password', ''])

type TextField = HTMLInputElement | HTMLTextAreaElement

function isTextField(el: Element): el is TextField {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled
  return false
}

/**
 * execCommand is deprecated but is the only way to edit a field as typing does: it
 * fires `beforeinput`/`input` (React and Mantine see an ordinary change) and keeps
 * the field's own undo history. The fallback still fires `input`.
 */
function exec(command: 'insertText' | 'delete', text?: string): boolean {
  try {
    return document.execCommand(command, false, text)
  } catch {
    return false
  }
}

/**
 * Password inputs, and fields marked `data-secret` (a key field whose "show"
 * toggle turns it into a text input): keys typed there are never a scan.
 */
const isSecretField = (el: TextField) =>
  (el instanceof HTMLInputElement && el.type === 'password') || el.closest('[data-secret]') !== null

function fieldTarget(el: TextField): EditTarget {
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }))
  return {
    secret: isSecretField(el),
    insert(text) {
      if (exec('insertText', text)) return
      const start = el.selectionStart ?? el.value.length
      const end = el.selectionEnd ?? start
      el.setRangeText(text, start, end, 'end')
      changed()
    },
    deleteBefore(count) {
      const caret = el.selectionStart
      if (caret === null || el.selectionEnd !== caret) return
      const from = Math.max(0, caret - count)
      if (from === caret) return
      el.setSelectionRange(from, caret)
      if (exec('delete')) return
      el.setRangeText('', from, caret, 'end')
      changed()
    }
  }
}

function editableTarget(): EditTarget {
  return {
    insert(text) {
      exec('insertText', text)
    },
    deleteBefore(count) {
      for (let i = 0; i < count; i++) exec('delete')
    }
  }
}

/** The focused element as an edit target, or null when focus is not in an editable field. */
export function focusedEditTarget(doc: Document = document): EditTarget | null {
  let el: Element | null = doc.activeElement
  // Focus inside a shadow root is reported on its host.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  if (!el) return null
  if (isTextField(el)) return fieldTarget(el)
  if (el instanceof HTMLElement && el.isContentEditable) return editableTarget()
  return null
}
