import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { z } from 'zod'

/**
 * A small JSON document on disk, validated on read and replaced atomically on
 * write. A damaged file is kept aside (never silently overwritten) and the
 * fallback is used.
 */
export class JsonFile<S extends z.ZodType> {
  private queue: Promise<unknown> = Promise.resolve()
  /** The document as last read or written: this process is its only writer, so the disk is read once. Read-only. */
  private cache?: z.output<S>

  constructor(
    private readonly file: string,
    private readonly schema: S,
    private readonly fallback: () => z.output<S>
  ) {}

  async read(): Promise<z.output<S>> {
    if (this.cache === undefined) this.cache = await this.load()
    return this.cache
  }

  private async load(): Promise<z.output<S>> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.fallback()
      throw err
    }
    const parsed = this.schema.safeParse(safeJson(text))
    if (parsed.success) return parsed.data
    await rename(this.file, `${this.file}.damaged-${Date.now()}`)
    return this.fallback()
  }

  update(change: (value: z.output<S>) => z.output<S>): Promise<z.output<S>> {
    const next = this.queue.then(async () => {
      const value = this.schema.parse(change(await this.read()))
      await mkdir(dirname(this.file), { recursive: true })
      const tmp = `${this.file}.${process.pid}.tmp`
      await writeFile(tmp, JSON.stringify(value, null, 2))
      await rename(tmp, this.file)
      this.cache = value
      return value
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
