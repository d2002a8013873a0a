// Types for nunjucks' AST transformer, an internal module @types/nunjucks does not describe (a touch point:
// see nunjucks-internals.ts).
declare module "nunjucks/src/transformer.js" {
  // Rewrites an AST: lifts async filters and `super()` calls; returns the new root.
  export function transform(ast: unknown, asyncFilters: string[]): unknown;
  const transformer: { transform: typeof transform };
  export default transformer;
}
