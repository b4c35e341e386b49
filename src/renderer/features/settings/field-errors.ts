/**
 * Splits an `INVALID_INPUT` envelope message (`Invalid input for settings:update: maxActive: Too big; …`)
 * into a message per field. Parts that name no known field are returned under `''`.
 */
export function fieldErrors(message: string, fields: readonly string[]): Record<string, string> {
  const body = message.replace(/^Invalid input for [^:]+:[^:]+:\s*/, '')
  const errors: Record<string, string> = {}
  for (const part of body.split('; ')) {
    const match = /^([A-Za-z]+)(?:\.[^:]*)?: (.*)$/.exec(part)
    const field = match?.[1]
    if (match && field && fields.includes(field)) errors[field] = match[2] ?? part
    else errors[''] = errors[''] ? `${errors['']}; ${part}` : part
  }
  return errors
}
