import type { VendorId } from '../../shared/model/vendor'
import type { ConnectorDefinition } from './connector'
import { figgroConnector } from './figgro'
import { forgemrpConnector } from './forgemrp'
import { fractionerpConnector } from './fractionerp'
import { frostbyteConnector } from './frostbyte'
import { inventoraConnector } from './inventora'

/** The vendors Stockroom can sync: a full record, so a new vendor does not compile until its connector is named here. */
export const connectorDefinitions: Record<VendorId, ConnectorDefinition> = {
  frostbyte: frostbyteConnector,
  inventora: inventoraConnector,
  forgemrp: forgemrpConnector,
  figgro: figgroConnector,
  fractionerp: fractionerpConnector
}
