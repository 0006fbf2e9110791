/**
 * Changes between snapshots in words, in English and Swedish: "moved", "relabelled from “A” to “B”",
 * "retyped from resource to actor". Used by the minutes and by any UI that lists a diff. Type, kind and
 * link kind names come from i18n/terms.ts; the sentence frames are here, the only place that needs them.
 * Labels pass through `quote`, so a Markdown writer can escape them and a UI can bold them.
 */
import type { BoardData, ElementData, ElementType, LinkData } from '../model/types.js'
import { ELEMENT_TYPE_NAMES, LINK_KIND_NAMES, kindName, type Language } from '../i18n/terms.js'
import type { ElementChange, ElementFieldChange, LinkChange, LinkFieldChange } from './compare.js'

/** How to put a change into words. */
export interface DescribeOptions {
  readonly lang: Language
  /** The earlier board: resolves ids of old values (a former organisation, a former link end). */
  readonly before?: BoardData | null
  /** The later board: resolves ids of new values. */
  readonly after?: BoardData | null
  /** How a label is shown; defaults to the language's quotation marks. */
  readonly quote?: (label: string) => string
}

type Phrase = (a: string, b: string) => string

interface Words {
  readonly open: string
  readonly close: string
  readonly moved: string
  readonly resized: string
  readonly relabelled: Phrase
  readonly retyped: Phrase
  readonly kind: Phrase
  readonly orgSet: Phrase
  readonly orgRemoved: Phrase
  readonly orgChanged: Phrase
  readonly arenaSet: Phrase
  readonly arenaRemoved: Phrase
  readonly arenaChanged: Phrase
  readonly colour: string
  readonly tagsAdded: (tags: string) => string
  readonly tagsRemoved: (tags: string) => string
  readonly stacking: string
  readonly extra: string
  readonly provenance: (field: string, a: string, b: string) => string
  readonly start: Phrase
  readonly end: Phrase
  readonly linkKind: Phrase
  readonly labelSet: Phrase
  readonly labelRemoved: Phrase
  readonly labelChanged: Phrase
  readonly nothing: string
}

const WORDS: Readonly<Record<Language, Words>> = {
  en: {
    open: '“',
    close: '”',
    moved: 'moved',
    resized: 'resized',
    relabelled: (a, b) => `relabelled from ${a} to ${b}`,
    retyped: (a, b) => `retyped from ${a} to ${b}`,
    kind: (a, b) => `kind changed from ${a} to ${b}`,
    orgSet: (_a, b) => `now belongs to ${b}`,
    orgRemoved: (a) => `no longer belongs to ${a}`,
    orgChanged: (a, b) => `organisation changed from ${a} to ${b}`,
    arenaSet: (_a, b) => `placed in the arena ${b}`,
    arenaRemoved: (a) => `taken out of the arena ${a}`,
    arenaChanged: (a, b) => `moved from the arena ${a} to ${b}`,
    colour: 'colour changed',
    tagsAdded: (t) => `tagged ${t}`,
    tagsRemoved: (t) => `tags removed: ${t}`,
    stacking: 'stacking order changed',
    extra: 'other fields changed',
    provenance: (f, a, b) => `${f} changed from ${a} to ${b}`,
    start: (a, b) => `start reconnected from ${a} to ${b}`,
    end: (a, b) => `end reconnected from ${a} to ${b}`,
    linkKind: (a, b) => `changed from “${a}” to “${b}”`,
    labelSet: (_a, b) => `labelled ${b}`,
    labelRemoved: (a) => `label ${a} removed`,
    labelChanged: (a, b) => `label changed from ${a} to ${b}`,
    nothing: 'none',
  },
  sv: {
    open: '”',
    close: '”',
    moved: 'flyttad',
    resized: 'storlek ändrad',
    relabelled: (a, b) => `etiketten ändrad från ${a} till ${b}`,
    retyped: (a, b) => `typ ändrad från ${a} till ${b}`,
    kind: (a, b) => `slag ändrat från ${a} till ${b}`,
    orgSet: (_a, b) => `hör nu till ${b}`,
    orgRemoved: (a) => `hör inte längre till ${a}`,
    orgChanged: (a, b) => `organisation ändrad från ${a} till ${b}`,
    arenaSet: (_a, b) => `placerad i arenan ${b}`,
    arenaRemoved: (a) => `flyttad ut ur arenan ${a}`,
    arenaChanged: (a, b) => `flyttad från arenan ${a} till ${b}`,
    colour: 'färg ändrad',
    tagsAdded: (t) => `taggad ${t}`,
    tagsRemoved: (t) => `taggar borttagna: ${t}`,
    stacking: 'ordning i djupled ändrad',
    extra: 'andra fält ändrade',
    provenance: (f, a, b) => `${f} ändrat från ${a} till ${b}`,
    start: (a, b) => `startpunkten kopplad om från ${a} till ${b}`,
    end: (a, b) => `slutpunkten kopplad om från ${a} till ${b}`,
    linkKind: (a, b) => `ändrad från ”${a}” till ”${b}”`,
    labelSet: (_a, b) => `fick etiketten ${b}`,
    labelRemoved: (a) => `etiketten ${a} borttagen`,
    labelChanged: (a, b) => `etiketten ändrad från ${a} till ${b}`,
    nothing: 'inget',
  },
}

