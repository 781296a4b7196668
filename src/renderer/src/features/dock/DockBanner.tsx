import { Paper, Text } from '@mantine/core'
import { useCallback, useState } from 'react'
import { playTone } from '../../scan/feedback'
import { toneColour, type Tone } from '../../scan/tone'

export interface DockNote {
  tone: Tone
  words: string
  seq: number
}

/** The last scan's outcome at the dock, with its sound: receivers hear it without looking. */
export function useDockNote(): [DockNote | null, (tone: Tone, words: string) => void] {
  const [note, setNote] = useState<DockNote | null>(null)
  const show = useCallback((tone: Tone, words: string) => {
    playTone(tone)
    setNote((n) => ({ tone, words, seq: (n?.seq ?? 0) + 1 }))
  }, [])
  return [note, show]
}

/** Big words in the tone's colour, read from across the dock; announced to screen readers. */
export function DockBanner({ note, idle }: { note: DockNote | null; idle: string }) {
  const colour = note ? toneColour[note.tone] : 'gray'
  return (
    <Paper
      withBorder
      p="md"
      bg={`var(--mantine-color-${colour}-light)`}
      data-testid="dock-banner"
      data-tone={note?.tone ?? 'idle'}
      data-seq={note?.seq ?? 0}
      role="status"
      aria-live="assertive"
    >
      <Text size="xl" fw={700}>
        {note?.words ?? idle}
      </Text>
    </Paper>
  )
}
