import type { AppStatus } from '../../shared/host-api/app'

/**
 * Every effect that differs between the desktop app and the web host sits
 * behind one of these ports; main-side services only see the ports.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>
  /** Whether a secret is stored, without decrypting it. */
  has(name: string): Promise<boolean>
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
}

export interface Notifier {
  notify(notice: { title: string; body: string }): void
}

export interface StatusSurface {
  /** The tray tooltip on desktop; a log line in the web host. */
  show(status: AppStatus): void
}

export interface OnlineState {
  isOnline(): boolean
  subscribe(listener: (online: boolean) => void): () => void
}

export interface LoginItems {
  readonly supported: boolean
  set(openAtLogin: boolean): void
}

export interface ExternalOpener {
  open(url: string): Promise<void>
}

export interface Platform {
  kind: 'desktop' | 'web'
  secrets: SecretStore
  notifier: Notifier
  status: StatusSurface
  online: OnlineState
  loginItems: LoginItems
  external: ExternalOpener
}
