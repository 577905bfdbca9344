/** The value of the Prometheus sample `name` whose labels include all of `labels` (0 when absent). */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const open = line.indexOf('{');
    const close = line.lastIndexOf('}');
    const labelText = open >= 0 && open < close ? line.slice(open + 1, close) : '';
    const found: Record<string, string> = {};
    for (const match of labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) found[match[1]] = match[2];
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(line.slice((close >= 0 ? close : line.indexOf(' ')) + 1).trim());
    }
  }
  return 0;
}
