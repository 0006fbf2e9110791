/**
 * Presence colours: each person's cursor, selection outline and avatar. People in the room at the same
 * time should differ, so a colour is *assigned* against the others present rather than only hashed from
 * the person id (a hash over 12 colours gives two of 5 people the same colour 60 % of the time).
 *
 * Every browser runs the same deterministic assignment over what presence shows (each person's id, join
 * time and current colour) and applies only its own result:
 * - people are taken in order of priority: who joined first (server clock), then the smaller id;
 * - each keeps their current colour if no colour is less used among those before them; otherwise they
 *   take the least used one, looking from a start point hashed from their id (so a person tends to get
 *   the same colour each time).
 * Nobody's colour depends on anyone after them, so a newcomer never recolours those already here, and
 * two people who picked the same colour at the same moment settle it in one round: the later joiner
 * moves. Beyond 12 people colours repeat, spread as evenly as they can be.
 */

/** Presence colours, all readable with white text (contrast 4.5:1 or more) and distinct side by side. */
export const PRESENCE_PALETTE: readonly string[] = [
  '#1f5fbf',
  '#c62828',
  '#2e7d32',
  '#6a1b9a',
  '#c43e00',
  '#00695c',
  '#ad1457',
  '#283593',
  '#827717',
  '#4e342e',
  '#00838f',
  '#37474f',
]

/** What a person shows in presence that colour choice looks at. */
export interface ColorClaim {
  readonly id: string
  /** When they joined (server clock, ms): earlier joiners keep their colour. */
  readonly since: number
  readonly color: string | null
}

/** A stable index in the palette for a person id. */
export function preferredIndex(id: string, size = PRESENCE_PALETTE.length): number {
  let h = 2166136261
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 16777619) >>> 0
  }
  return h % size
}

/** True when `a` keeps a colour that `b` shows too. */
export function hasPriority(a: ColorClaim, b: ColorClaim): boolean {
  if (a.since !== b.since) return a.since < b.since
  return a.id < b.id
}

/** The colour of everyone in `people`, by the rule above. */
export function assignColors(
  people: readonly ColorClaim[],
  palette: readonly string[] = PRESENCE_PALETTE,
): Map<string, string> {
  const counts = new Map<string, number>(palette.map((c) => [c, 0]))
  const out = new Map<string, string>()
  const ordered = [...people].sort((a, b) => (hasPriority(a, b) ? -1 : hasPriority(b, a) ? 1 : 0))
  for (const p of ordered) {
    if (out.has(p.id)) continue
    const least = Math.min(...counts.values())
    let color: string | null = p.color !== null && counts.get(p.color) === least ? p.color : null
    if (color === null) {
      const start = preferredIndex(p.id, palette.length)
      for (let i = 0; i < palette.length && color === null; i++) {
        const c = palette[(start + i) % palette.length] as string
        if (counts.get(c) === least) color = c
      }
    }
    const chosen = color ?? (palette[0] as string)
    counts.set(chosen, (counts.get(chosen) ?? 0) + 1)
    out.set(p.id, chosen)
  }
  return out
}

/** The colour `me` should show, given what `others` show now. */
export function chooseColor(
  me: ColorClaim,
  others: readonly ColorClaim[],
  palette: readonly string[] = PRESENCE_PALETTE,
): string {
  const all = [me, ...others.filter((o) => o.id !== me.id)]
  return assignColors(all, palette).get(me.id) ?? (palette[0] as string)
}
