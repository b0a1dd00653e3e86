// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "coverage/", "data/"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file gets the types of its nearest tsconfig.json (test/ has its own); the two
        // configuration files at the top belong to none.
        projectService: { allowDefaultProject: ["eslint.config.js", "vitest.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `async` without `await` is how a promise-returning interface is implemented (a throw
      // still becomes a rejection); what matters, promises left unhandled, has its own rules.
      "@typescript-eslint/require-await": "off",
      // `const { field: _, ...rest } = value` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
      // Passing on what was caught, whatever it is, is not making up a non-Error reason.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
    },
  },
  {
    // Migrations take `Kysely<any>` so that they stay frozen in time, whatever the tables become.
    files: ["migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Tests read the Bot API calls the bot made back as JSON and check them with assertions:
    // typing every payload would add noise, not safety.
    files: ["test/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // The sandbox's web page: a plain script run by the browser, with no types to check.
    files: ["src/sandbox/web/**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: "script",
      globals: Object.fromEntries(
        ["document", "fetch", "localStorage", "navigator", "setTimeout", "setInterval", "AbortController"].map((name) => [name, "readonly"]),
      ),
    },
  },
);
