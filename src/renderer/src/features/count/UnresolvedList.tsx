import { Badge, Box, Button, Group, Modal, NativeSelect, ScrollArea, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { itemLine } from '../../../../shared/model/item-identity'
import type { CountIssue, CountSession, Item } from '../../../../shared/model/records'
import { countIssues, lotsOf } from '../../count/issues'
import { useServices } from '../../app/services-context'
import { submitConfirmed, submitDrop, submitMoveToLot } from './count-ui'
import { formatQty } from './format'
import { PickItem } from './PickItem'

const KIND_WORDS: Record<CountIssue['kind'], string> = {
  unknown: 'Unknown code',
  confirm: 'Quantity to confirm',
  refused: 'Scan refused',
  'no-lot': 'Lot missing'
}

/**
 * What the count left for a person to settle, each with what to do: find and link
 * an unknown code, confirm or drop a quantity far from expected, dismiss a refused
 * scan, choose the lot of an item counted without one. Shown while counting and in
 * the review; a next scan never takes an entry off.
 */
export function UnresolvedList({ session }: { session: CountSession }) {
  const { db } = useServices()
  const issues = useLiveQuery(async () => {
    const list = await countIssues(db, session.id)
    const keys = [...new Set(list.flatMap((i) => (i.itemKey ? [i.itemKey] : [])))]
    const items = new Map((await db.items.bulkGet(keys)).flatMap((i) => (i ? [[i.key, i] as const] : [])))
    return list.map((issue) => ({ issue, item: issue.itemKey ? items.get(issue.itemKey) : undefined }))
  }, [db, session.id])
  const [finding, setFinding] = useState<CountIssue | null>(null)
  if (!issues || issues.length === 0) return null
  return (
    <Box
      pb={6}
      mb={6}
      data-testid="unresolved"
      data-count={issues.length}
      aria-label="Unresolved"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap="xs" mb={2}>
        <IconAlertTriangle size={18} color="var(--mantine-color-orange-filled)" />
        <Text fw={700} size="sm">
          Unresolved
        </Text>
        <Badge color="orange" variant="light" data-testid="unresolved-count">
          {issues.length}
        </Badge>
      </Group>
      <ScrollArea.Autosize mah={100} type="auto">
        <Stack gap={4}>
          {issues.map(({ issue, item }) => (
            <IssueRow key={issue.id} issue={issue} item={item} onFind={() => setFinding(issue)} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Modal
        opened={finding !== null}
        onClose={() => setFinding(null)}
        title={finding ? `Which item carries ${finding.code}?` : ''}
        size="xl"
      >
        {finding?.context && (
          <PickItem
            countId={session.id}
            connectionId={session.connectionId}
            context={finding.context}
            issueId={finding.id}
            autoFocus
            onDone={() => setFinding(null)}
          />
        )}
      </Modal>
    </Box>
  )
}

interface IssueProps {
  issue: CountIssue
  item: Item | undefined
  onFind: () => void
}

function IssueRow({ issue, item, onFind }: IssueProps) {
  const what = item ? itemLine(item) : issue.code
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      justify="space-between"
      data-testid="unresolved-entry"
      data-kind={issue.kind}
      data-code={issue.code}
    >
      <Text size="sm" lineClamp={1} style={{ minWidth: 0 }}>
        <b>{KIND_WORDS[issue.kind]}:</b> {what}
        {issue.quantity !== undefined &&
          ` · ${formatQty(issue.quantity)} unit${issue.quantity === 1 ? '' : 's'}`}
        {issue.message && <Text span c="dimmed" size="sm">{` · ${issue.message}`}</Text>}
      </Text>
      <Group gap={4} wrap="nowrap">
        <IssueActions issue={issue} item={item} onFind={onFind} />
      </Group>
    </Group>
  )
}

function IssueActions({ issue, item, onFind }: IssueProps) {
  const { db } = useServices()
  const drop = (words: string, label = 'Drop') => (
    <Button
      size="compact-sm"
      variant="default"
      onClick={() => void submitDrop(db, issue.id, words)}
      data-testid="unresolved-drop"
    >
      {label}
    </Button>
  )
  switch (issue.kind) {
    case 'unknown':
      return (
        <>
          <Button size="compact-sm" variant="light" onClick={onFind} data-testid="unresolved-find">
            Find and link…
          </Button>
          {drop(`Dropped: code ${issue.code}. Nothing was counted for it.`)}
        </>
      )
    case 'confirm':
      return (
        <>
          <Button
            size="compact-sm"
            color="orange"
            disabled={!item || !issue.context}
            onClick={() =>
              item && issue.context && void submitConfirmed(db, issue.countId, item, issue.context, issue.id)
            }
            data-testid="unresolved-confirm"
          >
            Count it
          </Button>
          {drop(`Not counted: ${item?.name ?? issue.code}. Scan it again.`)}
        </>
      )
    case 'refused':
      return drop('Dismissed. Nothing was counted for that scan.', 'Dismiss')
    case 'no-lot':
      return (
        <ChooseLot
          issue={issue}
          item={item}
          keep={drop(`Kept without a lot: ${item?.name ?? issue.code}.`, 'Keep without lot')}
        />
      )
  }
}

/** The lots of the item in the replica; choosing one moves the scan to that lot's line. */
function ChooseLot({ issue, item, keep }: { issue: CountIssue; item: Item | undefined; keep: ReactNode }) {
  const { db } = useServices()
  const lots = useLiveQuery(() => (item ? lotsOf(db, item) : []), [db, item?.key])
  const [lotKey, setLotKey] = useState('')
  const move = () => {
    const lot = lots?.find((l) => l.key === lotKey)
    if (lot)
      void submitMoveToLot(
        db,
        issue.id,
        lot.key,
        `Moved to lot ${lot.lotNumber}: ${item?.name ?? issue.code}.`
      )
  }
  return (
    <>
      <NativeSelect
        size="sm"
        aria-label="Lot"
        value={lotKey}
        onChange={(e) => setLotKey(e.currentTarget.value)}
        data={[
          { value: '', label: 'Choose the lot…' },
          ...(lots ?? []).map((l) => ({ value: l.key, label: l.lotNumber }))
        ]}
        data-testid="unresolved-lot"
      />
      <Button
        size="compact-sm"
        variant="light"
        disabled={!lotKey}
        onClick={move}
        data-testid="unresolved-move-lot"
      >
        Move to lot
      </Button>
      {keep}
    </>
  )
}
