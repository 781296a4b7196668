import { TextInput } from '@mantine/core'
import { IconUser } from '@tabler/icons-react'
import { useEffect } from 'react'
import { adoptPcName, useCounter } from '../../stores/counter'

/** Who counts on this PC: goes on every scan, so two people's parts of a location can be told apart. */
export function CounterName() {
  const name = useCounter((s) => s.name)
  const pc = useCounter((s) => s.pc)
  const update = useCounter((s) => s.update)
  useEffect(adoptPcName, [])
  return (
    <TextInput
      w={180}
      size="md"
      label="Counted by"
      description="Kept on every scan"
      placeholder={pc}
      leftSection={<IconUser size={18} />}
      value={name}
      onChange={(e) => update({ name: e.currentTarget.value })}
      data-testid="counter-name"
    />
  )
}
