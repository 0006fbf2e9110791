/**
 * The board's visual language: one source for how actors, resources, value outcomes, notes, barriers,
 * arenas and links look on the Konva canvas, in the SVG export and in the PDF export. Shapes, colours,
 * icons, line styles, text layout and geometry are decided here and handed to renderers as primitives
 * (`primitives.ts`), so a board looks the same on screen, in SVG and in PDF. The palette and the reasons
 * behind it are at the top of `palette.ts`; `VISUAL_STYLE_VERSION` changes whenever the look does.
 */
export {
  VISUAL_STYLE_VERSION,
  TEXT_COLOR,
  TEXT_COLOR_ON_DARK,
  BACKGROUND_COLOR,
  MUTED_COLOR,
  ELEMENT_STYLES,
  ARENA_TITLE_FILL,
  RESOURCE_CLASS_DASH,
  resourceClass,
  elementStyle,
  parseColor,
  toHex,
  relativeLuminance,
  contrastRatio,
  readableTextColor,
  blend,
} from './palette.js'
export type { ShapeStyle, ResourceClass, Rgba } from './palette.js'
export { ICON_STROKE_WIDTH, ICON_GRID, ICONS, iconFor } from './icons.js'
export type { IconName } from './icons.js'
export { pathPrimitive, num, polygonPath, polylinePath, offsetPath } from './primitives.js'
export type {
  PathPrimitive,
  IconPrimitive,
  TextLine,
  TextPrimitive,
  Primitive,
  Point,
  Box,
} from './primitives.js'
export {
  resourceFold,
  barrierCut,
  elementOutline,
  outlinePath,
  ellipsePath,
  roundRectPath,
  clipToOutline,
  outlineContains,
  contentBox,
} from './shapes.js'
export type { RoundRectOutline, EllipseOutline, PolygonOutline, Outline } from './shapes.js'
export {
  LINE_HEIGHT,
  BASELINE_OFFSET,
  ELLIPSIS,
  hasStandardGlyph,
  charAdvance,
  visibleText,
  measureText,
  wrapText,
  ellipsize,
} from './text.js'
export type { WrapOptions, WrappedText } from './text.js'
export { textBlock } from './textBlock.js'
export type { TextBlockOptions } from './textBlock.js'
export { ELEMENT_FONTS, arenaTitleHeight, elementTitle, elementDrawing } from './elements.js'
export type { ElementLook, DrawOptions, ElementDrawing } from './elements.js'
export {
  ARROWHEAD_KINDS,
  LINK_STYLES,
  LINK_LABEL_FONT,
  LINK_LABEL_MAX_WIDTH,
  arrowheadSize,
  arrowheadPoints,
  arrowheadPrimitive,
  borderPoint,
  linkDrawing,
} from './links.js'
export type { ArrowheadKind, LinkStyle, LinkDrawing, LinkLook } from './links.js'
export {
  BOUNDS_MARGIN,
  compareZ,
  drawableElements,
  drawableLinks,
  boardBounds,
  boxesBounds,
  fitTransform,
  boardScene,
} from './scene.js'
export type { Transform, BoardScene } from './scene.js'
export { LEGEND_TERMS, legendEntries, legendDrawing } from './legend.js'
export type { LegendEntry, LegendSection, LegendDrawing, LegendOptions } from './legend.js'
export { HIGHLIGHT_STYLES, elementHighlight, linkHighlight } from './highlight.js'
export type { HighlightState, HighlightStyle } from './highlight.js'
