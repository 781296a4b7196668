import { Alert, Button, Code, Group, Loader, Modal, ScrollArea, Select, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconFileTypePdf, IconPrinter } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import type { DrawnBarcode, Printer } from '../../../../shared/host-api/labels'
import type { LabelSize } from '../../../../shared/labels/label'
import { linkPrintedCodes, type PlannedLabel } from '../../labels/item-labels'
import { useServices } from '../../app/services-context'
import { LabelPreview } from './LabelPreview'
import { downloadBytes, LABEL_SIZES, sizeValue, sizeWords } from './label-sizes'

/** Labels shown in the preview; the rest print all the same. */
const PREVIEW_MAX = 12
/** Labels in one print or PDF (the host API's bound). */
const PRINT_MAX = 500
const PDF = 'pdf'

type Outcome = { ok: true; message: string; zpl?: string; savedTo?: string } | { ok: false; message: string }

/**
 * Print labels: a preview of each label (the PDF's own barcode image), a choice
 * of network label printer (raw ZPL) or a PDF at the label's exact size for any
 * other printer. A failed print keeps the labels here to print again; codes
 * Stockroom made are linked to their items once the labels are printed or saved.
 */
export function PrintLabelsDialog({
  title,
  planned,
  problem,
  onClose
}: {
  title: string
  /** undefined while the labels are being made. */
  planned: PlannedLabel[] | undefined
  /** Why no labels could be made, in words. */
  problem?: string | undefined
  onClose: () => void
}) {
  const { db, host, pcName } = useServices()
  const [printers, setPrinters] = useState<Printer[]>()
  const [target, setTarget] = useState<string | null>(null)
  const [pdfSize, setPdfSize] = useState(sizeValue(LABEL_SIZES[0]!.size))
  const [drawnFor, setDrawn] = useState<{ key: string; labels: unknown; barcodes: DrawnBarcode[] }>()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()
  const [openNote, setOpenNote] = useState<string>()

  useEffect(() => {
    void host.call('printers:list', {}).then((r) => {
      const list = r.ok ? r.value.printers : []
      setPrinters(list)
      setTarget((t) => t ?? list[0]?.id ?? PDF)
    })
  }, [host])

  const printer = printers?.find((p) => p.id === target)
  const size = printer?.size ?? LABEL_SIZES.find((s) => s.value === pdfSize)?.size ?? LABEL_SIZES[0]!.size
  const labels = useMemo(() => planned?.map((p) => p.label), [planned])
  const sizeKey = JSON.stringify(size)

  useEffect(() => {
    if (!labels || labels.length === 0) return
    let live = true
    const drawSize = JSON.parse(sizeKey) as LabelSize
    void host.call('labels:draw', { labels: labels.slice(0, PREVIEW_MAX), size: drawSize }).then((r) => {
      if (live && r.ok) setDrawn({ key: sizeKey, labels, barcodes: r.value.barcodes })
      if (live && !r.ok) setOutcome({ ok: false, message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [host, labels, sizeKey])
  // Only the drawing of these labels at this size: an older one is not shown while the new one comes.
  const drawn = drawnFor?.key === sizeKey && drawnFor.labels === labels ? drawnFor.barcodes : undefined

  const linked = async () => {
    if (!planned) return ''
    const n = await linkPrintedCodes(db, planned, { linkedOn: (await pcName()) ?? 'this PC' })
    return n > 0
      ? ` ${n} new code${n === 1 ? '' : 's'} linked to ${n === 1 ? 'its item' : 'their items'}.`
      : ''
  }

  const print = async () => {
    if (!labels || !printer) return
    setBusy(true)
    setOutcome(undefined)
    try {
      const r = await host.call('printers:print', { printerId: printer.id, labels })
      if (!r.ok) return setOutcome({ ok: false, message: r.error.message })
      setOutcome({
        ok: true,
        message: `Sent ${r.value.labels} label${r.value.labels === 1 ? '' : 's'} to ${r.value.printer} (${r.value.bytes.toLocaleString()} bytes).${await linked()}`,
        zpl: r.value.zpl
      })
    } finally {
      setBusy(false)
    }
  }

  const savePdf = async () => {
    if (!labels) return
    setBusy(true)
    setOutcome(undefined)
    setOpenNote(undefined)
    try {
      const r = await host.call('labels:pdf', { labels, size })
      if (!r.ok) return setOutcome({ ok: false, message: r.error.message })
      downloadBytes(r.value.savedTo.split(/[\\/]/).pop() ?? 'labels.pdf', r.value.pdf, 'application/pdf')
      setOutcome({
        ok: true,
        message: `PDF of ${r.value.pages} label${r.value.pages === 1 ? '' : 's'} at ${sizeWords(size)} — print it at actual size (100%). A copy is kept at ${r.value.savedTo}.${await linked()}`,
        savedTo: r.value.savedTo
      })
    } finally {
      setBusy(false)
    }
  }

  const openPdf = async (path: string) => {
    const r = await host.call('labels:openPdf', { path })
    setOpenNote(
      !r.ok
        ? r.error.message
        : r.value.opened
          ? 'Opened in the PC’s PDF viewer: print it from there at actual size.'
          : 'This window cannot open files on the PC: open the downloaded PDF, or the copy named above.'
    )
  }

  const options = [
    ...(printers ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${p.host}:${p.port}` })),
    { value: PDF, label: 'PDF — any other printer' }
  ]
  return (
    <Modal opened onClose={onClose} title={title} size="xl" data-testid="print-dialog">
      <Stack>
        {problem && (
          <Alert color="orange" icon={<IconAlertTriangle />} data-testid="print-problem">
            {problem}
          </Alert>
        )}
        {!planned && !problem && <Loader size="sm" aria-label="Making labels" />}
        {planned && planned.length === 0 && !problem && <Text c="dimmed">No labels to print.</Text>}
        {labels && labels.length > 0 && (
          <>
            <ScrollArea.Autosize mah={360}>
              <Group gap="sm" data-testid="label-previews">
                {labels.slice(0, PREVIEW_MAX).map((l, i) => (
                  <LabelPreview key={i} label={l} size={size} {...(drawn?.[i] && { drawn: drawn[i] })} />
                ))}
              </Group>
            </ScrollArea.Autosize>
            {labels.length > PREVIEW_MAX && (
              <Text size="sm" c="dimmed">
                and {labels.length - PREVIEW_MAX} more
              </Text>
            )}
            <Group align="flex-end">
              <Select
                label="Print on"
                data={options}
                value={target}
                onChange={setTarget}
                allowDeselect={false}
                w={340}
                data-testid="print-target"
              />
              {target === PDF && (
                <Select
                  label="Label size"
                  data={LABEL_SIZES.map(({ value, label }) => ({ value, label }))}
                  value={pdfSize}
                  onChange={(v) => v && setPdfSize(v)}
                  allowDeselect={false}
                  w={260}
                  data-testid="pdf-size"
                />
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {labels.length} label{labels.length === 1 ? '' : 's'}, {sizeWords(size)}
            </Text>
            {labels.length > PRINT_MAX && (
              <Alert color="orange" icon={<IconAlertTriangle />} data-testid="print-too-many">
                At most {PRINT_MAX} labels go in one print. Print these by zone or bin, or pick fewer items.
              </Alert>
            )}
          </>
        )}
        {outcome && (
          <Alert
            color={outcome.ok ? 'teal' : 'red'}
            icon={outcome.ok ? <IconCheck /> : <IconAlertTriangle />}
            data-testid={outcome.ok ? 'print-done' : 'print-error'}
            role={outcome.ok ? 'status' : 'alert'}
          >
            {outcome.message}
            {outcome.ok && outcome.zpl && (
              <details>
                <summary>What was sent (ZPL)</summary>
                <Code block mah={160} style={{ overflow: 'auto' }} data-testid="print-sent">
                  {outcome.zpl}
                </Code>
              </details>
            )}
            {outcome.ok && outcome.savedTo && (
              <Group mt="xs" gap="sm">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => void openPdf(outcome.savedTo!)}
                  data-testid="print-open-pdf"
                >
                  Open PDF
                </Button>
                {openNote && (
                  <Text size="sm" data-testid="print-open-note">
                    {openNote}
                  </Text>
                )}
              </Group>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          {target === PDF ? (
            <Button
              leftSection={<IconFileTypePdf size={18} />}
              onClick={() => void savePdf()}
              loading={busy}
              disabled={!labels || labels.length === 0 || labels.length > PRINT_MAX}
              data-testid="print-pdf"
            >
              Save PDF
            </Button>
          ) : (
            <Button
              leftSection={<IconPrinter size={18} />}
              onClick={() => void print()}
              loading={busy}
              disabled={!labels || labels.length === 0 || labels.length > PRINT_MAX || !printer}
              data-testid="print-send"
            >
              Print {labels?.length ?? ''} label{labels?.length === 1 ? '' : 's'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
