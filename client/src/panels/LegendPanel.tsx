/**
 * The legend: element types with their shape, colour and icon; kinds of actor, resource (operant and
 * operand) and value outcome with their icons; link kinds with their line style and line end. The model
 * is shared `legendEntries`, the pictures the visual language's primitives drawn as SVG, so the legend
 * matches the canvas and the exports. "Only what this board uses" narrows it to the board's content.
 */
import { useMemo, useState } from 'react'
import {
  ICONS,
  ICON_GRID,
  ICON_STROKE_WIDTH,
  legendEntries,
  type BoardData,
  type LegendEntry,
  type Primitive,
} from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { useBoardRevision } from './hooks.js'
import { SWATCH_H, SWATCH_W, swatchPrimitives } from './legendSwatch.js'

/** Primitives as SVG elements (paths and icons; legend swatches have no text). */
export function PrimitivesSvg({
  primitives,
  width,
  height,
}: {
  primitives: readonly Primitive[]
  width: number
  height: number
}) {
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {primitives.map((p, i) => {
        if (p.kind === 'path')
          return (
            <path
              key={i}
              d={p.d}
              fill={p.fill ?? 'none'}
              fillOpacity={p.fillOpacity}
              stroke={p.stroke ?? 'none'}
              strokeWidth={p.strokeWidth}
              strokeDasharray={p.dash.length > 0 ? p.dash.join(' ') : undefined}
              strokeLinecap={p.lineCap}
            />
          )
        if (p.kind === 'icon') {
          const k = p.size / ICON_GRID
          return (
            <path
              key={i}
              d={ICONS[p.icon]}
              transform={`translate(${p.x} ${p.y}) scale(${k})`}
              fill="none"
              stroke={p.color}
              strokeWidth={ICON_STROKE_WIDTH}
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          )
        }
        return null
      })}
    </svg>
  )
}

function entryKey(e: LegendEntry): string {
  switch (e.entry) {
    case 'type':
      return `type:${e.type}`
    case 'kind':
      return `kind:${e.type}:${e.kind}`
    case 'resource-class':
      return `class:${e.resourceClass}`
    case 'link':
      return `link:${e.linkKind}`
  }
}

/** The board's content as the legend needs it (no meetings, people or comments). */
function boardOf(model: ReturnType<typeof useBoardModel>): BoardData {
  return {
    meta: { schema: 0, title: '', template: null, createdAt: null, pseudonymous: false },
    elements: model.store.allElements(),
    links: model.store.allLinks(),
    meetings: [],
    people: [],
    invalid: [],
  }
}

/** The legend panel. */
export function LegendPanel() {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const [onlyUsed, setOnlyUsed] = useState(false)
  const revision = useBoardRevision()
  const sections = useMemo(
    () => legendEntries(lang, onlyUsed ? boardOf(model) : undefined),
    // The revision matters only when narrowed to the board's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, onlyUsed, model, onlyUsed ? revision : 0],
  )
  return (
    <div className="legend">
      <label className="check">
        <input type="checkbox" checked={onlyUsed} onChange={(e) => setOnlyUsed(e.target.checked)} />
        {t('legend.onlyUsed')}
      </label>
      {sections.map((s) => (
        <section key={s.title} className="legend-section">
          <h3>{s.title}</h3>
          <ul>
            {s.entries.map((e) => (
              <li key={entryKey(e)} className="legend-entry">
                <PrimitivesSvg primitives={swatchPrimitives(e)} width={SWATCH_W} height={SWATCH_H} />
                <span>{e.label}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
