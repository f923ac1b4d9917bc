// The grammars the line parser tries, most common first.
import type { Dialect } from './dialect.js';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';

export const DIALECTS: readonly Dialect[] = [racoon2Dialect];
