import { commonOptions, type FakeDefinition } from '../common/definition'
import { startFiggroFake, FIGGRO_DEMO_KEY } from './server'
import { FIGGRO_PATHS, type FiggroEndpoint } from '../../../shared/vendors/figgro/assumptions'

/** How tests, the demo and the fake-vendor CLI start this vendor's fake. */
export const figgroFake: FakeDefinition = {
  // requestsPerMinute makes the documented hour a minute (1,000 per 60 s), so a budget test runs in minutes.
  async start(o) {
    const { requestsPerMinute: rpm, windowMs } = o
    const fg = await startFiggroFake({
      ...commonOptions(o),
      ...(rpm && { limit: rpm, windowMs: 60_000 }),
      ...(windowMs && { windowMs })
    })
    const d = fg.data
    return {
      vendor: 'figgro',
      server: fg,
      credentials: { apiKey: FIGGRO_DEMO_KEY },
      counts: () =>
        Object.fromEntries(
          Object.entries(FIGGRO_PATHS).map(([e, path]) => [path, d.list(e as FiggroEndpoint).length])
        ),
      summary: () =>
        `${d.products.length.toLocaleString()} products, ${d.rawMaterials.length.toLocaleString()} raw materials`
    }
  }
}
