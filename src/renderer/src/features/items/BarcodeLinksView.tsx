import { formatDateTime } from '../../util/format'
import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import { ActionIcon, Alert, Badge, Button, FileButton, Group, List, Stack, Table, Text } from '@mantine/core'
import { itemDetail, itemRef } from '../../../../shared/model/item-identity'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconLink, IconTrash, IconUpload } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { BarcodeLink } from '../../../../shared/model/records'
import type { StockroomDb } from '../../db/db'
import { linkLabel, removeLink, restoreLink } from '../../count/barcode-links'
import { exportLinksCsv, importLinksCsv, type LinkImportReport } from '../../count/barcode-links-csv'
import { EmptyState } from '../shell/EmptyState'

async function linkRows(db: StockroomDb) {
  const links = await db.barcodeLinks.orderBy('code').toArray()
  const items = await db.items.bulkGet(links.map((l) => l.itemKey))
  return links.map((link, i) => ({ link, item: items[i] }))
}

/** Saves text as a file through the browser's download (the same way a count's CSV is saved). */
function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }))
  const a = Object.assign(document.createElement('a'), { href: url, download: filename })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

async function remove(db: StockroomDb, link: BarcodeLink, itemName: string) {
  await removeLink(db, link.key)
  const id = `unlink-${link.key}`
  notifications.show({
    id,
    color: 'gray',
    title: `Link removed: ${linkLabel(link)}`,
    message: (
      <Stack gap={6} align="flex-start">
        <Text size="sm">A scan of it no longer counts {itemName}.</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            void restoreLink(db, link)
            notifications.hide(id)
          }}
          data-testid="unlink-undo"
        >
          Undo
        </Button>
      </Stack>
    )
  })
}

function ImportReport({ report, file }: { report: LinkImportReport; file: string }) {
  const taken = `${report.added} link${report.added === 1 ? '' : 's'} added, ${report.unchanged} already here`
  return (
    <Alert
      color={report.problems.length > 0 ? 'orange' : 'green'}
      title={`Imported ${file}: ${taken}`}
      data-testid="links-import-report"
    >
      {report.problems.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm">
            {report.problems.length} row{report.problems.length === 1 ? ' was' : 's were'} not taken:
          </Text>
          <List size="sm" data-testid="links-import-problems">
            {report.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text size="sm">Every row was matched to an item of this PC.</Text>
      )}
    </Alert>
  )
}

/**
 * Codes linked by hand to items (during a count, after an unknown scan): listed,
 * removed, and shared between a site's PCs as a CSV file.
 */
export function BarcodeLinksView() {
  const { db } = useServices()
  const rows = useLiveQuery(() => linkRows(db), [db])
  const connections = useConnections()
  const label = (cid: string) => connections.find((c) => c.id === cid)?.label ?? cid
  const [imported, setImported] = useState<{ report: LinkImportReport; file: string } | null>(null)

  const onImport = async (file: File | null) => {
    if (!file) return
    const report = await importLinksCsv(db, await file.text())
    setImported({ report, file: file.name })
  }
  const onExport = async () =>
    download(`barcode-links-${new Date().toISOString().slice(0, 10)}.csv`, await exportLinksCsv(db))

  return (
    <Stack gap="sm" data-testid="barcode-links">
      <Group justify="space-between">
        <Text size="sm" maw={640}>
          Codes linked by hand to an item. In its connection a link comes before the vendor’s own codes;
          remove it to use theirs again. Share links with this site’s other PCs as a CSV file.
        </Text>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            onClick={() => void onExport()}
            disabled={!rows || rows.length === 0}
            data-testid="links-export"
          >
            Export CSV
          </Button>
          <FileButton onChange={(f) => void onImport(f)} accept=".csv,text/csv">
            {(props) => (
              <Button
                variant="light"
                leftSection={<IconUpload size={16} />}
                {...props}
                data-testid="links-import"
              >
                Import CSV
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      {imported && <ImportReport {...imported} />}
      {rows && rows.length === 0 ? (
        <EmptyState icon={IconLink} title="No barcode links yet">
          When a count scans a code no item carries, find the item and press Enter: the code is linked to it
          and counted, and its next scan counts that item directly. Or import a file exported on another PC.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover data-testid="links-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Item</Table.Th>
              <Table.Th>Connection</Table.Th>
              <Table.Th>Linked</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map(({ link, item }) => (
              <Table.Tr key={link.key} data-testid="link-row" data-code={link.code}>
                <Table.Td ff="monospace">
                  {linkLabel(link)}
                  {link.pack && (
                    <Text span size="sm" ff="inherit" c="dimmed" data-testid="link-pack">
                      {' '}
                      · {link.pack.name} of {link.pack.units}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {item ? (
                    <>
                      <Text size="sm" fw={600}>
                        {item.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {itemRef(item)}
                      </Text>
                      {itemDetail(item) && (
                        <Text size="xs" c="dimmed">
                          {itemDetail(item)}
                        </Text>
                      )}
                    </>
                  ) : (
                    <Badge color="orange" variant="light">
                      item no longer in the replica
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{label(link.connectionId)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(link.linkedAt)}</Text>
                  {link.linkedOn && (
                    <Text size="xs" c="dimmed">
                      on {link.linkedOn}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove the link of ${linkLabel(link)}`}
                    onClick={() => void remove(db, link, item?.name ?? 'its item')}
                    data-testid="link-remove"
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
