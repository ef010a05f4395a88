// Files the API makes (CSV exports) need the bearer token, which a plain <a href> cannot send:
// they are fetched, then handed to the browser as a Blob behind an object URL.

/** The file name a Content-Disposition header suggests, preferring the RFC 6266 `filename*` form. */
export function filenameFromContentDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:[\w-]+)'[^']*'([^;]+)/i.exec(header)
  if (extended) {
    try {
      return safeName(decodeURIComponent(extended[1].trim()))
    } catch {
      // A malformed %-sequence: fall back to the plain form below.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header)
  if (!plain) return null
  return safeName((plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]).trim())
}

/** Keeps only the last path segment, so a header cannot steer where the file goes. */
function safeName(name: string): string | null {
  const base = name.split(/[\\/]/).pop()?.trim() ?? ''
  return base === '' ? null : base
}

/** How long an object URL outlives the click: some browsers read it after click() returns. */
const REVOKE_AFTER_MS = 10_000

/** Makes the browser save `blob` as `filename`, as a download link would. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}
