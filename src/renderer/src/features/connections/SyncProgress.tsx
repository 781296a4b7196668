import { Alert, Group, Progress, Stack, Text } from '@mantine/core'
import { useInterval } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useSync } from '../../stores/sync'
import { timeLeftMs, timeLeftWords } from '../../sync/time-left'
import { clockTime, planLine } from './plan-words'
import { judgeResource } from '../../sync/pass-verdict'
import type { ResourceProgress } from '../../sync/driver'

/** A resource is "up to date" only when everything it sent was read. */
function stateWords(p: ResourceProgress): string {
  if (p.state === 'error') return 'stopped · '
  if (p.state !== 'done') return ''
  const v = judgeResource(p)
  return v.kind === 'read'
    ? 'up to date · '
    : v.kind === 'failed'
      ? 'unreadable · '
      : 'read, some unreadable · '
}

/** Per resource: pages and records done, rate-limit waits, errors in plain words. */
export function SyncProgress({ connectionId }: { connectionId: string }) {
  const progress = useSync(
    useShallow((s) => Object.values(s.progress).filter((p) => p.connectionId === connectionId))
  )
  const wait = useSync((s) => s.waits[connectionId])
  const error = useSync((s) => s.errors[connectionId])
  const [now, setNow] = useState(() => Date.now())
  const ticker = useInterval(() => setNow(Date.now()), 500)
  useEffect(() => {
    ticker.start()
    return ticker.stop
  }, [ticker])

  const starts = useSync((s) => s.starts)
  const waiting = wait && wait.until > now
  const running = progress.find((p) => p.state === 'running')
  const left = running && timeLeftMs(running, starts[`${connectionId}/${running.resource}`], now)
  // The budget plan of the pass running now, where the vendor has one.
  const plan = progress.map((p) => planLine(p, now)).find((l) => l !== undefined)
  return (
    <Stack gap={6} mt="sm" data-testid="sync-progress">
      {plan && (
        <Text
          size="sm"
          fw={500}
          data-testid="sync-plan"
          data-finish-at={Math.round(plan.finishAt)}
          {...(plan.resumesAt !== undefined && { 'data-resumes-at': Math.round(plan.resumesAt) })}
        >
          {plan.text}
        </Text>
      )}
      {!plan && running && left !== undefined && (
        <Text size="xs" c="dimmed" data-testid="sync-time-left">
          {running.label}: {timeLeftWords(left)}
        </Text>
      )}
      {progress.map((p) => {
        const pct = p.totalPages
          ? Math.min(100, (p.pagesDone / p.totalPages) * 100)
          : p.state === 'done'
            ? 100
            : 0
        return (
          <div key={p.resource}>
            <Group justify="space-between" gap="xs">
              <Text size="xs" fw={500}>
                {p.label} · {p.phase === 'full' ? 'full pass' : 'changes only'}
              </Text>
              <Text
                size="xs"
                c={p.state === 'error' || stateWords(p).startsWith('unreadable') ? 'red' : 'dimmed'}
                data-testid={`sync-${p.resource}`}
              >
                {stateWords(p)}
                {p.recordsDone.toLocaleString()} records · page {p.pagesDone}
                {p.totalPages !== undefined ? ` of ${p.totalPages}` : ''}
                {p.deleted > 0 && `, ${p.deleted} removed`}
                {p.rejected > 0 && `, ${p.rejected} unreadable`}
              </Text>
            </Group>
            <Progress
              value={pct}
              size="xs"
              animated={p.state === 'running'}
              color={p.state === 'error' ? 'red' : 'teal'}
            />
          </div>
        )
      })}
      {waiting && (
        <Text size="xs" c="orange" data-testid="sync-wait">
          {wait.reason === 'rate-limit' ? 'Pacing to the vendor’s rate limit' : 'Retrying'}: waiting until{' '}
          {clockTime(wait.until, now)} ({Math.ceil((wait.until - now) / 1000)} s)
          {wait.message ? ` — ${wait.message}` : ''}
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" title="Sync stopped" data-testid="sync-error">
          {error}
        </Alert>
      )}
    </Stack>
  )
}
