import { Kbd, Modal, Table } from '@mantine/core'
import { globalShortcuts, screens } from './screens'

/** The `?` list: every screen's shortcut and the keys that work everywhere. */
export function ShortcutsOverlay({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const rows = [
    ...screens.map((s) => ({ keys: `Alt + ${s.digit}`, what: `${s.label}: ${s.purpose}` })),
    ...globalShortcuts
  ]
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Table data-testid="shortcut-list">
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.keys}>
              <Table.Td w={220} data-testid="shortcut-keys">
                <Keys keys={r.keys} />
              </Table.Td>
              <Table.Td>{r.what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  )
}

/** "Tab / Shift + Tab": each way of pressing it (split at " / "), each key of a way in its own key cap. */
function Keys({ keys }: { keys: string }) {
  return keys.split(' / ').map((way, w) => (
    <span key={way}>
      {w > 0 && ' / '}
      {way.split(' + ').map((k, i) => (
        <span key={k}>
          {i > 0 && ' + '}
          <Kbd>{k}</Kbd>
        </span>
      ))}
    </span>
  ))
}
