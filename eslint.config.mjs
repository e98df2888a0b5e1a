// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/.turbo/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
      // The plan's fixture programs are projects' own code, some with errors on purpose.
      "packages/plan/test/fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The classic Pulumi bug: `${output}` or String(output) renders
      // "Calling [toString] on an [Output<T>] is not supported" into a resource name
      // or a policy document. Only primitives may be interpolated; use pulumi.interpolate.
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowAny: false, allowNever: false },
      ],
      "@typescript-eslint/no-base-to-string": "error",
      "@typescript-eslint/restrict-plus-operands": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
    },
  },
  {
    // The repository's own tests and their vitest configs: the program of test/tsconfig.json (what
    // typecheck-all.mjs type-checks), as no tsconfig.json sits beside the root configs for the project
    // service to find. They get the rules above: a package's test rules for test/**, the full set for the
    // two configs. test/fixtures is in no such program (each test checks its fixtures with their own).
    files: ["test/**/*.ts", "vitest.repo.config.mts", "vitest.engine.config.mts"],
    ignores: ["test/fixtures/**"],
    languageOptions: {
      parserOptions: { projectService: false, project: "./test/tsconfig.json" },
    },
  },
);
