import type { CliIo } from './cli-io'

/**
 * What a command says: human lines on stdout (not in `--json` mode), notes and errors on stderr, and
 * in `--json` mode exactly one JSON document on stdout.
 */
export class CliOutput {
  #documents = 0

  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** Whether progress bars may be drawn: a terminal, and not `--json`. */
  get interactive(): boolean {
    return !this.json && this.io.stdout.isTTY === true
  }

  /** A line of the human output (dropped in `--json` mode). */
  line(text: string): void {
    if (!this.json) this.io.stdout.write(`${text}\n`)
  }

  /** A remark for whoever watches (stderr, so it never mixes with the output scripts read). */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`)
  }

  error(code: string, message: string): void {
    this.io.stderr.write(`error ${code}: ${message}\n`)
  }

  /** The command's one JSON document (only in `--json` mode; later calls are ignored). */
  document(value: unknown): void {
    if (!this.json || this.#documents++ > 0) return
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }
}
