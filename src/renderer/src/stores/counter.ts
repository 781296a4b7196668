import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

/**
 * Who counts on this PC. Per PC (localStorage): the name goes on every scan made here,
 * so when two people count one location their parts can be told apart and summed.
 */
interface CounterState {
  /** This PC's name (its host name, once main has said it); the counter name until someone types theirs. */
  pc: string
  /** The person counting ('' = the PC's label). */
  name: string
  /** Two scanners on one PC: the prefix each sends → who holds it. */
  byPrefix: Record<string, string>
  update(patch: Partial<Pick<CounterState, 'name' | 'byPrefix'>>): void
}

const newPcLabel = (): string => `PC-${crypto.randomUUID().slice(0, 4).toUpperCase()}`

export const useCounter = create<CounterState>()(
  persist(
    (set) => ({
      pc: newPcLabel(),
      name: '',
      byPrefix: {},
      update: (patch) => set(patch)
    }),
    {
      name: 'stockroom.counter',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ pc, name, byPrefix }) => ({ pc, name, byPrefix })
    }
  )
)

/**
 * The name this PC counts under: the person's, else the PC's, labelled as a PC
 * ("WAREHOUSE-3 (PC)"), so a review or another PC never reads a PC's name as a person's.
 */
export function counterName(): string {
  const { name, pc } = useCounter.getState()
  return name.trim() || `${pc} (PC)`
}

/** Who made a scan: the holder of the scanner whose prefix it began with, else this PC's counter. From memory: no read per scan. */
export function counterFor(prefix: string | undefined): string {
  const holder = prefix === undefined ? undefined : useCounter.getState().byPrefix[prefix]?.trim()
  return holder || counterName()
}

/** Takes the PC's name from main once it is known; until then a label made on this PC stands in. */
export function adoptPcName(pcName: () => Promise<string | undefined>): void {
  void pcName().then((name) => {
    if (name && name.trim() !== '') useCounter.setState({ pc: name.trim().slice(0, 120) })
  })
}
