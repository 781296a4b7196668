import type { StockroomDb } from '../../db/db'
import { useServices } from '../../app/services-context'
import { Button, Card, Group, Kbd, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconLink, IconSearch } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { itemDetail, itemRef } from '../../../../shared/model/item-identity'
import type { Item, LinkPack } from '../../../../shared/model/records'
import { parseScan } from '../../../../shared/scan'
import type { ScanContext } from '../../count/count-scan'
import { useScannerSettings } from '../../scan/scanner-settings'
import { searchItems } from '../items/search'
import { tiedAtTop } from '../../count/pick-tie'
import { submitLink, submitPick } from './count-ui'
import { formatQty } from './format'

const PICK_LIMIT = 8

/** Items of the connection matching what was typed, best first. */
async function findInConnection(db: StockroomDb, text: string, connectionId: string): Promise<Item[]> {
  if (text.trim() === '') return []
  return (await searchItems(db, text, 50)).filter((i) => i.connectionId === connectionId).slice(0, PICK_LIMIT)
}

interface Pick {
  countId: string
  connectionId: string
  context: ScanContext
  /** The scan names a product code, so it can be linked (a lot-only label cannot). */
  linkable: boolean
  /** The Unresolved entry a pick answers. */
  issueId: string | undefined
  /** After the pick is counted (a dialog closes). */
  onDone?: () => void
  /** The code is on a case of several units: the link carries it, and each scan counts them. */
  pack?: LinkPack
}

/** "12" typed as the case size: a pack of 12; blank or 1: a single unit. */
function packOf(text: string): LinkPack | undefined {
  const units = Number(text.trim())
  return Number.isInteger(units) && units > 1 && units <= 100_000 ? { units, name: 'case' } : undefined
}

function ItemChoices({ items, pick, enterFirst }: { items: Item[]; pick: Pick; enterFirst?: boolean }) {
  const { db, pcName } = useServices()
  const units = formatQty((pick.context.labelQuantity ?? 1) * pick.context.times * (pick.pack?.units ?? 1))
  return (
    <Table data-testid="pick-results">
      <Table.Tbody>
        {items.map((item, i) => (
          <Table.Tr key={item.key} data-testid="pick-row" data-sku={item.sku} data-ref={itemRef(item)}>
            <Table.Td>
              <Text fw={600}>{item.name}</Text>
              <Text size="sm" c="dimmed" ff="monospace" span data-testid="item-ref">
                {itemRef(item)}
              </Text>
              {itemDetail(item) && (
                <Text size="sm" c="dimmed" span data-testid="item-tells-apart">
                  {' · '}
                  {itemDetail(item)}
                </Text>
              )}
              {item.onHand !== undefined && (
                <Text size="sm" c="dimmed" span>
                  {' · '}
                  {formatQty(item.onHand)} on hand
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                {pick.linkable && (
                  <Button
                    variant={enterFirst && i === 0 ? 'filled' : 'light'}
                    leftSection={<IconLink size={16} />}
                    rightSection={enterFirst && i === 0 ? <Kbd size="xs">Enter</Kbd> : undefined}
                    onClick={() =>
                      void submitLink(
                        db,
                        pcName,
                        pick.countId,
                        pick.connectionId,
                        item,
                        pick.context,
                        pick.issueId,
                        pick.pack
                      ).then(pick.onDone)
                    }
                    data-testid="link-item"
                  >
                    Link and count {units}
                  </Button>
                )}
                <Button
                  variant={pick.linkable ? 'subtle' : 'light'}
                  onClick={() =>
                    void submitPick(db, pick.countId, item, pick.context, pick.issueId).then(pick.onDone)
                  }
                  data-testid="pick-item"
                >
                  {pick.linkable ? 'Count once' : `Count ${units}`}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/**
 * After a scan that did not give one item of this count's connection: pick among the
 * candidates, or search by name or SKU. Typing and Enter links the scanned code to
 * the first item found and counts it, so the next scan of that label counts the
 * item directly; "Count once" counts it without a link. Either way the pick is
 * counted with the scan's quantity and lot, and logged with the scanned code.
 */
export function PickItem({
  countId,
  connectionId,
  context,
  candidates,
  issueId,
  autoFocus = !candidates,
  onDone
}: {
  countId: string
  connectionId: string
  context: ScanContext
  candidates?: Item[]
  issueId: string | undefined
  autoFocus?: boolean
  onDone?: () => void
}) {
  const { db, pcName } = useServices()
  const [text, setText] = useState('')
  const [caseText, setCaseText] = useState('')
  const [query] = useDebouncedValue(text, 150)
  const found = useLiveQuery(() => findInConnection(db, query, connectionId), [db, query, connectionId])
  const parsed = parseScan(context.raw, { prefixes: useScannerSettings.getState().prefixes })
  const pick: Pick = {
    countId,
    connectionId,
    context,
    linkable: parsed.ok && parsed.keys.length > 0,
    issueId,
    ...(onDone && { onDone }),
    ...(packOf(caseText) && { pack: packOf(caseText) })
  }
  const [tie, setTie] = useState(false)
  // Enter takes the first item for what is typed now, even before the list has caught up —
  // unless the best matches look alike: then the person picks one.
  const onEnter = async () => {
    const items = await findInConnection(db, text, connectionId)
    const [first] = items
    if (!first) return
    if (tiedAtTop(items, text)) {
      setTie(true)
      return
    }
    if (pick.linkable) await submitLink(db, pcName, countId, connectionId, first, context, issueId, pick.pack)
    else await submitPick(db, countId, first, context, issueId)
    onDone?.()
  }
  return (
    <Card withBorder p={6} data-testid="pick-item-panel">
      <Stack gap="xs">
        {candidates && candidates.length > 0 && <ItemChoices items={candidates} pick={pick} />}
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            leftSection={<IconSearch size={16} />}
            label={candidates ? 'Or find another item' : undefined}
            aria-label="Find the item by name or SKU"
            title={
              pick.linkable
                ? `Type, then Enter: ${context.code} is linked to the item found first and counted (when several look alike, you choose); its next scan counts that item.`
                : undefined
            }
            placeholder={
              pick.linkable
                ? 'Type a name or SKU, then Enter: links this code and counts'
                : 'e.g. hex bolt, or the SKU'
            }
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value)
              setTie(false)
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              e.preventDefault()
              void onEnter()
            }}
            // Straight after the unknown scan, typing goes here: a name, then Enter.
            autoFocus={autoFocus}
            // In a dialog, its focus trap takes the field marked so.
            data-autofocus={autoFocus || undefined}
            data-testid="pick-search"
          />
          {pick.linkable && (
            <TextInput
              w={150}
              aria-label="Units per scan of this code (a case)"
              title="The code is on a case: how many units one scan counts. Blank: one."
              placeholder="Case of…"
              inputMode="numeric"
              value={caseText}
              onChange={(e) => setCaseText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return
                e.preventDefault()
                void onEnter()
              }}
              data-testid="pick-case-of"
            />
          )}
        </Group>
        {tie && found && tiedAtTop(found, query) && (
          <Text size="sm" c="orange" fw={600} data-testid="pick-tie">
            Several items are called “{found[0]!.name}”. Choose the one this label is on: they differ by id,
            place and size shown under each.
          </Text>
        )}
        {found && found.length > 0 && (
          <ItemChoices items={found} pick={pick} enterFirst={!tiedAtTop(found, query)} />
        )}
        {found && found.length === 0 && query.trim() !== '' && (
          <Text size="sm" c="dimmed">
            Nothing in this connection matches “{query}”.
          </Text>
        )}
      </Stack>
    </Card>
  )
}
