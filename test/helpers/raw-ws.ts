import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

/**
 * A WebSocket client that writes frames byte by byte, so a test can send what
 * no well-behaved library would: oversize lengths, invalid UTF-8, reserved
 * opcodes, unmasked client frames.
 */
export interface RawSocket {
  /** Resolves when the server has closed the TCP connection (or after `ms`). */
  closed(ms?: number): Promise<'closed' | 'open'>
  /** Everything the server sent after the handshake. */
  received(): Buffer
  write(bytes: Buffer): void
  destroy(): void
}

export async function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const u = new URL(url)
  const socket: Socket = connect(Number(u.port), u.hostname)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  socket.on('error', () => {})
  const lines = [
    `GET ${u.pathname}${u.search} HTTP/1.1`,
    `Host: ${headers.Host ?? u.host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers)
      .filter(([k]) => k !== 'Host')
      .map(([k, v]) => `${k}: ${v}`)
  ]
  socket.write(lines.join('\r\n') + '\r\n\r\n')
  let buffer = Buffer.alloc(0)
  const handshake = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      socket.off('data', onData)
      const head = buffer.subarray(0, end).toString()
      buffer = buffer.subarray(end + 4)
      socket.on('data', (more: Buffer) => (buffer = Buffer.concat([buffer, more])))
      resolve(head)
    }
    socket.on('data', onData)
    socket.once('close', () => reject(new Error(`closed during handshake: ${buffer.toString()}`)))
  })
  if (!handshake.startsWith('HTTP/1.1 101')) {
    socket.destroy()
    throw new Error(`handshake refused: ${handshake.split('\r\n')[0]}`)
  }
  let isClosed = false
  const closing = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true
      resolve()
    })
  )
  return {
    closed: (ms = 5000) =>
      Promise.race([
        closing.then(() => 'closed' as const),
        new Promise<'open' | 'closed'>((r) => setTimeout(() => r(isClosed ? 'closed' : 'open'), ms))
      ]),
    received: () => buffer,
    write: (bytes) => socket.write(bytes),
    destroy: () => socket.destroy()
  }
}

/** One frame; `mask: false` sends it unmasked (a protocol error from a client). */
export function frame(
  opcode: number,
  payload: Buffer,
  opts: { fin?: boolean; mask?: boolean; rsv?: number; declaredLength?: number } = {}
): Buffer {
  const { fin = true, mask = true, rsv = 0 } = opts
  const length = opts.declaredLength ?? payload.length
  const head: number[] = [(fin ? 0x80 : 0) | (rsv << 4) | (opcode & 0x0f)]
  const maskBit = mask ? 0x80 : 0
  let ext = Buffer.alloc(0)
  if (length < 126) head.push(maskBit | length)
  else if (length < 65536) {
    head.push(maskBit | 126)
    ext = Buffer.alloc(2)
    ext.writeUInt16BE(length)
  } else {
    head.push(maskBit | 127)
    ext = Buffer.alloc(8)
    ext.writeBigUInt64BE(BigInt(length))
  }
  if (!mask) return Buffer.concat([Buffer.from(head), ext, payload])
  const key = randomBytes(4)
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!))
  return Buffer.concat([Buffer.from(head), ext, key, masked])
}

/** The text of the server's frames in `bytes` (unmasked, as a server sends them). */
export function serverTexts(bytes: Buffer): string[] {
  const out: string[] = []
  let at = 0
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f
    let length = bytes[at + 1]! & 0x7f
    let start = at + 2
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2)
      start += 2
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at + 2))
      start += 8
    }
    if (start + length > bytes.length) break
    const payload = bytes.subarray(start, start + length)
    if (opcode === 1) out.push(payload.toString())
    if (opcode === 8)
      out.push(`close ${payload.length >= 2 ? payload.readUInt16BE(0) : ''} ${payload.subarray(2)}`)
    at = start + length
  }
  return out
}
