/** Matching for the element picker: folded label search, best matches first (prefix before infix). */
import type { ElementData, Language } from '@circleboard/shared'
import { fold } from '../board/Filter.js'

/**
 * Elements whose label (or tag) contains `query`, case- and accent-insensitively, at most `limit`:
 * labels starting with the query first, then by label in `lang`'s collation. An empty query lists all.
 */
export function pickerMatches(
  elements: readonly ElementData[],
  query: string,
  lang: Language,
  exclude: ReadonlySet<string> | undefined,
  limit: number,
): ElementData[] {
  const q = fold(query.trim())
  const collator = new Intl.Collator(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    sensitivity: 'base',
    numeric: true,
  })
  const scored: { e: ElementData; rank: number }[] = []
  for (const e of elements) {
    if (exclude?.has(e.id)) continue
    if (q === '') {
      scored.push({ e, rank: 0 })
      continue
    }
    const label = fold(e.label)
    const at = label.indexOf(q)
    if (at === 0) scored.push({ e, rank: 0 })
    else if (at > 0) scored.push({ e, rank: 1 })
    else if (e.tags.some((tag) => fold(tag).includes(q))) scored.push({ e, rank: 2 })
  }
  scored.sort(
    (a, b) => a.rank - b.rank || collator.compare(a.e.label, b.e.label) || (a.e.id < b.e.id ? -1 : 1),
  )
  return scored.slice(0, limit).map((s) => s.e)
}
