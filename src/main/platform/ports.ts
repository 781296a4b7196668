import type { AppStatus } from '../../shared/host-api/app'
import type { Notice, NoticeTarget, ShownNotice } from '../../shared/host-api/notices'

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
  notify(notice: Notice): void
  /** A person clicked a shown notice: the listener opens what it is about. */
  onClick(listener: (target: NoticeTarget | undefined) => void): () => void
  /**
   * Present where notices are shown in the page rather than by the OS (the
   * web host): each notice as it is raised, the ones shown so far, and a click
   * on one of them (false when the id is unknown).
   */
  inPage?: {
    onShown(listener: (notice: ShownNotice) => void): () => void
    shown(): ShownNotice[]
    click(id: string): boolean
  }
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
  /**
   * Opens a file Stockroom saved (a label PDF) in the PC's own viewer; false
   * where the host cannot show files on the PC's screen (the web host).
   */
  openFile(path: string): Promise<boolean>
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
