// Removes the previous build (both tsup configs write under dist/, so neither may clean it alone).
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
