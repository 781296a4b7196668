import type { VendorId } from '../../shared/model/vendor'
import type { FakeDefinition, FakeOptions, StartedFake } from './common/definition'
import { figgroFake } from './figgro/definition'
import { forgemrpFake } from './forgemrp/definition'
import { fractionerpFake } from './fractionerp/definition'
import { frostbyteFake } from './frostbyte/definition'
import { inventoraFake } from './inventora/definition'

export type { FakeCredentials, FakeDefinition, FakeOptions, StartedFake } from './common/definition'

/**
 * The fake of every vendor Stockroom can talk to: tests, the demo, E2E and the
 * fake-vendor CLI start them here. A full record: a new vendor does not compile
 * until its fake is named here.
 */
export const fakeDefinitions: Record<VendorId, FakeDefinition> = {
  frostbyte: frostbyteFake,
  inventora: inventoraFake,
  forgemrp: forgemrpFake,
  figgro: figgroFake,
  fractionerp: fractionerpFake
}

export async function startFake(vendor: VendorId, options: FakeOptions = {}): Promise<StartedFake> {
  return fakeDefinitions[vendor].start(options)
}
