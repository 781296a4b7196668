import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { Section } from './ui'

/**
 * How big the screens are drawn on this PC (localStorage, like the scanner set-up:
 * it follows the place the PC stands, not a person). Count and Tasks are used
 * standing, in gloves, so they are always drawn in floor density; the other
 * screens follow the setting.
 */
interface DisplayState {
  floorEverywhere: boolean
  setFloorEverywhere(on: boolean): void
}

export const useDisplay = create<DisplayState>()(
  persist(
    (set) => ({
      floorEverywhere: false,
      setFloorEverywhere: (floorEverywhere) => set({ floorEverywhere })
    }),
    { name: 'stockroom.display', storage: createJSONStorage(() => localStorage) }
  )
)

const floorScreens: ReadonlySet<Section> = new Set(['count', 'tasks'])

export function isFloorDensity(section: Section, floorEverywhere: boolean): boolean {
  return floorEverywhere || floorScreens.has(section)
}
