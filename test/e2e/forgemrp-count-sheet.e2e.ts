import { generateForge } from '../../src/main/fakes/forgemrp/generate'
import { countSheetFlow } from './count-sheet-flow'

const SEED = 31
const SIZE = 400
/** ForgeMRP hardware stands here, many items of one description among it. */
const SHELF = 'Hardware Shelf'

countSheetFlow({
  title: 'a ForgeMRP count sheet',
  vendorArgs: ['--vendor', 'forgemrp', '--size', String(SIZE), '--seed', String(SEED)],
  system: 'ForgeMRP',
  lastResource: 'purchase_orders',
  // No SKUs at ForgeMRP: the vendor's own id stands beside the name.
  records: () =>
    [...generateForge({ seed: SEED, size: SIZE, now: () => new Date() }).inventory.values()]
      .filter((i) => i.location === SHELF)
      .map((i) => ({ vendorId: i.id, ref: i.id, name: i.description, onHand: i.quantityOnHand })),
  place: () => ({ label: SHELF, name: SHELF }),
  lowStockOption: false,
  screenshots: { pick: 'forgemrp-pick-look-alikes', outbox: 'outbox-count-sheet' }
})
