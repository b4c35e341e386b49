import { UsageError } from './usage-error'

type Value = string | boolean | Array<string | boolean> | undefined

/** The parsed options and operands of one command, with typed, validated reads. */
export class CommandArgs {
  constructor(
    private readonly values: Record<string, Value>,
    readonly positionals: readonly string[],
  ) {}

  flag(name: string): boolean {
    return this.values[name] === true
  }

  string(name: string): string | undefined {
    const value = this.values[name]
    if (Array.isArray(value)) return this.strings(name).at(-1)
    return typeof value === 'string' ? value : undefined
  }

  strings(name: string): string[] {
    const value = this.values[name]
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
    return list.filter((item): item is string => typeof item === 'string')
  }

  /** An integer option within bounds, or undefined when absent. */
  int(name: string, min: number, max: number): number | undefined {
    const text = this.string(name)
    if (text === undefined) return undefined
    const value = Number(text)
    if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
      throw new UsageError(`--${name} takes a whole number from ${min} to ${max} (got "${text}").`)
    }
    return value
  }
}
