/** The streams the CLI writes to; tests pass their own. */
export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean | undefined };
  stderr: NodeJS.WritableStream & { isTTY?: boolean | undefined };
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * How a command reports: in human mode one `✓` line per finished step on stdout, and a spinner on
 * stderr while a step runs, only when stderr is a terminal; in `--json` mode nothing but the one
 * JSON document at the end.
 */
export class Reporter {
  readonly json: boolean;
  readonly #streams: Streams;
  readonly #spinner: boolean;
  #timer: NodeJS.Timeout | undefined;

  constructor(streams: Streams, json: boolean) {
    this.#streams = streams;
    this.json = json;
    this.#spinner = !json && streams.stderr.isTTY === true;
  }

  /** A step starts: shows the spinner with `text` on a terminal, nothing otherwise. */
  begin(text: string): void {
    if (!this.#spinner) return;
    this.#clear();
    let frame = 0;
    const draw = () => {
      this.#streams.stderr.write(`\r\x1b[2K${frames[frame % frames.length]} ${text}`);
      frame += 1;
    };
    draw();
    this.#timer = setInterval(draw, 80);
  }

  /** A step finished. */
  step(text: string): void {
    this.#clear();
    if (!this.json) this.#streams.stdout.write(`  ✓ ${text}\n`);
  }

  /** A plain line of human output (skipped in JSON mode). */
  line(text: string): void {
    this.#clear();
    if (!this.json) this.#streams.stdout.write(`${text}\n`);
  }

  /** A note for the person at the terminal that must not pollute stdout in JSON mode. */
  notice(text: string): void {
    this.#clear();
    (this.json ? this.#streams.stderr : this.#streams.stdout).write(`${text}\n`);
  }

  /** The command's result: the JSON document in JSON mode. */
  result(document: unknown): void {
    this.#clear();
    if (this.json) this.#streams.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }

  /** Stops the spinner, if any. */
  stop(): void {
    this.#clear();
  }

  #clear(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#streams.stderr.write('\r\x1b[2K');
  }
}
