import { useScannerSettings } from './scanner-settings'
import type { Tone } from './tone'

interface Note {
  freq: number
  ms: number
  type: OscillatorType
  /** Silence before this note. */
  gapMs?: number
}

/**
 * Sounds that can be told apart across a noisy floor without looking: one short high
 * beep, two mid blips, a low buzz, a rising three-note chime, and a falling pair for a
 * repeat that was ignored (not the counted beep: nobody must think it was counted again).
 */
const sounds: Record<Tone, Note[]> = {
  ok: [{ freq: 1760, ms: 90, type: 'sine' }],
  unknown: [
    { freq: 660, ms: 110, type: 'triangle' },
    { freq: 660, ms: 110, type: 'triangle', gapMs: 70 }
  ],
  error: [{ freq: 160, ms: 420, type: 'square' }],
  // Rising, unlike any of the others: "you are somewhere else now".
  location: [
    { freq: 880, ms: 90, type: 'sine' },
    { freq: 1175, ms: 90, type: 'sine', gapMs: 30 },
    { freq: 1568, ms: 140, type: 'sine', gapMs: 30 }
  ],
  repeat: [
    { freq: 1180, ms: 60, type: 'sine' },
    { freq: 590, ms: 140, type: 'sine', gapMs: 40 }
  ]
}

let context: AudioContext | undefined
let tones = 0

function audio(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined
  context ??= new AudioContext()
  // A context made before any user gesture starts suspended; a scan is a key press, so this resumes it.
  if (context.state === 'suspended') void context.resume().catch(() => undefined)
  return context
}

/**
 * Opens the sound device ahead of the first scan, when the page is idle: opening it
 * takes a few hundred milliseconds on some PCs, which the first tone would otherwise wait for.
 */
export function prepareSound(): () => void {
  if (context || typeof AudioContext === 'undefined' || typeof requestIdleCallback === 'undefined')
    return () => {}
  const id = requestIdleCallback(() => {
    try {
      context ??= new AudioContext()
    } catch {
      // No sound device: tones stay silent, the banner still shows every scan.
    }
  })
  return () => cancelIdleCallback(id)
}

/** Plays a tone's sound; never throws (no sound device, autoplay policy). */
export function playTone(tone: Tone): void {
  // Which sound was last asked for, on the page (E2E reads it; a person hears it).
  if (typeof document !== 'undefined') document.documentElement.dataset.tone = `${tone}:${++tones}`
  const { sound, volume } = useScannerSettings.getState()
  if (!sound || volume <= 0) return
  try {
    const ctx = audio()
    if (!ctx) return
    let at = ctx.currentTime + 0.01
    for (const note of sounds[tone]) {
      at += (note.gapMs ?? 0) / 1000
      const end = at + note.ms / 1000
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = note.type
      osc.frequency.value = note.freq
      // Short ramps at both ends: a hard start or stop clicks.
      const level = Math.min(1, volume) * (note.type === 'square' ? 0.25 : 0.6)
      gain.gain.setValueAtTime(0, at)
      gain.gain.linearRampToValueAtTime(level, at + 0.008)
      gain.gain.setValueAtTime(level, end - 0.015)
      gain.gain.linearRampToValueAtTime(0, end)
      osc.connect(gain).connect(ctx.destination)
      osc.start(at)
      osc.stop(end + 0.01)
      at = end
    }
  } catch {
    // Feedback is also shown on screen; a missing sound card must not stop counting.
  }
}
