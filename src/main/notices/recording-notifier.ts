import type { ShownNotice } from '../../shared/host-api/notices'
import type { Notifier } from '../platform/ports'
import { listeners } from './listeners'

/** How many notices the web host keeps; older ones are dropped first. */
export const RECORDED_NOTICES = 200

/**
 * The web host's notifier: there is no OS to show a notification, so each
 * notice is recorded, logged and handed to the page, which shows it; a click
 * in the page comes back here and goes where a click on an OS notification goes.
 */
export function createRecordingNotifier(o: {
  log: (line: string) => void
  now?: () => Date
  newId?: () => string
}): Notifier {
  const now = o.now ?? (() => new Date())
  let n = 0
  const newId = o.newId ?? (() => `notice-${++n}`)
  const recorded: ShownNotice[] = []
  const shown = listeners<ShownNotice>()
  const clicked = listeners<ShownNotice['target']>()
  return {
    notify(notice) {
      const entry: ShownNotice = { ...notice, id: newId(), at: now().toISOString() }
      recorded.push(entry)
      if (recorded.length > RECORDED_NOTICES) recorded.splice(0, recorded.length - RECORDED_NOTICES)
      o.log(`notice: ${notice.title} — ${notice.body}`)
      shown.emit(entry)
    },
    onClick: clicked.add,
    inPage: {
      onShown: shown.add,
      shown: () => [...recorded],
      click(id) {
        const entry = recorded.find((r) => r.id === id)
        if (!entry) return false
        clicked.emit(entry.target)
        return true
      }
    }
  }
}
