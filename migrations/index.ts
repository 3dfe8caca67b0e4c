import { Foundation1764144000000 } from './1764144000000-foundation';

/** Every migration, oldest first. Listed explicitly so the bundled API carries them. */
export const MIGRATIONS = [Foundation1764144000000];
