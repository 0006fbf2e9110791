/**
 * Who this browser is on a board: a stable pseudonymous person id and a display name, remembered per
 * browser, and the colour presence uses. (Picking a name on first join comes with the facilitation work.)
 */
const ID_KEY = 'circleboard.personId'
const NAME_KEY = 'circleboard.name'

/** Colours for presence: distinct for neighbours, readable with white text. */
export const PRESENCE_COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
]

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9))
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 16)
}

/** This browser's person id (created on first use). */
export function personId(): string {
  try {
    let id = localStorage.getItem(ID_KEY)
    if (!id) {
      id = randomId()
      localStorage.setItem(ID_KEY, id)
    }
    return id
  } catch {
    return randomId()
  }
}

/** The remembered display name, or a generated one ("Guest 123", remembered from then on). */
export function displayName(guestWord: string): string {
  try {
    const stored = localStorage.getItem(NAME_KEY)
    if (stored) return stored
    const generated = `${guestWord} ${100 + Math.floor(Math.random() * 900)}`
    localStorage.setItem(NAME_KEY, generated)
    return generated
  } catch {
    return guestWord
  }
}

/** Remembers a display name chosen by the person. */
export function setDisplayName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name)
  } catch {
    // not remembered
  }
}

/** A presence colour for a person id, stable across sessions. */
export function colorFor(id: string): string {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return PRESENCE_COLORS[h % PRESENCE_COLORS.length] as string
}
