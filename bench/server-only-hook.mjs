// Module hook for the bench process: the DAL starts with `import "server-only"`, which throws
// outside React Server Components. The bench calls the DAL only to capture the SQL it sends.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}
