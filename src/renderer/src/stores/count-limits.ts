import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { defaultVarianceLimits, type VarianceLimits } from '../../../shared/count/quantity'

interface CountLimitsState extends VarianceLimits {
  update(patch: Partial<VarianceLimits>): void
}

/**
 * This PC's variance limits: how far from expected a line may end before it must be
 * confirmed when entered and approved by a supervisor before it is sent. Per PC
 * (localStorage), like the scanner settings: a site sets them for its own stock.
 */
export const useCountLimits = create<CountLimitsState>()(
  persist(
    (set) => ({
      ...defaultVarianceLimits,
      update: (patch) => set(patch)
    }),
    {
      name: 'stockroom.count-limits',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ factor, ceiling }): VarianceLimits => ({ factor, ceiling })
    }
  )
)

/** The limits as plain data, for the count functions. */
export const countLimits = (): VarianceLimits => {
  const { factor, ceiling } = useCountLimits.getState()
  return { factor, ceiling }
}
