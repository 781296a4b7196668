import { Stack, Text } from '@mantine/core'
import { ean13Modules } from '../../../../shared/scan/ean13-bars'

/** The code of the on-screen test label: a valid EAN-13 that every scanner reads by default. */
export const TEST_LABEL_CODE = '4006381333931'

/**
 * An EAN-13 drawn at a size a scanner reads off a screen: each module 3 px, quiet
 * zones of 11 modules, black on white whatever the colour scheme.
 */
export function TestLabel({ code = TEST_LABEL_CODE }: { code?: string }) {
  const modules = ean13Modules(code)
  const quiet = 11
  const width = modules.length + quiet * 2
  return (
    <Stack
      gap={2}
      align="center"
      bg="white"
      p="xs"
      style={{ borderRadius: 4 }}
      data-testid="calibration-label"
    >
      <svg
        viewBox={`0 0 ${width} 50`}
        width={width * 3}
        height={150}
        role="img"
        aria-label={`Test barcode ${code}`}
        shapeRendering="crispEdges"
      >
        <rect width={width} height={50} fill="#fff" />
        {[...modules].map((m, i) =>
          m === '1' ? <rect key={i} x={quiet + i} y={0} width={1} height={50} fill="#000" /> : null
        )}
      </svg>
      <Text ff="monospace" c="black" size="sm">
        {code}
      </Text>
    </Stack>
  )
}
