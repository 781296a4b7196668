/** Small helpers for tests that drive the fakes over real HTTP. */

/** Polls `condition` every few ms until it holds (or fails after `timeoutMs`). */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the vendor's wire shape field by field
type LooseJson = any

/**
 * fetch + JSON body in one call; `json` is undefined for an empty body. `json` is loosely
 * typed on purpose: tests assert the vendor's wire shape field by field.
 */
export async function fetchJson(
  url: string,
  init: RequestInit = {}
): Promise<{ status: number; headers: Headers; json: LooseJson; text: string }> {
  const res = await fetch(url, init)
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    json: text.length > 0 ? (JSON.parse(text) as unknown) : undefined,
    text
  }
}
