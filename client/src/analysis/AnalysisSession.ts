/**
 * The analysis feature's state for one open board, in the startup bundle and kept small: the board's
 * settings (read once, for the personal-data warning), the overlay chosen, the personal-data guard (in the
 * startup bundle on purpose: it must stand in front of the label editors from the first keystroke), and
 * notices of what the server removed. The indicators themselves (`AnalysisEngine`, which brings the graph
 * library) are created by the lazily loaded panels, on first use.
 */
import { DeniedReason, deniedKind, type OverlayIndicator } from '@circleboard/shared'
import type { FeatureContext } from '../board/features.js'
import type { AnalysisEngine } from './AnalysisEngine.js'
import { PersonalDataGuard } from './PersonalDataGuard.js'
import { fetchSettings, UNKNOWN_SETTINGS, type BoardSettings } from './settingsApi.js'
import { Signal } from './signal.js'

/**
 * Whether a permission-denied reason is the server's identity-number guard speaking (shared
 * `protocol/notices.ts`; refusals, a viewer link or a locked board, are shown elsewhere).
 */
export function isPersonalDataRemoval(reason: string): boolean {
  return deniedKind(reason) === 'repaired' && reason === DeniedReason.identityNumber
}

/** How long settings read from the server are trusted before a refused "Share anyway" reads them again. */
const SETTINGS_FRESH_MS = 5_000

/** A removal the server reported. */
export interface ServerNotice {
  readonly id: number
  /** The server's reason, as it sent it (English). */
  readonly reason: string
}

/** The analysis feature of one open board. */
export class AnalysisSession {
  readonly settings = new Signal<BoardSettings>(UNKNOWN_SETTINGS)
  readonly overlay = new Signal<OverlayIndicator | null>(null)
  readonly notices = new Signal<readonly ServerNotice[]>([])
  readonly guard: PersonalDataGuard
  /** Created by the panels when first needed (it brings the graph library). */
  engine: AnalysisEngine | null = null
  private nextNotice = 1

  constructor(readonly feature: FeatureContext) {
    this.guard = new PersonalDataGuard(feature.model, () => this.settings.get().identityNumberCheck)
  }

  /** Starts the guard and the listening; returns the stop (React effects may start and stop twice). */
  start(): () => void {
    const { role, boardId, token } = this.feature
    const offGuard = this.guard.install()
    const offSettings = this.settings.subscribe(() => this.guard.settingsChanged())
    const offDenied = this.listenForRemovals()
    let stopped = false
    let lastRead = 0
    const readSettings = (): void => {
      if (role === 'viewer') return
      lastRead = Date.now()
      fetchSettings(boardId, token).then(
        (s) => {
          if (!stopped) this.settings.set(s)
        },
        () => {
          // Unknown settings keep "Share anyway" from identity numbers: the safe side.
        },
      )
    }
    readSettings()
    // The facilitator may have turned the check off since: before refusing "Share anyway", ask again.
    const offWarnings = this.guard.warnings.subscribe(() => {
      const refused = this.guard.warnings.get().some((w) => !w.canShare)
      if (refused && Date.now() - lastRead > SETTINGS_FRESH_MS) readSettings()
    })
    return () => {
      stopped = true
      offGuard()
      offSettings()
      offWarnings()
      offDenied()
    }
  }

  /** The live indicators, made with `create` the first time they are asked for. */
  engineOr(create: () => AnalysisEngine): AnalysisEngine {
    this.engine ??= create()
    return this.engine
  }

  /** Forgets a notice the person has read. */
  dismissNotice(id: number): void {
    this.notices.set(this.notices.get().filter((n) => n.id !== id))
  }

  destroy(): void {
    this.engine?.destroy()
    this.engine = null
  }

  /** The server's notices of what it removed (its identity-number guard) become notices for the person. */
  private listenForRemovals(): () => void {
    return this.feature.conn.onDenied((reason) => {
      if (!isPersonalDataRemoval(reason)) return
      // One notice at a time is enough: the server says the same for every removal.
      if (this.notices.get().some((n) => n.reason === reason)) return
      this.notices.set([...this.notices.get(), { id: this.nextNotice++, reason }])
    })
  }
}
