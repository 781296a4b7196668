import { generateFiggro } from '../../src/main/fakes/figgro/generate'
import { countSheetFlow } from './count-sheet-flow'

const SEED = 19
const SIZE = 300

countSheetFlow({
  title: 'a Figgro count sheet, counted at its whole stock',
  vendorArgs: ['--vendor', 'figgro', '--size', String(SIZE), '--seed', String(SEED)],
  system: 'Figgro',
  lastResource: 'job-run-tickets',
  // Products stand at the one "Whole stock" place (Figgro keeps no locations); the SKU beside the name.
  records: () =>
    generateFiggro({ seed: SEED, size: SIZE, now: () => new Date() }).products.map((p) => ({
      vendorId: `products/${p.id}`,
      ref: p.sku,
      name: p.name,
      onHand: p.quantityOnHand
    })),
  place: () => ({ label: 'WHOLE-STOCK', name: 'Whole stock' }),
  lowStockOption: false,
  screenshots: {}
})
