/** A pack that cannot compile: `path` names the pack or rule and field (`rule ad-law-core/x.terms`). */
export class CompileError extends Error {
  constructor(message: string, readonly path: string) {
    super(`${path}: ${message}`);
  }
}
