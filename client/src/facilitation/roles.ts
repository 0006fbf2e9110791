/** How presence names a person's role: by link, or "Facilitating" for someone facilitation was handed to. */
import type { MessageKey } from '../i18n/index.js'

/** The message key of a presence role label. */
export function roleKey(role: string, delegate: boolean, screen = false): MessageKey {
  if (screen) return 'fac.presence.role.screen'
  if (delegate) return 'fac.presence.role.delegate'
  switch (role) {
    case 'facilitator':
      return 'fac.presence.role.facilitator'
    case 'viewer':
      return 'fac.presence.role.viewer'
    default:
      return 'fac.presence.role.participant'
  }
}
