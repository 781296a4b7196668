import { formatDate } from '../../util/format'
import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core'
import { itemDetail, itemLine, itemRef } from '../../../../shared/model/item-identity'
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconBarcode,
  IconCircleCheck,
  IconHelpCircle,
  IconInfoCircle,
  IconLink,
  IconMapPin,
  IconX
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { GS } from '../../../../shared/scan'
import { DISK_FULL_TITLE } from '../../db/storage-errors'
import { toneColour } from '../../scan/tone'
import type { Banner, BannerContent } from './count-ui'
import classes from './ScanBanner.module.css'
import { formatQty } from './format'

interface Shown {
  icon: ReactNode
  title: ReactNode
  detail?: ReactNode
  /** The big number on the right. */
  figure?: ReactNode
  figureLabel?: ReactNode
}

/** Control characters (the GS1 separator) made visible in a code shown to people. */
const visible = (code: string) =>
  [...code].map((ch) => (ch === GS ? '<GS>' : ch.charCodeAt(0) < 0x20 ? '·' : ch)).join('')

function describe(content: BannerContent, connectionLabel: (id: string) => string): Shown {
  switch (content.status) {
    case 'counted': {
      const { item, line, quantity, lot, unknownLot, context } = content
      return {
        icon: <IconCircleCheck size={30} />,
        title: item.name,
        detail: (
          <Stack gap={4}>
            <Group gap="xs">
              <Badge variant="light" ff="monospace">
                {itemRef(item)}
              </Badge>
              {itemDetail(item) && (
                <Text size="sm" c="dimmed">
                  {itemDetail(item)}
                </Text>
              )}
              {content.viaLink && (
                <Badge
                  color="teal"
                  variant="outline"
                  leftSection={<IconLink size={12} />}
                  data-testid="scan-via-link"
                >
                  linked code
                </Badge>
              )}
              {lot && <Badge color="grape">lot {lot.lotNumber}</Badge>}
              {context.expiry && <Badge variant="outline">expires {formatDate(context.expiry)}</Badge>}
              {context.serial && <Badge variant="outline">serial {context.serial}</Badge>}
              {context.labelQuantity !== undefined && !context.packName && (
                <Badge variant="outline">label of {formatQty(context.labelQuantity)}</Badge>
              )}
            </Group>
            {content.issueId !== undefined && unknownLot === undefined && (
              <Text size="sm" fw={700} data-testid="scan-no-lot">
                Counted without a lot: {item.name} is tracked by lot. Choose its lot under Unresolved.
              </Text>
            )}
            {unknownLot !== undefined && (
              <Text size="sm" c="var(--mantine-color-orange-light-color)" data-testid="scan-unknown-lot">
                Lot {unknownLot} is not in the replica, so it was counted without a lot.
              </Text>
            )}
            {content.linkedCode !== undefined && (
              <Text size="sm" data-testid="scan-linked">
                Code <b style={{ fontFamily: 'monospace' }}>{visible(content.linkedCode)}</b> is now linked to
                this item: its next scan counts it directly. Links are listed under Items › Barcode links.
              </Text>
            )}
          </Stack>
        ),
        figure: (
          <>
            +{formatQty(quantity)}
            {context.packName && (
              <Text span fz={24} fw={700} data-testid="scan-pack">
                {' '}
                ({context.packName})
              </Text>
            )}
          </>
        ),
        figureLabel: (
          <>
            counted <b data-testid="scan-line-total">{formatQty(line.counted)}</b>
            {item.unit ? ` ${item.unit}` : ''}
          </>
        )
      }
    }
    case 'invalid':
      return {
        icon: <IconX size={30} />,
        title: 'Not a valid barcode — not counted',
        detail: (
          <Stack gap={2}>
            <Text data-testid="scan-error">{content.error.message}</Text>
            <Text size="sm" c="dimmed" ff="monospace">
              {visible(content.raw)}
            </Text>
          </Stack>
        )
      }
    case 'unknown': {
      if (content.reason === 'no-product-number') {
        const { lotNumber, expiry, serial } = content.context
        const carries = [
          lotNumber !== undefined && `lot ${lotNumber}`,
          expiry !== undefined && `expiry ${formatDate(expiry)}`,
          serial !== undefined && `serial ${serial}`
        ].filter(Boolean)
        return {
          icon: <IconHelpCircle size={30} />,
          title: 'This label has no product number — not counted',
          detail: `It carries ${carries.length > 0 ? carries.join(', ') : 'other details'} but not which product. Scan the product’s own barcode.`
        }
      }
      return {
        icon: <IconHelpCircle size={30} />,
        title: (
          <>
            Unknown code <span style={{ fontFamily: 'monospace' }}>{visible(content.context.code)}</span>
          </>
        ),
        detail: 'No item carries this code: find the item below, or type the number under the barcode.'
      }
    }
    case 'elsewhere': {
      const first = content.items[0]
      return {
        icon: <IconAlertTriangle size={30} />,
        title: `${first?.name ?? 'This item'} is not in this count’s connection — not counted`,
        detail: `The code belongs to ${content.items
          .map((i) => `${itemLine(i)} in ${connectionLabel(i.connectionId)}`)
          .join(', ')}. Only items of the count’s own connection can be counted here.`
      }
    }
    case 'ambiguous':
      return {
        icon: <IconAlertTriangle size={30} />,
        title: `This code is on ${content.items.length} items — pick one`,
        detail: 'Choose the item in front of you below; it is counted as soon as you pick it.'
      }
    case 'confirm': {
      const { item, quantity, counted, expected, reason } = content
      return {
        icon: <IconAlertTriangle size={30} />,
        title: `Check this quantity — ${item.name} not counted yet`,
        detail: (
          <Text data-testid="scan-confirm-reason">
            This entry adds {formatQty(quantity)}, making {formatQty(counted)} where {formatQty(expected)}{' '}
            were expected: {reason}. Confirm it if it is right; the line then waits for a supervisor’s
            approval before it is sent.
          </Text>
        ),
        figure: `+${formatQty(quantity)}`,
        figureLabel: 'not counted yet'
      }
    }
    case 'duplicate':
      return {
        icon: <IconAlertTriangle size={30} />,
        title: `Serial ${content.context.serial ?? ''} is already counted`,
        detail: `${content.item.name}: a serial number counts once, however often its label is scanned.`
      }
    case 'undone': {
      const { undone, item } = content
      const name = item?.name ?? 'the line'
      return {
        icon: <IconArrowBackUp size={30} />,
        title:
          undone.event.kind === 'set'
            ? `Undone: recount of ${name}`
            : `Undone: +${formatQty(undone.event.quantity)} ${name}`,
        detail: undone.removed
          ? 'That was the first count of this line, so the line is gone.'
          : `Back to ${formatQty(undone.event.previous)} counted.`
      }
    }
    case 'location':
      return { icon: <IconMapPin size={30} />, title: 'Location label', detail: content.context.code }
    case 'switched':
      return { icon: <IconMapPin size={30} />, ...describeSwitch(content) }
    case 'refused':
      return {
        icon: <IconMapPin size={30} />,
        title: 'Scans still go where they went',
        detail: <Text data-testid="scan-refused">{content.message}</Text>
      }
    case 'failed':
      return {
        icon: <IconX size={30} />,
        title: content.diskFull ? DISK_FULL_TITLE : 'Not saved',
        detail: content.message
      }
    case 'info':
      return { icon: <IconInfoCircle size={30} />, title: content.message, detail: content.detail }
  }
}

