/**
 * File names of downloads: `Content-Disposition: attachment` with an ASCII `filename` any client can
 * read (Swedish letters folded: "Samverkan for unga vuxna") and the exact name in RFC 5987 `filename*`
 * ("Samverkan för unga vuxna"), which browsers prefer.
 */

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g

/** The file name of a download: title, date (YYYY-MM-DD) and a suffix such as `-minutes.md`. */
export function downloadName(title: string, date: Date, suffix: string): { ascii: string; utf8: string } {
  const day = date.toISOString().slice(0, 10)
  const utf8Title =
    title
      .replace(UNSAFE, ' ')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/^[.-]+/, '')
      .slice(0, 80) || 'board'
  const asciiTitle =
    utf8Title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[.-]+|-+$/g, '') || 'board'
  return { ascii: `${asciiTitle}-${day}${suffix}`, utf8: `${utf8Title}-${day}${suffix}` }
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8, with the few characters encodeURIComponent leaves. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A `Content-Disposition: attachment` header value for a download. */
export function attachment(name: { ascii: string; utf8: string }): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${rfc5987(name.utf8)}`
}
