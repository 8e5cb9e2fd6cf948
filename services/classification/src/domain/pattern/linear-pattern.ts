import { normaliseChar } from '../text/normalised-text';
import { TRADITIONAL_TO_SIMPLIFIED } from '../text/traditional-to-simplified';
import { CharRanges, parsePattern, PatternNode, PatternSyntaxError } from './pattern-syntax';

/**
 * A rule's regular expression, compiled to a non-deterministic automaton and run as a Pike VM: every position of the
 * text is visited once with at most one thread per instruction, so matching takes time proportional to text length
 * times pattern size whatever the pattern (no backtracking, hence no catastrophic backtracking: `(a+)+$` on a long
 * run of `a` is as cheap as `a`). Matching is case-insensitive and script-insensitive because it runs on normalised
 * text and the pattern's literals are normalised the same way.
 */
export interface LinearPattern {
  readonly source: string;
  /** The first (leftmost, then by the pattern's preference) match in the code points, as [start, end), or null. */
  find(text: CodePoints): [number, number] | null;
}

/** Text as code points, with each one's UTF-16 offset (and the total length at the end). */
export interface CodePoints {
  readonly points: Int32Array;
  readonly offsets: Int32Array;
}

/** Patterns larger than this (after expanding counted repetition) are refused: they cost time on every complaint. */
export const MAX_PROGRAM_SIZE = 2000;
export const MAX_PATTERN_LENGTH = 300;

export function toCodePoints(text: string): CodePoints {
  const points: number[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of text) {
    points.push(ch.codePointAt(0) as number);
    offsets.push(offset);
    offset += ch.length;
  }
  offsets.push(offset);
  return { points: Int32Array.from(points), offsets: Int32Array.from(offsets) };
}

/** Compiles a pattern or throws PatternSyntaxError with the reason. */
export function compileLinearPattern(source: string): LinearPattern {
  if (Array.from(source).length > MAX_PATTERN_LENGTH) {
    throw new PatternSyntaxError(
      `a pattern may have at most ${MAX_PATTERN_LENGTH} characters`,
      MAX_PATTERN_LENGTH,
    );
  }
  const program = new ProgramBuilder();
  program.emit(foldCase(parsePattern(source)));
  program.push({ op: 'match' });
  const instructions = program.instructions;
  return { source, find: (text) => run(instructions, text) };
}

type Assertion = 'start' | 'end' | 'word-boundary' | 'not-word-boundary';

type Instruction =
  | { op: 'char'; ranges: CharRanges; negated: boolean }
  | { op: 'any' }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; to: number }
  | { op: 'assert'; what: Assertion }
  | { op: 'match' };

/** Thompson's construction; split's `first` branch is the preferred one (greedy or lazy as written). */
class ProgramBuilder {
  readonly instructions: Instruction[] = [];

  push(instruction: Instruction): number {
    if (this.instructions.length >= MAX_PROGRAM_SIZE) {
      throw new PatternSyntaxError(
        `the pattern is too large (over ${MAX_PROGRAM_SIZE} steps once repetitions are expanded)`,
        0,
      );
    }
    this.instructions.push(instruction);
    return this.instructions.length - 1;
  }

  emit(node: PatternNode): void {
    switch (node.kind) {
      case 'empty':
        return;
      case 'char':
        this.push({ op: 'char', ranges: node.ranges, negated: node.negated });
        return;
      case 'any':
        this.push({ op: 'any' });
        return;
      case 'assert':
        this.push({ op: 'assert', what: node.what });
        return;
      case 'seq':
        for (const item of node.items) this.emit(item);
        return;
      case 'alt':
        return this.alternation(node.options);
      case 'repeat':
        return this.repeat(node.node, node.min, node.max, node.greedy);
    }
  }

  private alternation(options: PatternNode[]): void {
    const jumpsToEnd: number[] = [];
    for (let i = 0; i < options.length - 1; i++) {
      const split = this.push({ op: 'split', first: 0, second: 0 });
      this.emit(options[i]);
      jumpsToEnd.push(this.push({ op: 'jump', to: 0 }));
      this.patch(split, split + 1, this.instructions.length);
    }
    this.emit(options[options.length - 1]);
    for (const jump of jumpsToEnd) (this.instructions[jump] as { to: number }).to = this.instructions.length;
  }

  private repeat(node: PatternNode, min: number, max: number, greedy: boolean): void {
    for (let i = 0; i < min; i++) this.emit(node);
    if (max === Infinity) {
      const split = this.push({ op: 'split', first: 0, second: 0 });
      this.emit(node);
      this.push({ op: 'jump', to: split });
      this.branch(split, split + 1, this.instructions.length, greedy);
      return;
    }
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      splits.push(this.push({ op: 'split', first: 0, second: 0 }));
      this.emit(node);
    }
    const end = this.instructions.length;
    for (const split of splits) this.branch(split, split + 1, end, greedy);
  }

  private branch(split: number, body: number, skip: number, greedy: boolean): void {
    this.patch(split, greedy ? body : skip, greedy ? skip : body);
  }

  private patch(split: number, first: number, second: number): void {
    const instruction = this.instructions[split] as { first: number; second: number };
    instruction.first = first;
    instruction.second = second;
  }
}

