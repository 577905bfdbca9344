// Names of machine code by address, for the experiments that read V8's own records of the code it
// compiled (ic-census: --log-ic's code-creation events; instructions-ab: --perf-basic-prof's map).

/**
 * A lookup over `[start, end, name]` ranges (end exclusive): the name of the range holding an
 * address, or undefined. The ranges are sorted here; overlapping ones are not expected.
 */
export function rangeLookup(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  return (address) => {
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end, name] = sorted[middle];
      if (address < start) high = middle - 1;
      else if (address >= end) low = middle + 1;
      else return name;
    }
    return undefined;
  };
}
