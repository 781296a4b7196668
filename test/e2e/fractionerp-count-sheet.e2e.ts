import { expect } from 'vitest'
import { generateFraction } from '../../src/main/fakes/fractionerp/generate'
import { countSheetFlow } from './count-sheet-flow'

const SEED = 23
const SIZE = 300

countSheetFlow({
  title: 'a FractionERP count sheet, counted at its whole stock',
  vendorArgs: ['--vendor', 'fractionerp', '--size', String(SIZE), '--seed', String(SEED)],
  system: 'FractionERP',
  lastResource: 'shipments',
  // Parts with a stock figure stand at the one "Whole stock" place; the part number beside the name.
  records: () =>
    generateFraction({ seed: SEED, size: SIZE, now: () => new Date() })
      .parts.all()
      .filter((p) => p.stock)
      .map((p) => ({
        vendorId: p.id,
        ref: p.part_number,
        name: p.description || p.part_number,
        onHand: p.stock!.current
      })),
  place: () => ({ label: 'WHOLE-STOCK', name: 'Whole stock' }),
  lowStockOption: true,
  // Bills of materials count the records read, not the rows they became.
  afterSync: async (page) =>
    expect(await page.getByTestId('sync-boms').textContent()).toMatch(/^up to date · [1-9][\d,]* records/),
  screenshots: { count: 'fractionerp-count' }
})
