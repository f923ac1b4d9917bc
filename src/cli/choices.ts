// The values report flags and team config files accept: one list each, read by both.
export const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
