import type { VendorId } from '../../src/shared/model/vendor'
import { frostbyteWriteHarness } from './frostbyte-write-harness'
import { inventoraWriteHarness } from './inventora-write-harness'
import type { WriteHarness } from './write-conformance'

/** The write harness of each vendor whose profile has writes; the suite fails for one without. */
export const writeHarnesses: Partial<Record<VendorId, WriteHarness>> = {
  frostbyte: frostbyteWriteHarness as WriteHarness,
  inventora: inventoraWriteHarness as WriteHarness
}