/** An element type in running text ("value outcome", "aktör"). */
export function typeWord(lang: Language, type: ElementType): string {
  return ELEMENT_TYPE_NAMES[lang][type].one.toLocaleLowerCase(lang)
}

function quoter(options: DescribeOptions): (label: string) => string {
  const w = WORDS[options.lang]
  return options.quote ?? ((label) => `${w.open}${label}${w.close}`)
}

/** Resolves an element id to its label: in the preferred board first, then the other, else the id. */
function labelOf(
  id: string,
  prefer: BoardData | null | undefined,
  other: BoardData | null | undefined,
): string {
  return (
    prefer?.elements.find((e) => e.id === id)?.label ?? other?.elements.find((e) => e.id === id)?.label ?? id
  )
}

/** Pairs a before/after reference change with the set / removed / changed phrases. */
function reference(
  a: string | null,
  b: string | null,
  set: Phrase,
  removed: Phrase,
  changed: Phrase,
  o: DescribeOptions,
) {
  const q = quoter(o)
  const old = a === null ? '' : q(labelOf(a, o.before, o.after))
  const now = b === null ? '' : q(labelOf(b, o.after, o.before))
  return a === null ? set(old, now) : b === null ? removed(old, now) : changed(old, now)
}

function showValue(value: unknown, lang: Language): string {
  return value === null || value === undefined ? WORDS[lang].nothing : String(value)
}

/**
 * One changed field of an element, in words. `element` (the record before and after) lets a kind be named
 * within its type: a value outcome's `organization` reads "for an organisation", an actor's "organisation".
 */
export function describeElementFieldChange(
  change: ElementFieldChange,
  options: DescribeOptions,
  element?: { readonly before: ElementData; readonly after: ElementData },
): string {
  const { lang } = options
  const w = WORDS[lang]
  const q = quoter(options)
  switch (change.field) {
    case 'type':
      return w.retyped(typeWord(lang, change.before), typeWord(lang, change.after))
    case 'kind': {
      const name = (type: ElementType | undefined, kind: string): string =>
        kindName(lang, type ?? 'actor', kind).toLocaleLowerCase(lang)
      return w.kind(name(element?.before.type, change.before), name(element?.after.type, change.after))
    }
    case 'label':
      return w.relabelled(q(change.before), q(change.after))
    case 'position':
      return w.moved
    case 'size':
      return w.resized
    case 'org':
      return reference(change.before, change.after, w.orgSet, w.orgRemoved, w.orgChanged, options)
    case 'arena':
      return reference(change.before, change.after, w.arenaSet, w.arenaRemoved, w.arenaChanged, options)
    case 'color':
      return w.colour
    case 'tags':
      return [
        ...(change.added.length > 0 ? [w.tagsAdded(change.added.map(q).join(', '))] : []),
        ...(change.removed.length > 0 ? [w.tagsRemoved(change.removed.map(q).join(', '))] : []),
      ].join('; ')
    case 'z':
      return w.stacking
    case 'extra':
      return w.extra
    default:
      return w.provenance(change.field, showValue(change.before, lang), showValue(change.after, lang))
  }
}

/** One changed field of a link, in words. */
export function describeLinkFieldChange(change: LinkFieldChange, options: DescribeOptions): string {
  const { lang } = options
  const w = WORDS[lang]
  const q = quoter(options)
  switch (change.field) {
    case 'from':
    case 'to': {
      const phrase = change.field === 'from' ? w.start : w.end
      return phrase(
        q(labelOf(change.before, options.before, options.after)),
        q(labelOf(change.after, options.after, options.before)),
      )
    }
    case 'kind':
      return w.linkKind(LINK_KIND_NAMES[lang][change.before].verb, LINK_KIND_NAMES[lang][change.after].verb)
    case 'label':
      return change.before === ''
        ? w.labelSet('', q(change.after))
        : change.after === ''
          ? w.labelRemoved(q(change.before), '')
          : w.labelChanged(q(change.before), q(change.after))
    case 'extra':
      return w.extra
    default:
      return w.provenance(change.field, showValue(change.before, lang), showValue(change.after, lang))
  }
}

/** An element as a noun phrase: `Resource “Funding”`. */
export function describeElement(element: ElementData, options: DescribeOptions): string {
  return `${ELEMENT_TYPE_NAMES[options.lang][element.type].one} ${quoter(options)(element.label)}`
}

/** A link as a sentence: `“Municipality” provides “Social assistance”`, labels resolved in `board`. */
export function describeLink(
  link: LinkData,
  board: BoardData | null | undefined,
  options: DescribeOptions,
): string {
  const q = quoter(options)
  const from = labelOf(link.from, board, null)
  const to = labelOf(link.to, board, null)
  return `${q(from)} ${LINK_KIND_NAMES[options.lang][link.kind].verb} ${q(to)}`
}

/** A changed element with all its changes: `Resource “B”: relabelled from “A” to “B”, moved`. */
export function describeElementChange(change: ElementChange, options: DescribeOptions): string {
  const fields = change.changes.map((c) => describeElementFieldChange(c, options, change))
  return `${describeElement(change.after, options)}: ${fields.join(', ')}`
}

/** A changed link with all its changes, named as it reads now. */
export function describeLinkChange(change: LinkChange, options: DescribeOptions): string {
  const fields = change.changes.map((c) => describeLinkFieldChange(c, options))
  return `${describeLink(change.after, options.after, options)}: ${fields.join(', ')}`
}
