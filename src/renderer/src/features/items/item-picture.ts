/**
 * The picture a vendor gives for an item (an `imageUrl` in its record), when it
 * is an https address: the content-security policy lets the page load https
 * images and nothing else from outside, so anything else is not shown.
 */
export function itemPicture(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const url = (raw as { imageUrl?: unknown }).imageUrl
  if (typeof url !== 'string') return undefined
  try {
    return new URL(url).protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}
