import { FIGGRO_DEMO_KEY, startFiggroFake, type FiggroData } from '../../src/main/fakes/figgro/server'
import { FIGGRO_PATHS, type FiggroEndpoint } from '../../src/shared/vendors/figgro/assumptions'
import type { ExpectedReplica, VendorHarness } from './conformance'

const resourceOf: Record<FiggroEndpoint, string> = {
  products: 'products',
  rawMaterials: 'raw-materials',
  jobRuns: 'job-runs',
  jobRunTickets: 'job-run-tickets'
}

/** Figgro's own words for a finished run or ticket; anything else is still going. */
const finished = (status: string) => status === 'Completed' || status === 'Closed'

export const figgroHarness: VendorHarness<FiggroData> = {
  vendor: 'figgro',
  label: 'Figgro',
  async start({ seed, size }) {
    const fake = await startFiggroFake({ seed, size })
    const d = fake.data
    return {
      server: fake,
      url: fake.url,
      apiKey: FIGGRO_DEMO_KEY,
      expected(cid) {
        const items = new Map<string, Record<string, unknown>>()
        const stock = new Map<string, Record<string, unknown>>()
        const lots = new Map<string, Record<string, unknown>>()
        const place = `${cid}:location:whole-stock`
        for (const p of d.products) {
          items.set(`${cid}:item:products/${p.id}`, { sku: p.sku, name: p.name, onHand: p.quantityOnHand })
          stock.set(`${cid}:stock:products/${p.id}`, { onHand: p.quantityOnHand, locationKey: place })
        }
        for (const m of d.rawMaterials) {
          const id = `raw-materials/${m.id}`
          items.set(`${cid}:item:${id}`, {
            sku: m.sku,
            name: m.name,
            onHand: m.quantityOnHand,
            tracking: 'lot'
          })
          stock.set(`${cid}:stock:${id}`, {
            onHand: m.quantityOnHand,
            locationKey: place,
            expiry: m.expiryDate
          })
          lots.set(`${cid}:lot:${id}#${m.lotNumber}`, { lotNumber: m.lotNumber, expiry: m.expiryDate })
        }
        const tasks = new Map<string, Record<string, unknown>>()
        for (const j of d.jobRuns)
          tasks.set(`${cid}:task:job-runs/${j.id}`, { status: finished(j.status) ? 'done' : 'in-progress' })
        for (const t of d.jobRunTickets)
          tasks.set(`${cid}:task:job-run-tickets/${t.id}`, {
            status: finished(t.status) ? 'done' : 'in-progress'
          })
        const expected: ExpectedReplica = {
          items,
          stock,
          lots,
          tasks,
          locations: new Map([[place, { kind: 'location' }]])
        }
        return expected
      },
      counts: () =>
        Object.fromEntries(
          (Object.keys(resourceOf) as FiggroEndpoint[]).map((e) => [resourceOf[e], d.list(e).length])
        ),
      listRequests: (resource) => {
        const endpoint = (Object.keys(resourceOf) as FiggroEndpoint[]).find((e) => resourceOf[e] === resource)
        return fake.requests.filter(
          (r) => r.method === 'GET' && endpoint && r.path === FIGGRO_PATHS[endpoint] && r.status === 200
        ).length
      },
      mutate() {
        const changed = d.products.filter((_, i) => i % 41 === 3).map((p) => p.id)
        for (const id of changed) d.setQuantity('products', id, 7)
        const removed = d.products.filter((_, i) => i % 59 === 11).map((p) => p.id)
        for (const id of removed) d.remove('products', id)
        // A ticket started just now: the next pass of tickets, by start date, must bring it.
        const run = d.jobRuns[0]!
        d.addTicket({
          id: 'tkt-new',
          ticketNumber: 'T-NEW',
          jobRunId: run.id,
          jobNumber: run.jobNumber,
          productId: run.productId,
          sku: run.sku,
          productName: run.productName,
          quantity: 5,
          status: 'Open',
          startDate: new Date(d.now()).toISOString(),
          endDate: null,
          labTestPassed: false,
          metrcSynced: false
        })
        return { changed: [...changed, 'tkt-new'], removed }
      },
      close: () => fake.close()
    }
  }
}
