/** Exit codes (ESLint/ruff convention). */
export const EXIT_OK = 0;
/** Errors found, or more warnings than --max-warnings, or --fix left changes for pre-commit. */
export const EXIT_PROBLEMS = 1;
/** Usage, configuration, or input/output error. */
export const EXIT_USAGE = 2;
