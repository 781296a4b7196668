/** "1 difference", "3 differences": a count with its noun, never "difference(s)". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`
