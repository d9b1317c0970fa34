/** JSON paths written as core writes them in its issues: `criteria[3].indicators[0].test.target.byRegion.dbsh`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
