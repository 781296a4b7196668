import { getHost } from '../bridge/host'

let asked: Promise<string | undefined> | undefined

/** This PC's name, asked of main once; undefined when main cannot say. */
export function pcName(): Promise<string | undefined> {
  asked ??= getHost()
    .call('app:info', {})
    .then((r) => (r.ok ? r.value.pcName : undefined))
    .catch(() => undefined)
  return asked
}
