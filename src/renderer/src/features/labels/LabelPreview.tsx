import { Paper } from '@mantine/core'
import type { DrawnBarcode } from '../../../../shared/host-api/labels'
import type { Label, LabelSize } from '../../../../shared/labels/label'
import { labelLayout } from '../../../../shared/labels/layout'

/**
 * One label as it will come out: the layout the PDF and the ZPL follow, with
 * the barcode image bwip-js drew for the PDF (not a second drawing of it).
 */
export function LabelPreview({
  label,
  size,
  drawn,
  pxPerMm = 5
}: {
  label: Label
  size: LabelSize
  drawn?: DrawnBarcode
  pxPerMm?: number
}) {
  const layout = labelLayout(size, label.lines.length)
  const mm = (v: number) => `${v * pxPerMm}px`
  const box = layout.barcode
  return (
    <Paper
      withBorder
      shadow="xs"
      data-testid="label-preview"
      data-barcode={label.barcode.data}
      style={{
        position: 'relative',
        width: mm(size.widthMm),
        height: mm(size.heightMm),
        background: 'white',
        color: 'black',
        overflow: 'hidden',
        flex: 'none'
      }}
    >
      {[label.title, ...label.lines].map((text, i) => (
        <div
          key={i}
          style={{
            position: 'absolute',
            left: mm(layout.margin),
            right: mm(layout.margin),
            top: mm(layout.textTops[i]!),
            fontSize: mm(i === 0 ? layout.titleSize : layout.lineSize),
            lineHeight: 1,
            fontWeight: i === 0 ? 700 : 400,
            fontFamily: 'Helvetica, Arial, sans-serif',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis'
          }}
        >
          {text}
        </div>
      ))}
      {drawn && (
        <img
          src={`data:image/png;base64,${drawn.png}`}
          alt={`Barcode ${label.barcode.data}`}
          style={{
            position: 'absolute',
            left: mm(box.x),
            top: mm(box.y),
            width: mm(box.width),
            height: mm(box.height),
            objectFit: 'contain',
            objectPosition: 'center bottom'
          }}
        />
      )}
    </Paper>
  )
}
