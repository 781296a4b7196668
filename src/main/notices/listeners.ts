/** A set of listeners with one call to add (returning its removal) and one to tell them all. */
export function listeners<T>() {
  const all = new Set<(value: T) => void>()
  return {
    add(listener: (value: T) => void): () => void {
      all.add(listener)
      return () => all.delete(listener)
    },
    emit(value: T) {
      for (const l of [...all]) l(value)
    }
  }
}
