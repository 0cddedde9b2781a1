// ESLint keeps one architectural rule, not a style guide: the client reaches the language service only
// through its public entries. typescript-eslint is here for its parser (TypeScript syntax), not its rule sets.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// What client/src may import from server/src, by module path:
// - service (server/src/service/index.ts): the service's public entry;
// - service/render: the renderer, imported apart because esbuild.mjs bundles it apart into dist/render.js
//   (loaded at the first preview or export, not at activation), so it cannot come through index.ts;
// - protocol/commandProtocol: the command ids and types the client and the server share;
// - server: main.ts starts the language server from the same bundle (client/src/main.ts says why).
const SERVER_INTERNALS = '^(\\.\\./)+server/src/(?!(service|service/render|protocol/commandProtocol|server)$)';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', '.e2e/**'] },
  {
    files: ['client/src/**/*.ts', 'server/src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: SERVER_INTERNALS,
          message: 'The client imports the service only through server/src/service (index.ts), server/src/service/render or server/src/protocol/commandProtocol: export what it needs from server/src/service/index.ts.',
        }],
      }],
    },
  },
);
