import { Switch } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { setMuted } from '../../alerts/mutes'
import { getDb } from '../../db/db'

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
  const muted = useLiveQuery(async () => (await getDb().mutes.get(muteKey)) !== undefined, [muteKey])
  return (
    <Switch
      size="sm"
      label={label}
      checked={muted === false}
      disabled={muted === undefined}
      onChange={(e) => void setMuted(getDb(), muteKey, kind, !e.currentTarget.checked)}
      data-testid={`mute-${kind}`}
    />
  )
}
