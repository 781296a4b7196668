/** A tiny path router: `/products/:id/prices` style patterns, exact segment matching. */

export type Params = Record<string, string>

interface Route<H> {
  method: string
  segments: string[]
  handler: H
}

export type RouteMatch<H> =
  | { kind: 'found'; handler: H; params: Params; pattern: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' }

export class Router<H> {
  private readonly routes: Route<H>[] = []

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: split(pattern), handler })
    return this
  }

  match(method: string, path: string): RouteMatch<H> {
    const parts = split(path)
    const allowed: string[] = []
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts)
      if (!params) continue
      if (route.method !== method) {
        allowed.push(route.method)
        continue
      }
      return { kind: 'found', handler: route.handler, params, pattern: '/' + route.segments.join('/') }
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' }
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0)
}

function matchSegments(pattern: string[], parts: string[]): Params | undefined {
  if (pattern.length !== parts.length) return undefined
  const params: Params = {}
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string
    const v = parts[i] as string
    if (p.startsWith(':')) {
      let decoded: string
      try {
        decoded = decodeURIComponent(v)
      } catch {
        return undefined
      }
      params[p.slice(1)] = decoded
    } else if (p !== v) return undefined
  }
  return params
}
