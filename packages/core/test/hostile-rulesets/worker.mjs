// Worker-thread entry of the hostile-ruleset corpus: loads the TypeScript sources through tsx, then the case runner.
import { register } from 'tsx/esm/api';

register();
await import('./run-case.ts');
