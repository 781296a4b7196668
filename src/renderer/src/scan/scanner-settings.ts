import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

/**
 * How this PC's scanners are set up. Kept per PC (localStorage), not per user or in
 * the replica: it describes the hardware plugged into this machine.
 */
export interface ScannerSettings {
  /** Characters the scanners send before each code (e.g. `§`); a scan is then recognised from its first key. */
  prefixes: string[]
  /** Keys the scanners send after each code. */
  suffixes: ('Enter' | 'Tab')[]
  /** Longest gap between two keys of one scan, 30–150 ms. Raise it (or calibrate) for slow wireless scanners. */
  maxInterKeyMs: number
  /** Shortest code accepted as a scan; shorter bursts are taken as typing. */
  minLength: number
  /** Ignore a scan of the same code as the one before it, within {@link repeatWindowMs}. Off by default. */
  ignoreRepeats: boolean
  /** 300–5000 ms. */
  repeatWindowMs: number
  sound: boolean
  /** 0…1 */
  volume: number
}

export const defaultScannerSettings: ScannerSettings = {
  prefixes: [],
  suffixes: ['Enter', 'Tab'],
  maxInterKeyMs: 35,
  minLength: 4,
  ignoreRepeats: false,
  repeatWindowMs: 1000,
  sound: true,
  volume: 0.5
}

/** The settings' names: what is kept on this PC. */
const SETTING_KEYS = Object.keys(defaultScannerSettings) as (keyof ScannerSettings)[]

interface ScannerSettingsState extends ScannerSettings {
  update(patch: Partial<ScannerSettings>): void
  reset(): void
}

export const useScannerSettings = create<ScannerSettingsState>()(
  persist(
    (set) => ({
      ...defaultScannerSettings,
      update: (patch) => set(patch),
      reset: () => set(defaultScannerSettings)
    }),
    {
      name: 'stockroom.scanner',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Only the settings are kept, never the functions that change them.
      partialize: (s): ScannerSettings =>
        Object.fromEntries(SETTING_KEYS.map((k) => [k, s[k]])) as unknown as ScannerSettings
    }
  )
)

/** Prefixes as typed in settings ("§, ~") to the list the detector and parser take. */
export function parsePrefixes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((p) => p.trim())
        .filter(Boolean)
    )
  ]
}
