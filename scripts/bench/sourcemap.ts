/**
 * Source map lookup (version 3, as Vite writes them): a position in a bundle
 * to the file and line of the source it came from, so a profile names
 * `entrypoints/content/text-walker.ts:120` rather than a bundle offset.
 */

export interface RawSourceMap {
  version: number;
  sources: string[];
  names?: string[];
  mappings: string;
  sourceRoot?: string;
}

export interface SourcePosition {
  /** Repository-relative where it can be told (leading ../ and bundler prefixes dropped). */
  source: string;
  /** 1-based. */
  line: number;
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Base64 VLQ values of one segment. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = DIGIT.get(c);
    if (digit === undefined) throw new Error(`bad source map character ${c}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** [generated column, source index, source line, source column] per segment, per generated line. */
function decodeMappings(mappings: string): number[][][] {
  const lines: number[][][] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: number[][] = [];
    let column = 0;
    for (const raw of line ? line.split(',') : []) {
      const v = decodeSegment(raw);
      column += v[0];
      if (v.length < 4) continue; // a segment that maps to no source
      source += v[1];
      sourceLine += v[2];
      sourceColumn += v[3];
      segments.push([column, source, sourceLine, sourceColumn]);
    }
    lines.push(segments);
  }
  return lines;
}

function cleanSource(path: string): string {
  return path.replace(/^(?:webpack|vite):\/\/\/?/, '').replace(/^(?:\.\.?\/)+/, '').replace(/^\/@fs\//, '/');
}

/** A lookup of 0-based bundle positions (as V8 profiles give them). */
export function sourceMapLookup(map: RawSourceMap): (line: number, column: number) => SourcePosition | null {
  const lines = decodeMappings(map.mappings);
  const sources = map.sources.map((s) => cleanSource(`${map.sourceRoot ?? ''}${s}`));
  return (line, column) => {
    const segments = lines[line];
    if (!segments?.length) return null;
    // The last segment at or before the column (or the line's first).
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid][0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const [, source, sourceLine, sourceColumn] = segments[lo];
    return { source: sources[source] ?? '?', line: sourceLine + 1, column: sourceColumn };
  };
}
