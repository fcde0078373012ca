// The analyzer writes package.json#customElements by default; that field is set by hand (custom-elements.json at
// the package root) so that no test or build writes to a tracked file.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/messages/**'],
  litelement: true,
  packagejson: false,
};
