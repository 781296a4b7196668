import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { printerInput, printerSchema, type Printer } from '../../shared/host-api/labels'
import { JsonFile } from '../settings/json-file'

const printersFile = z.object({ printers: z.array(printerSchema) })

/** The label printers this PC knows, kept in `printers.json` in the data directory (per PC, like other settings). */
export class PrinterStore {
  private readonly file: JsonFile<typeof printersFile>

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'printers.json'), printersFile, () => ({ printers: [] }))
  }

  async list(): Promise<Printer[]> {
    return (await this.file.read()).printers
  }

  async get(id: string): Promise<Printer | undefined> {
    return (await this.list()).find((p) => p.id === id)
  }

  /** Adds a printer, or changes the one with the input's id. */
  async save(input: z.input<typeof printerInput>): Promise<Printer> {
    const parsed = printerInput.parse(input)
    const printer: Printer = { ...parsed, id: parsed.id ?? randomUUID() }
    await this.file.update(({ printers }) => ({
      printers: printers.some((p) => p.id === printer.id)
        ? printers.map((p) => (p.id === printer.id ? printer : p))
        : [...printers, printer]
    }))
    return printer
  }

  async remove(id: string): Promise<boolean> {
    let found = false
    await this.file.update(({ printers }) => {
      found = printers.some((p) => p.id === id)
      return { printers: printers.filter((p) => p.id !== id) }
    })
    return found
  }
}
