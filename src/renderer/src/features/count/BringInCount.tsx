import { useServices } from '../../app/services-context'
import { Alert, FileButton } from '@mantine/core'
import { IconFileImport, IconUsers } from '@tabler/icons-react'
import { useRef, useState, type ComponentProps } from 'react'
import { bringInCount, type BroughtIn } from '../../count/bring-in'
import { CountAction } from './CountAction'
import { useCountUi } from './count-ui'

export type BringInResult = { ok: true; brought: BroughtIn; where: string } | { ok: false; error: string }

/** "Bring in a count file": another PC's count of a location, summed into the count here. */
export function BringInButton({ onResult }: { onResult: (result: BringInResult) => void }) {
  const { db } = useServices()
  const [busy, setBusy] = useState(false)
  // Cleared after each choice: choosing the same file again must be heard (and refused), not ignored.
  const reset = useRef<() => void>(null)
  const bringIn = async (file: File | null) => {
    if (!file) return
    reset.current?.()
    setBusy(true)
    let result: BringInResult
    try {
      result = { ok: true, brought: await bringInCount(db, await file.text()), where: file.name }
      useCountUi.getState().clear()
    } catch (e) {
      result = { ok: false, error: e instanceof Error ? e.message : String(e) }
    }
    setBusy(false)
    onResult(result)
  }
  return (
    <FileButton
      resetRef={reset}
      onChange={(f) => void bringIn(f)}
      accept="application/json,.json"
      inputProps={{ 'data-testid': 'bring-in-file' } as ComponentProps<'input'>}
    >
      {(props) => (
        <CountAction
          label="Bring in a count file"
          tip="Bring in a count file (another PC’s scans)"
          icon={<IconFileImport size={18} />}
          onClick={props.onClick}
          loading={busy}
          testId="bring-in"
        />
      )}
    </FileButton>
  )
}

/** What came of the last file brought in, in words; stays until closed. */
export function BringInNotice({ result, onClose }: { result: BringInResult; onClose: () => void }) {
  if (!result.ok) {
    return (
      <Alert
        color="red"
        title="The count file was not brought in"
        withCloseButton
        onClose={onClose}
        data-testid="bring-in-result"
        data-ok="false"
      >
        {result.error}
      </Alert>
    )
  }
  const { brought } = result
  return (
    <Alert
      color="teal"
      icon={<IconUsers size={20} />}
      title={`${brought.counter}'s count from ${brought.pc} brought in`}
      withCloseButton
      onClose={onClose}
      data-testid="bring-in-result"
      data-ok="true"
    >
      {brought.scans} scan{brought.scans === 1 ? '' : 's'} on {brought.lines} item
      {brought.lines === 1 ? '' : 's'} added to
      {brought.started ? ' a new count of this location' : ' this count'}, summed per item: each difference is
      sent once, from this PC.
    </Alert>
  )
}
