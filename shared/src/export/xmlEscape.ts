/**
 * Escaping text for XML 1.0 (GraphML, SVG). Beyond the five markup characters, two things break real
 * parsers: characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF), which
 * labels pasted from Word or a terminal can contain, and line ends, which a parser normalises (CR LF to
 * LF in text; any whitespace to a space in attributes) unless they are written as character references.
 */

// Forbidden in XML 1.0: C0 controls except tab, LF, CR; U+FFFE, U+FFFF; surrogates not in a pair.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Replaces what XML 1.0 cannot hold with U+FFFD, so the loss is visible instead of silent. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD')
}

/** Text content of an element: `&`, `<`, `>` escaped, CR kept as `&#13;`. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** An attribute value in double quotes: markup, quotes and whitespace controls escaped. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
}
