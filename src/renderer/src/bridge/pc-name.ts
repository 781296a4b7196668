import type { HostClient } from '../../../shared/host-api/client'

/** This PC's name, asked of main once; the answer is undefined when main cannot say. */
export function askPcName(host: HostClient): () => Promise<string | undefined> {
  let asked: Promise<string | undefined> | undefined
  return () => {
    asked ??= host
      .call('app:info', {})
      .then((r) => (r.ok ? r.value.pcName : undefined))
      .catch(() => undefined)
    return asked
  }
}
