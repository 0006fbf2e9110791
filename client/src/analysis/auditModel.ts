/**
 * The audit log as the settings panel shows it: what happened (in words of the UI), who (their link's
 * role and a shortened pseudonymous person id: the log never holds names), and the facts the server
 * recorded with it (a format, a snapshot id, a setting's new value; never content). Unknown events and
 * facts are shown as the server wrote them, so a newer server's entries are not hidden.
 */
import type { MessageKey } from '../i18n/en.js'
import type { AuditEntry } from './adminApi.js'

const EVENTS: Readonly<Record<string, MessageKey>> = {
  created: 'audit.event.created',
  joined: 'audit.event.joined',
  snapshot: 'audit.event.snapshot',
  export: 'audit.event.export',
  import: 'audit.event.import',
  settings: 'audit.event.settings',
  'identity-number-removed': 'audit.event.identityNumberRemoved',
}

/** The message key of an event, or `null` for an event this client does not know. */
export function auditEventKey(event: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(EVENTS, event) ? EVENTS[event]! : null
}

/** A person id as the log shows it: enough to tell people apart, short enough to read. */
export function shortPerson(person: string | null): string | null {
  if (person === null) return null
  return person.length > 10 ? `${person.slice(0, 8)}…` : person
}

/** The facts of an entry as `name: value` pairs, in the server's order; values as plain text. */
export function auditFacts(entry: AuditEntry): { name: string; value: string }[] {
  if (entry.detail === null) return []
  const out: { name: string; value: string }[] = []
  for (const [name, v] of Object.entries(entry.detail)) {
    if (v === null || v === undefined) continue
    const value =
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)
    out.push({ name, value })
  }
  return out
}
