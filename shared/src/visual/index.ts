/**
 * The board's visual language: one source for how the board looks on the Konva canvas, in the SVG export
 * and in the PDF export. Everything is decided here and handed to renderers as primitives (`primitives.ts`:
 * path, icon, text with its lines already broken), so a renderer translates and never lays out.
 *
 * Elements (board units; `elementDrawing`), each with its own outline, colour, icon and border:
 * - actor: rounded rectangle, blue; icon by kind (building, badge, person, two people, person with heart);
 * - resource: rectangle with a folded corner, orange; operant kinds solid border, operand kinds dashed;
 *   icon by kind (book, bulb, shield, nodes, banknote, clock, house, database, monitor, box);
 * - value outcome: ellipse, green; star-like icon by kind (star, medal, sun);
 * - note: square sticky note, yellow, lines icon, label top-left;
 * - barrier: octagon (stop sign), red, thick border, warning icon;
 * - arena: large translucent purple frame with an opaque title bar, drawn below everything else.
 * Links (`linkDrawing`): per kind a colour, width, dash and line end (`LINK_STYLES`), clipped at both
 * shapes' outlines, arrowheads as polygons, the label beside the middle of the line.
 * Colours are Okabe-Ito based and checked against WCAG (palette table in `palette.ts`); text is measured
 * with Helvetica's metrics (`text.ts`), so a label breaks into the same lines everywhere.
 * `VISUAL_STYLE_VERSION` changes whenever the look does.
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
export { LEGEND_TERMS, legendEntries, legendDrawing, legendSwatch } from './legend.js'
export type { LegendEntry, LegendSection, LegendDrawing, LegendOptions, SwatchBox } from './legend.js'
export { HIGHLIGHT_STYLES, elementHighlight, linkHighlight } from './highlight.js'
export type { HighlightState, HighlightStyle } from './highlight.js'
