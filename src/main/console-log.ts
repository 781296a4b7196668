/**
 * What `npm start` and the web host print. Quiet by default: errors and refusals (a
 * line that says something failed, could not be done or was refused) and each
 * connection's first complete sync; the address is printed apart. `--verbose` prints
 * every status line as it comes (each sync, each notice, each socket closed).
 */
export function consoleLog(o: { verbose: boolean; print?: (line: string) => void }): (line: string) => void {
  const print = o.print ?? ((line: string) => console.log(`[stockroom] ${line}`))
  const synced = new Set<string>()
  return (line) => {
    if (o.verbose) return print(line)
    const sync = /^sync (.+): complete$/.exec(line)
    if (sync) {
      if (synced.has(sync[1]!)) return
      synced.add(sync[1]!)
      return print(`${line} (the first sync; --verbose prints every later one)`)
    }
    if (MATTERS.test(line)) print(line)
  }
}

/** Words of a line a person starting the app must see. */
const MATTERS = /\b(fail(ed|s|ure)?|error|refused|could not|cannot|unreadable|in use)\b/i

/** `--verbose` (or STOCKROOM_VERBOSE=1) among a process's arguments. */
export const verboseAsked = (argv: readonly string[], env: NodeJS.ProcessEnv): boolean =>
  argv.includes('--verbose') || env.STOCKROOM_VERBOSE === '1'
