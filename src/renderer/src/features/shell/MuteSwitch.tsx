import { useServices } from '../../app/services-context'
import { Switch } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { setMuted } from '../../alerts/mutes'

/** "Notify when … runs low", on by default; off mutes low-stock notices for one item or one connection. */
export function MuteSwitch({
  muteKey,
  kind,
  label
}: {
  muteKey: string
  kind: 'item' | 'connection'
  label: string
}) {
  const { db } = useServices()
  const muted = useLiveQuery(async () => (await db.mutes.get(muteKey)) !== undefined, [muteKey])
  return (
    <Switch
      size="sm"
      label={label}
      checked={muted === false}
      disabled={muted === undefined}
      onChange={(e) => void setMuted(db, muteKey, kind, !e.currentTarget.checked)}
      data-testid={`mute-${kind}`}
    />
  )
}
