import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import { useServices } from './services-context'
import { useUi } from '../stores/ui'

/**
 * Notices follow the host's notifier. A click on one (an OS notification, the
 * tray's low-stock entry, or a notice shown in the page) opens what it is
 * about. Where the host has no OS notifications (the web host) its notifier
 * hands each notice to the page, which shows it for a while, as an OS
 * notification does, so it never sits over the buttons people need; the
 * Activity log and the Low stock list keep what it said.
 */
const NOTICE_SHOWN_MS = 12_000

export function useHostNotices() {
  const { host } = useServices()
  useEffect(() => {
    const offClicked = host.on('notices:clicked', ({ target }) => {
      if (target) useUi.getState().open(target)
    })
    const offShown = host.on('notices:shown', (notice) => {
      notifications.show({
        id: notice.id,
        title: notice.title,
        message: notice.body,
        color: 'orange',
        autoClose: NOTICE_SHOWN_MS,
        style: { cursor: 'pointer' },
        'data-testid': 'host-notice',
        onClick: (event: { target: EventTarget | null }) => {
          // Its close button only closes it: that click must not open what the notice is about.
          if ((event.target as Element | null)?.closest?.('button')) return
          notifications.hide(notice.id)
          // Through the notifier, as an OS notification's click would go.
          void host.call('notices:click', { id: notice.id })
        }
      } as Parameters<typeof notifications.show>[0])
    })
    return () => {
      offClicked()
      offShown()
    }
  }, [host])
}
