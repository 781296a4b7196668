import { LAUNCH_META, LAUNCH_PARAM, WS_PATH } from '../../src/shared/host-api/wire'

/**
 * The host API socket address as the app's page builds it: the launch secret
 * read from the document the host served at `pageUrl`.
 */
export async function hostSocketUrl(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text()
  const secret = new RegExp(`<meta name="${LAUNCH_META}" content="([^"]+)"`).exec(html)?.[1]
  if (!secret) throw new Error(`no launch secret in the page at ${pageUrl}`)
  const url = new URL(WS_PATH, pageUrl.replace(/^http/, 'ws'))
  url.searchParams.set(LAUNCH_PARAM, secret)
  return url.href
}
