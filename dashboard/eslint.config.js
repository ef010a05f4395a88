// The dashboard's lint: TypeScript, React and hooks rules, and the structure (bulletproof-react): a feature never
// imports another feature, and shared code (components, hooks, lib) imports no feature; the app composes them.
// Production code imports no test code (fixtures, the fake API), so none of it can reach the build.
import js from '@eslint/js'
import globals from 'globals'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const FEATURES = ['account', 'alerts', 'analytics', 'api-keys', 'auth', 'rate-limits']

/** Test code: the tests themselves, their fixtures (next to them in `__fixtures__`) and the helpers in src/testing. */
const TEST_CODE = ['**/*.test.{ts,tsx}', '**/__fixtures__/**', 'src/testing/**']

// Each restriction is a no-restricted-imports pattern. ESLint does not merge a rule's options across config
// objects (the last one wins), so every part of src gets all of its restrictions in one list.
const parentPaths = {
  regex: '^\\.\\./',
  message: 'Import through the @/ alias: a relative path out of the folder can cross a feature boundary unseen.',
}
const theApp = { group: ['@/app/**'], message: 'Only the app imports the app: it composes everything else.' }
const otherFeatures = (feature) => ({
  group: FEATURES.filter((other) => other !== feature).map((other) => `@/features/${other}/**`),
  message: 'Features do not import each other: compose them in src/app, or move what both need to shared code.',
})
const anyFeature = { group: ['@/features/**'], message: 'Shared code imports no feature.' }
const testCode = {
  group: ['@/testing/**', '**/__fixtures__/**'],
  message: 'Production code imports no fixtures or test helpers: they must not reach the build.',
}

const AREAS = [
  { files: ['src/main.tsx', 'src/app/**/*.{ts,tsx}'], restrictions: [parentPaths] },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    restrictions: [parentPaths, theApp, otherFeatures(feature)],
  })),
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/hooks/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    restrictions: [parentPaths, theApp, anyFeature],
  },
  // The test helpers render the whole app, so they may import anything.
  { files: ['src/testing/**/*.{ts,tsx}'], restrictions: [parentPaths] },
]

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Production code in each area: its structure rules, and no test code.
  ...AREAS.map(({ files, restrictions }) => ({ files, ignores: TEST_CODE, rules: restrict([...restrictions, testCode]) })),
  // Test code in each area keeps the structure rules (a feature's tests and fixtures stay inside the feature).
  ...AREAS.map(({ files, restrictions }) => ({
    files: files.flatMap((area) => TEST_CODE.map((test) => [area, test])),
    rules: restrict(restrictions),
  })),
  {
    files: ['*.config.{js,ts}', 'vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
)
