// The bounds a rule file must stay within, in one place: the reader refuses a file over the size
// unread, the loader stops listing problems and refuses nesting past the depth. Kept apart from
// load.ts so that reading rule files does not load YAML and zod.

/** A rule file is a page of YAML: larger is refused unread (10 MB of conditions took 27 s, 925 MB). */
export const MAX_RULE_FILE_BYTES = 256 * 1024;
/** Problems listed per rule file; the rest are counted in one closing problem. */
export const MAX_RULE_PROBLEMS = 100;
/** Nesting of a rule's YAML (conditions in `all`/`any`/`not`, …) beyond which it is refused. */
export const MAX_RULE_DEPTH = 32;