function describeSwitch(content: BannerContent & { status: 'switched' }): Pick<Shown, 'title' | 'detail'> {
  const { switched, where, leftWhere, scannedName } = content
  const left = switched.left
  const lines = [
    scannedName && `The ${scannedName} is not counted on its own here, so scans go to ${where}.`,
    switched.how === 'resumed' && 'Everything counted here before is still there.',
    left &&
      leftWhere &&
      (left.parked
        ? `The count at ${leftWhere} is kept with its ${left.scans} scan${left.scans === 1 ? '' : 's'}: scan its label to go back.`
        : `The count at ${leftWhere} had no scans yet, so it moved here.`)
  ].filter((l): l is string => typeof l === 'string')
  return {
    title:
      switched.how === 'same'
        ? `Already counting at ${where}`
        : switched.how === 'resumed'
          ? `Back to counting at ${where}`
          : `Now counting at ${where}`,
    detail: (
      <Stack gap={2} data-testid="scan-switch">
        {lines.length > 0 ? (
          lines.map((l) => <Text key={l}>{l}</Text>)
        ) : (
          <Text>Scan the items that stand here.</Text>
        )}
      </Stack>
    )
  }
}

/** The last scan, big enough to read from a step away, flashing the tone's colour on every scan. */
export function ScanBanner({
  banner,
  connectionLabel
}: {
  banner: Banner | null
  connectionLabel: (id: string) => string
}) {
  const colour = banner && banner.tone !== 'neutral' ? toneColour[banner.tone] : 'gray'
  const shown: Shown = banner
    ? describe(banner.content, connectionLabel)
    : {
        icon: <IconBarcode size={30} />,
        title: 'Ready to scan',
        detail: 'Scan a barcode wherever the cursor is: no need to click a field first.'
      }
  return (
    <Paper
      withBorder
      px="sm"
      py={8}
      className={classes.banner}
      bg={`var(--mantine-color-${colour}-light)`}
      style={{ borderLeftColor: `var(--mantine-color-${colour}-filled)` }}
      data-testid="scan-banner"
      data-status={banner?.content.status ?? 'ready'}
      data-tone={banner?.tone ?? 'ready'}
      data-seq={banner?.seq ?? 0}
      aria-live="polite"
    >
      {banner && banner.tone !== 'neutral' && (
        <Box
          key={banner.seq}
          className={classes.flash}
          style={{ backgroundColor: `var(--mantine-color-${colour}-filled)` }}
        />
      )}
      <Group className={classes.content} justify="space-between" wrap="nowrap" align="center">
        <Group wrap="nowrap" align="flex-start" gap="md">
          <Box c={`${colour}.7`} pt={2}>
            {shown.icon}
          </Box>
          <Stack gap={4}>
            <Text fz={20} fw={700} lh={1.2} data-testid="scan-title">
              {shown.title}
            </Text>
            {typeof shown.detail === 'string' ? <Text>{shown.detail}</Text> : shown.detail}
            {banner && 'ignoredQuantity' in banner.content && banner.content.ignoredQuantity && (
              <Text size="sm" c="var(--mantine-color-orange-light-color)" data-testid="scan-ignored-quantity">
                The Quantity field held {banner.content.ignoredQuantity}, which looks like a barcode, so it
                was not used as a quantity.
              </Text>
            )}
          </Stack>
        </Group>
        {shown.figure !== undefined && (
          <Stack gap={0} align="flex-end">
            <Text fz={40} fw={800} lh={1} c={`${colour}.8`} data-testid="scan-figure">
              {shown.figure}
            </Text>
            <Text size="sm">{shown.figureLabel}</Text>
          </Stack>
        )}
      </Group>
    </Paper>
  )
}
