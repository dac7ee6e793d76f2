import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  { files: ['bin/**/*.js'], languageOptions: { globals: { console: 'readonly', process: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The coder core must stay pure: no I/O, no clock.
    },
  },
  {
    files: ['src/coder/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'better-sqlite3', 'pg'], message: 'The coder core is pure: no I/O.' },
            { group: ['**/store/**', '**/cli/**', '**/server/**', '**/ingest/**'], message: 'The coder core knows nothing of outer layers.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the coder core: dates come from the article.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'No clock in the coder core.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'The coder core is deterministic.' },
      ],
    },
  },
);
