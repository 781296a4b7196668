import { useNetwork } from '@mantine/hooks'
import { useUi } from '../stores/ui'

/** Online only when both this PC's browser and main say so: nothing is sent or synced otherwise. */
export function useOnline(): boolean {
  const network = useNetwork()
  const mainOnline = useUi((s) => s.mainOnline)
  return network.online && mainOnline
}
