import { createServer, type Server, type Socket } from 'node:net'
import { readZpl, type PrintedLabel } from './zpl-reader'

/**
 * How the fake printer treats the next connections:
 * - `print`: reads the whole job, keeps it, then closes (as a Zebra on port 9100 does);
 * - `refuse`: resets each connection at once, reading nothing (a printer busy or in error);
 * - `stall`: takes the connection and never reads or closes (paused, out of labels);
 * - `drop`: reads the first bytes, then resets the connection partway through the job.
 * A printer that is off is {@link FakePrinter.switchOff}: nothing listens on its port.
 */
export type PrinterMode = 'print' | 'refuse' | 'stall' | 'drop'

export interface PrintJob {
  at: string
  bytes: number
  zpl: string
  labels: PrintedLabel[]
}

export interface FakePrinter {
  readonly host: string
  readonly port: number
  /** Every job taken whole, oldest first. */
  readonly jobs: PrintJob[]
  /** Connections refused, stalled or dropped (not printed). */
  readonly turnedAway: number
  mode: PrinterMode
  /** Every label of every job, in order. */
  printed(): PrintedLabel[]
  /** Resolves when at least `n` jobs have been taken. */
  waitForJobs(n: number, timeoutMs?: number): Promise<PrintJob[]>
  /** Stops listening: connections to its port are refused, as to a printer switched off. */
  switchOff(): Promise<void>
  /** Listens again on the same port. */
  switchOn(): Promise<void>
  close(): Promise<void>
}

/** A label printer on 127.0.0.1 (port 0: any free port) speaking raw port-9100 printing. */
export async function startFakePrinter(
  o: { port?: number; mode?: PrinterMode; onJob?: (job: PrintJob) => void } = {}
): Promise<FakePrinter> {
  const jobs: PrintJob[] = []
  const sockets = new Set<Socket>()
  const waiters = new Set<() => void>()
  let turnedAway = 0
  let server: Server | undefined

  const onConnection = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    const mode = printer.mode
    if (mode === 'refuse') {
      turnedAway++
      socket.resetAndDestroy()
      return
    }
    if (mode === 'stall') {
      turnedAway++
      socket.pause()
      return
    }
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      if (mode === 'drop') {
        turnedAway++
        socket.resetAndDestroy()
      }
    })
    socket.on('end', () => {
      if (mode === 'drop') return
      const zpl = Buffer.concat(chunks).toString('utf8')
      const job = { at: new Date().toISOString(), bytes: Buffer.byteLength(zpl), zpl, labels: readZpl(zpl) }
      jobs.push(job)
      socket.end()
      o.onJob?.(job)
      for (const w of waiters) w()
    })
  }

  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = createServer(onConnection)
      s.once('error', reject)
      s.listen(port, '127.0.0.1', () => resolve(s))
    })

  server = await listen(o.port ?? 0)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  const stop = async () => {
    const s = server
    server = undefined
    for (const socket of sockets) socket.destroy()
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
  }

  const printer: FakePrinter = {
    host: '127.0.0.1',
    port,
    jobs,
    get turnedAway() {
      return turnedAway
    },
    mode: o.mode ?? 'print',
    printed: () => jobs.flatMap((j) => j.labels),
    waitForJobs(n, timeoutMs = 30_000) {
      if (jobs.length >= n) return Promise.resolve(jobs)
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < n) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(jobs)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`The fake printer took ${jobs.length} jobs, not ${n}, in ${timeoutMs} ms.`))
        }, timeoutMs)
        waiters.add(check)
      })
    },
    switchOff: stop,
    async switchOn() {
      if (!server) server = await listen(port)
    },
    close: stop
  }
  return printer
}
