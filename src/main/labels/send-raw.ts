import { connect } from 'node:net'

export type PrintFailureReason = 'off' | 'refused' | 'address' | 'stalled'

/** A print that did not reach the printer, in plain words (what happened, what to do). */
export class PrintFailure extends Error {
  constructor(
    readonly reason: PrintFailureReason,
    message: string
  ) {
    super(message)
  }
}

export interface RawTarget {
  /** The printer's name, as the person set it up. */
  name: string
  host: string
  port: number
}

/**
 * Sends a job to a printer's raw port (9100: "JetDirect" / "raw" printing) and
 * waits until the printer has taken it: it closes its end once it has read
 * everything we sent. ASSUMPTION: Zebra-compatible printers close the connection
 * after the sender half-closes it, as the fake printer does; one that stays silent
 * longer than `timeoutMs` is reported as stalled (the job may or may not print).
 *
 * Errors become {@link PrintFailure}s; the caller keeps the job, so nothing is lost.
 */
export function sendRaw(target: RawTarget, data: string, timeoutMs = 10_000): Promise<{ bytes: number }> {
  const where = `${target.name} (${target.host}:${target.port})`
  const bytes = Buffer.from(data, 'utf8')
  return new Promise((resolve, reject) => {
    let connected = false
    let settled = false
    const socket = connect({ host: target.host, port: target.port })
    const finish = (error?: PrintFailure) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      if (error) reject(error)
      else resolve({ bytes: bytes.length })
    }
    const timer = setTimeout(() => {
      finish(
        connected
          ? new PrintFailure(
              'stalled',
              `${where} took the connection but did not take the labels within ${timeoutMs / 1000} s — it may be paused, out of labels or busy. Check the printer, then print again; the labels may not have printed.`
            )
          : new PrintFailure(
              'address',
              `${where} did not answer within ${timeoutMs / 1000} s. Check the printer's address and that it is on the same network, then print again. Nothing was printed.`
            )
      )
    }, timeoutMs)
    socket.on('connect', () => {
      connected = true
      socket.end(bytes)
    })
    // Data from the printer (status answers) is read and ignored; its end is what tells us it is done.
    socket.on('data', () => undefined)
    socket.on('end', () => finish())
    socket.on('close', () => {
      if (!settled && connected) finish()
    })
    socket.on('error', (err: NodeJS.ErrnoException) => finish(failureFor(err, where, connected)))
  })
}

function failureFor(err: NodeJS.ErrnoException, where: string, connected: boolean): PrintFailure {
  switch (err.code) {
    case 'ECONNREFUSED':
      return new PrintFailure(
        'off',
        `${where} is not answering: the printer is off or not on the network. Switch it on (or check its cable), then print again. Nothing was printed.`
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrintFailure(
        'address',
        `No printer called "${where}" can be found on the network. Check the address in the printer's settings. Nothing was printed.`
      )
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new PrintFailure(
        'address',
        `${where} cannot be reached from this PC: the address is wrong or on another network. Check it in the printer's settings. Nothing was printed.`
      )
    case 'ECONNRESET':
    case 'EPIPE':
      return new PrintFailure(
        'refused',
        connected
          ? `${where} refused the labels: it closed the connection before taking them (busy with another computer, or showing an error). Check the printer's display, then print again.`
          : `${where} refused the connection. Check the printer's display, then print again. Nothing was printed.`
      )
    default:
      return new PrintFailure(
        'refused',
        `${where} could not be sent the labels (${err.code ?? err.message}). Check the printer, then print again.`
      )
  }
}
