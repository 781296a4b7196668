/** Saves text as a file the way a browser download does (Electron shows its save dialog). */
export function downloadText(filename: string, text: string, type: string): string {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  return url
}
