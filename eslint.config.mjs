// ESLint flat config. Its one job so far: src/core/index.ts is the core's only public entry.
// Nothing outside src/core (the CLI, the xlsx and Office adapters, Node helpers, Kolada, the
// pages, scripts) may import a core file other than the index – statically, as a re-export or
// through import(). Tests may reach inside the core, and the bench measures its internals.
// `npm run lint` runs it and `npm test` runs the lint; test/lint.test.ts proves the rule fires.
import tseslint from 'typescript-eslint';

/** A relative path into a core folder below src/core ("../core/x", "../../src/core/input/y", "./core/z"). */
const CORE_INTERNAL = '^\\.{1,2}/(\\.\\./)*(src/)?core/.+';
/** The same for an esquery selector, where a slash inside /…/ is escaped. */
const CORE_INTERNAL_SELECTOR = CORE_INTERNAL.replaceAll('/', '\\/');
const MESSAGE = 'Importera kärnan från src/core/index.ts (t.ex. "../core"), aldrig en fil inuti src/core.';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/.work/**', 'test/.out/**', 'test/fixtures/**', '**/*.js', '**/*.cjs'],
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // The sources carry eslint-disable comments for typescript-eslint rules not switched on here.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['src/**/*.ts', 'taskpane/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: CORE_INTERNAL, message: MESSAGE }] }],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression > Literal.source[value=/${CORE_INTERNAL_SELECTOR}/]`, message: MESSAGE },
        { selector: `CallExpression[callee.name='require'] > Literal[value=/${CORE_INTERNAL_SELECTOR}/]`, message: MESSAGE },
      ],
    },
  },
);
