import { StagingRefusalError } from './staging-refusal'

/** Most file systems' limit for one name, in bytes. */
const MAX_NAME_BYTES = 255

/**
 * The file name of `PUT /staging/<name>` (URL-encoded): one plain name, kept as the uploaded file's name,
 * never a path. Refused: empty, `.`/`..`, slashes, control characters, over 255 bytes.
 */
export function stagedName(encoded: string): string {
  let name: string
  try {
    name = decodeURIComponent(encoded)
  } catch (error) {
    throw new StagingRefusalError(400, 'STAGING_BAD_NAME', 'The file name is not correctly encoded.', {
      cause: error,
    })
  }
  if (name.trim() === '' || name === '.' || name === '..')
    throw new StagingRefusalError(400, 'STAGING_BAD_NAME', 'Give the file a name.')
  if (/[/\\]/.test(name))
    throw new StagingRefusalError(400, 'STAGING_BAD_NAME', `"${name}" is a path; send a file name only.`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new StagingRefusalError(400, 'STAGING_BAD_NAME', 'A file name cannot contain control characters.')
  if (Buffer.byteLength(name) > MAX_NAME_BYTES)
    throw new StagingRefusalError(400, 'STAGING_BAD_NAME', `"${name}" is longer than 255 bytes.`)
  return name
}
