/**
 * The properties panel's logic without React: the colour palette, tag parsing, which organisations and
 * arenas an element may be put in, provenance sentences ("Added by Anna, meeting 2, 14 Oct 2021"), and
 * what several selected elements have in common.
 */
import {
  COLOR_PATTERN,
  ELEMENT_SPECS,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  ORGANISATION_KIND,
  type ElementData,
  type ElementType,
  type Provenance,
} from '@circleboard/shared'

/** A named colour of the palette (fills light enough for dark label text; names are message keys). */
export interface PaletteColor {
  readonly name:
    'yellow' | 'orange' | 'red' | 'pink' | 'purple' | 'blue' | 'teal' | 'green' | 'grey' | 'white'
  readonly hex: string
}

/** The palette offered for elements: light fills in distinguishable hues (names are read out, not only seen). */
export const PALETTE: readonly PaletteColor[] = [
  { name: 'yellow', hex: '#FFF3A6' },
  { name: 'orange', hex: '#FCE1C2' },
  { name: 'red', hex: '#F8D3CF' },
  { name: 'pink', hex: '#F6D5E8' },
  { name: 'purple', hex: '#E4DAF4' },
  { name: 'blue', hex: '#D6E6F7' },
  { name: 'teal', hex: '#CDEEEC' },
  { name: 'green', hex: '#D5F1D9' },
  { name: 'grey', hex: '#E3E5E8' },
  { name: 'white', hex: '#FFFFFF' },
]

/** The palette entry of a stored colour (case-insensitive), if it is one. */
export function paletteEntry(color: string | null): PaletteColor | null {
  if (color === null) return null
  return PALETTE.find((p) => p.hex.toLowerCase() === color.toLowerCase()) ?? null
}

/** A custom colour as typed: `#abc`, `abc123`, `#AABBCC`; `null` when it is not a colour the model takes. */
export function parseCustomColor(text: string): string | null {
  const t = text.trim()
  if (t === '') return null
  const hex = /^[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(t) ? `#${t}` : t
  return COLOR_PATTERN.test(hex) ? hex : null
}

/** A colour for `<input type="color">`, which only takes `#rrggbb`. */
export function toColorInput(color: string | null): string {
  if (color && /^#[0-9a-fA-F]{6}$/.test(color)) return color.toLowerCase()
  if (color && /^#[0-9a-fA-F]{3}$/.test(color))
    return `#${[...color.slice(1)].map((c) => c + c).join('')}`.toLowerCase()
  return '#ffffff'
}

/** Tags after adding `text` (comma-separated, trimmed, no duplicates, within the model's limits). */
export function addTags(current: readonly string[], text: string): string[] {
  const next = [...current]
  for (const raw of text.split(',')) {
    const tag = raw.trim().slice(0, MAX_TAG_LENGTH)
    if (tag !== '' && !next.includes(tag) && next.length < MAX_TAGS) next.push(tag)
  }
  return next
}

/** The organisation actors `e` may belong to (any but itself), by label. */
export function organisationChoices(elements: readonly ElementData[], id: string | null): ElementData[] {
  return elements
    .filter((o) => o.type === 'actor' && o.kind === ORGANISATION_KIND && o.id !== id)
    .sort((a, b) => a.label.localeCompare(b.label))
}

/** The arenas an element of `type` may sit in (none for an arena: arenas do not nest). */
export function arenaChoices(elements: readonly ElementData[], type: ElementType): ElementData[] {
  if (!ELEMENT_SPECS[type].canBeInArena) return []
  return elements.filter((a) => a.type === 'arena').sort((a, b) => a.label.localeCompare(b.label))
}

/** The type all of `elements` share, or `null` when they differ (or there are none). */
export function commonType(elements: readonly ElementData[]): ElementType | null {
  const first = elements[0]
  if (!first) return null
  return elements.every((e) => e.type === first.type) ? first.type : null
}

/** The parts of a provenance sentence, for the i18n layer to word. */
export interface ProvenanceParts {
  readonly who: string | null
  readonly meeting: number | null
  readonly at: number | null
}

/** Who added a record, in which meeting, when (names through `nameOf`, which knows the board's people). */
export function addedParts(p: Provenance, nameOf: (id: string) => string | null): ProvenanceParts {
  return { who: p.createdBy === null ? null : nameOf(p.createdBy), meeting: p.meeting, at: p.createdAt }
}

/** Who changed a record last, in which meeting, when; `null` when it was never changed after adding. */
export function changedParts(p: Provenance, nameOf: (id: string) => string | null): ProvenanceParts | null {
  if (p.updatedAt === null || (p.updatedAt === p.createdAt && p.updatedBy === p.createdBy)) return null
  return {
    who: p.updatedBy === null ? null : nameOf(p.updatedBy),
    meeting: p.updatedMeeting,
    at: p.updatedAt,
  }
}

/**
 * A provenance sentence: the lead ("Added by Anna" / "Added"), then the meeting and the date, comma-separated.
 * The words come from the caller (the i18n layer).
 */
export function provenanceSentence(
  parts: ProvenanceParts,
  words: {
    readonly lead: (who: string | null) => string
    readonly meeting: (n: number) => string
    readonly date: (at: number) => string
  },
): string {
  const out = [words.lead(parts.who)]
  if (parts.meeting !== null) out.push(words.meeting(parts.meeting))
  if (parts.at !== null) out.push(words.date(parts.at))
  return out.join(', ')
}