/** Runs the program as a Pike VM: threads in priority order, one per instruction per position. */
function run(program: Instruction[], text: CodePoints): [number, number] | null {
  const n = text.points.length;
  const size = program.length;
  let current = { pcs: new Int32Array(size), starts: new Int32Array(size), count: 0 };
  let next = { pcs: new Int32Array(size), starts: new Int32Array(size), count: 0 };
  const seen = new Int32Array(size).fill(-1);
  let found: [number, number] | null = null;

  const add = (list: typeof current, pc: number, start: number, pos: number): void => {
    // An explicit stack keeps the priority order of splits without recursion.
    const stack: number[] = [pc];
    while (stack.length > 0) {
      const at = stack.pop() as number;
      if (seen[at] === pos) continue;
      seen[at] = pos;
      const instruction = program[at];
      if (instruction.op === 'jump') stack.push(instruction.to);
      else if (instruction.op === 'split') stack.push(instruction.second, instruction.first);
      else if (instruction.op === 'assert') {
        if (holds(instruction.what, text.points, pos, n)) stack.push(at + 1);
      } else {
        list.pcs[list.count] = at;
        list.starts[list.count] = start;
        list.count++;
      }
    }
  };

  for (let pos = 0; pos <= n; pos++) {
    if (found === null) add(current, 0, pos, pos);
    if (current.count === 0) {
      if (found !== null) break;
      continue;
    }
    const point = pos < n ? text.points[pos] : -1;
    for (let i = 0; i < current.count; i++) {
      const instruction = program[current.pcs[i]];
      if (instruction.op === 'match') {
        found = [current.starts[i], pos];
        break; // lower-priority threads can only give a less preferred match
      }
      if (point < 0) continue;
      const accepts =
        instruction.op === 'any' ||
        (instruction.op === 'char' && inRanges(instruction.ranges, point) !== instruction.negated);
      if (accepts) add(next, current.pcs[i] + 1, current.starts[i], pos + 1);
    }
    [current, next] = [next, current];
    next.count = 0;
  }
  return found;
}

function inRanges(ranges: CharRanges, point: number): boolean {
  for (const [lo, hi] of ranges) if (point >= lo && point <= hi) return true;
  return false;
}

function isWord(point: number): boolean {
  return (
    (point >= 0x30 && point <= 0x39) ||
    (point >= 0x41 && point <= 0x5a) ||
    (point >= 0x61 && point <= 0x7a) ||
    point === 0x5f
  );
}

function holds(what: Assertion, points: Int32Array, pos: number, n: number): boolean {
  switch (what) {
    case 'start':
      return pos === 0;
    case 'end':
      return pos === n;
    default: {
      const boundary = (pos > 0 && isWord(points[pos - 1])) !== (pos < n && isWord(points[pos]));
      return what === 'word-boundary' ? boundary : !boundary;
    }
  }
}

/**
 * Makes the pattern match normalised text: literals are normalised like the text (lower case, NFKC, simplified);
 * classes also accept the lower-case and simplified forms of what they list.
 */
function foldCase(node: PatternNode): PatternNode {
  switch (node.kind) {
    case 'char':
      return foldChar(node.ranges, node.negated);
    case 'seq':
      return { kind: 'seq', items: node.items.map(foldCase) };
    case 'alt':
      return { kind: 'alt', options: node.options.map(foldCase) };
    case 'repeat':
      return { ...node, node: foldCase(node.node) };
    default:
      return node;
  }
}

function foldChar(ranges: CharRanges, negated: boolean): PatternNode {
  const single = ranges.length === 1 && ranges[0][0] === ranges[0][1] && !negated;
  if (single) {
    const normalised = normaliseChar(String.fromCodePoint(ranges[0][0]));
    const items: PatternNode[] = Array.from(normalised).map((c) => {
      const code = c.codePointAt(0) as number;
      return { kind: 'char', ranges: [[code, code]], negated: false };
    });
    if (items.length === 0) return { kind: 'empty' };
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }
  const folded: [number, number][] = ranges.map(([lo, hi]) => [lo, hi]);
  for (const [lo, hi] of ranges) {
    const upperLo = Math.max(lo, 0x41);
    const upperHi = Math.min(hi, 0x5a);
    if (upperLo <= upperHi) folded.push([upperLo + 0x20, upperHi + 0x20]);
    if (lo === hi) {
      const simplified = TRADITIONAL_TO_SIMPLIFIED.get(String.fromCodePoint(lo));
      if (simplified) folded.push([simplified.codePointAt(0) as number, simplified.codePointAt(0) as number]);
    }
  }
  return { kind: 'char', ranges: folded, negated };
}
