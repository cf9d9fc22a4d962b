/**
 * An input the pipeline refuses. It names the file and, where there is one, the line, so that the
 * person who edits a CSV can go straight to the row that stopped the build.
 */
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `, line ${line}`}: ${reason}`);
    this.name = 'PipelineError';
  }
}
