import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next*/**", "node_modules/**", ".data/**", ".tools/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O clients.
    files: ["workflows/escalation-workflow.ts", "workflows/escalation-clock.ts", "workflows/messages.ts", "workflows/index.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "crypto", "http", "https", "net", "os", "child_process"], message: "Workflow code must be deterministic: no Node built-ins." },
            { group: ["pg", "drizzle-orm", "drizzle-orm/*", "~/db/*", "../db/*", "nodemailer"], message: "Workflow code must not do I/O; call an activity." },
          ],
        },
      ],
    },
  },
);
