/**
 * Value outcomes: value-in-use for the service user, an organisation or society. Drawn as the targets of
 * `contributes` links from resources.
 */
import { VALUE_KINDS } from '../types.js'
import type { ElementSpec } from './elementBase.js'

/** The value-outcome type: default kind `service-user` (the value the circle is for). */
export const valueSpec: ElementSpec = {
  type: 'value',
  kinds: VALUE_KINDS,
  defaultSize: { w: 180, h: 72 },
  canBeInArena: true,
}
