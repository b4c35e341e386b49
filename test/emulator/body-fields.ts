import { badRequest } from './api-error'

export type JsonBody = Record<string, unknown>

/** An integer field (JSON number or numeric string); `fallback` when absent. */
export function intField(body: JsonBody, name: string, fallback: number): number {
  const value = body[name]
  if (value === undefined || value === null || value === '') return fallback
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  if (!Number.isInteger(number)) throw badRequest(`Invalid ${name}`, 2)
  return number
}

/** A 0/1 flag (numbers, numeric strings and booleans accepted). */
export function flagField(body: JsonBody, name: string): number {
  const value = body[name]
  if (value === true) return 1
  if (value === false || value === undefined || value === null) return 0
  return intField(body, name, 0) ? 1 : 0
}

export function stringField(body: JsonBody, name: string): string | undefined {
  const value = body[name]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  throw badRequest(`Invalid ${name}`, 2)
}

export function stringList(body: JsonBody, name: string): string[] {
  const value = body[name]
  if (value === undefined || value === null) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[]
  throw badRequest(`Invalid ${name}`, 2)
}
