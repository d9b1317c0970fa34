/**
 * The compiler's static cost model: for every node of an expression, an upper bound of the value it can
 * produce (a {@link Shape}) and of the steps it takes. Bounds only ever over-estimate; they hold for any data
 * within the data bounds of {@link LogicLimits} (`dataArrayBound`, `dataStringBound`).
 */
import { CHARS_PER_STEP } from './budget.js';

/** Upper bounds of a value (0 = never). */
export interface Shape {
  /** Length of the value written as text (`String(value)`; an array joined with commas; a number 24). */
  readonly chars: number;
  /** Array elements inside it, counted at every depth. */
  readonly elements: number;
  /** Its length when it is an array (0: it is never an array). */
  readonly length: number;
  /** `chars`, `elements` and `length` of any element or property inside it, at any depth. */
  readonly innerChars: number;
  readonly innerElements: number;
  readonly innerLength: number;
  /** True when it may be something other than an array. */
  readonly other: boolean;
}

/** The longest text a number, a boolean, null, undefined or a plain object becomes (`-1.7976931348623157e+308`). */
const SCALAR_CHARS = 24;

export function scalar(chars: number): Shape {
  return { chars, elements: 0, length: 0, innerChars: 0, innerElements: 0, innerLength: 0, other: true };
}

/** Any number, boolean, null or plain object. */
export const SCALAR: Shape = scalar(SCALAR_CHARS);
export const BOOLEAN: Shape = scalar(5);

export function literal(value: string | number | boolean | null): Shape {
  return scalar(typeof value === 'string' ? value.length : String(value).length);
}

export function join(a: Shape, b: Shape): Shape {
  if (a === b) return a;
  return {
    chars: Math.max(a.chars, b.chars),
    elements: Math.max(a.elements, b.elements),
    length: Math.max(a.length, b.length),
    innerChars: Math.max(a.innerChars, b.innerChars),
    innerElements: Math.max(a.innerElements, b.innerElements),
    innerLength: Math.max(a.innerLength, b.innerLength),
    other: a.other || b.other,
  };
}

export function joinAll(shapes: readonly Shape[], start: Shape): Shape {
  let shape = start;
  for (const each of shapes) shape = join(shape, each);
  return shape;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return (
    a.chars === b.chars &&
    a.elements === b.elements &&
    a.length === b.length &&
    a.innerChars === b.innerChars &&
    a.innerElements === b.innerElements &&
    a.innerLength === b.innerLength &&
    a.other === b.other
  );
}

/** Bounds that hold for every part of `shape` at any depth, as a shape of its own. */
function innerOf(shape: Shape): Shape {
  return {
    chars: shape.innerChars,
    elements: shape.innerElements,
    length: shape.innerLength,
    innerChars: shape.innerChars,
    innerElements: shape.innerElements,
    innerLength: shape.innerLength,
    other: true,
  };
}

/** An element of `shape`, as `map`, `filter`, `reduce`… see it. */
export const elementOf = innerOf;

/** What a `var` path with segments reads inside a value: a part of it, its `length`, or null. */
export function partOf(shape: Shape): Shape {
  return join(innerOf(shape), SCALAR);
}

/** The value when it is an array (what `filter` keeps and `missing` returns a part of). */
export function asList(shape: Shape): Shape {
  return { ...shape, other: false };
}

/** A list of values of the given shapes (an array literal). */
export function listOf(items: readonly Shape[]): Shape {
  let chars = items.length;
  let elements = items.length;
  let innerChars = 0;
  let innerElements = 0;
  let innerLength = 0;
  for (const item of items) {
    chars += item.chars;
    elements += item.elements;
    innerChars = Math.max(innerChars, item.chars, item.innerChars);
    innerElements = Math.max(innerElements, item.elements, item.innerElements);
    innerLength = Math.max(innerLength, item.length, item.innerLength);
  }
  return { chars, elements, length: items.length, innerChars, innerElements, innerLength, other: false };
}

/** `count` values of shape `item` in a list (what `map` builds). */
export function repeated(count: number, item: Shape): Shape {
  if (count === 0) return listOf([]);
  return {
    chars: count * (item.chars + 1),
    elements: count * (item.elements + 1),
    length: count,
    innerChars: Math.max(item.chars, item.innerChars),
    innerElements: Math.max(item.elements, item.innerElements),
    innerLength: Math.max(item.length, item.innerLength),
    other: false,
  };
}

/** What `merge` builds: the elements of the array arguments and the other arguments themselves. */
export function merged(args: readonly Shape[]): Shape {
  let chars = 0;
  let elements = 0;
  let length = 0;
  let innerChars = 0;
  let innerElements = 0;
  let innerLength = 0;
  for (const arg of args) {
    chars += arg.chars + 1;
    elements += arg.elements + 1;
    length += arg.length + (arg.other ? 1 : 0);
    innerChars = Math.max(innerChars, arg.innerChars, arg.other ? arg.chars : 0);
    innerElements = Math.max(innerElements, arg.innerElements, arg.other ? arg.elements : 0);
    innerLength = Math.max(innerLength, arg.innerLength, arg.other ? arg.length : 0);
  }
  return { chars, elements, length, innerChars, innerElements, innerLength, other: false };
}

/** The `{current, accumulator}` object a `reduce` body reads. */
export function reduceScope(current: Shape, accumulator: Shape): Shape {
  const parts = join(current, accumulator);
  return {
    ...SCALAR,
    innerChars: Math.max(parts.chars, parts.innerChars),
    innerElements: Math.max(parts.elements, parts.innerElements),
    innerLength: Math.max(parts.length, parts.innerLength),
  };
}

/** Steps to read a value's content (compare, convert, join, search it): see `spendOnContent`. */
export function contentSteps(shape: Shape): number {
  return shape.elements + Math.floor(shape.chars / CHARS_PER_STEP);
}

/** Steps to write `chars` characters. */
export function charSteps(chars: number): number {
  return Math.floor(chars / CHARS_PER_STEP);
}

/** The data an expression reads, as assumed by the bound: see `dataArrayBound` and `dataStringBound`. */
export interface DataShapes {
  /** One value read by `var` with a path: a scalar, a string or a flat list of strings and scalars. */
  field: Shape;
  /** The whole data (`var ""`): an object of such values, or a list of them. */
  root: Shape;
}

export function dataShapes(arrayBound: number, stringBound: number): DataShapes {
  const item = Math.max(stringBound, SCALAR_CHARS);
  const field: Shape = {
    chars: Math.max(item, arrayBound * (item + 1)),
    elements: arrayBound,
    length: arrayBound,
    innerChars: item,
    innerElements: 0,
    innerLength: 0,
    other: true,
  };
  const root: Shape = {
    chars: Math.max(SCALAR_CHARS, arrayBound * (field.chars + 1)),
    elements: arrayBound * (field.elements + 1),
    length: arrayBound,
    innerChars: field.chars,
    innerElements: field.elements,
    innerLength: field.length,
    other: true,
  };
  return { field, root };
}

/** What `var` reads in: the data, an element of `map`/`filter`/`all`/`some`/`none`, or a `reduce` step. */
export type Scope =
  | { readonly kind: 'data' }
  | { readonly kind: 'element'; readonly element: Shape }
  | { readonly kind: 'reduce'; readonly current: Shape; readonly accumulator: Shape };

/** What a `var` with a literal path (null: the whole scope) reads in `scope`; null when not found is added. */
export function readShape(scope: Scope, segments: readonly string[] | null, data: DataShapes): Shape {
  switch (scope.kind) {
    case 'data':
      return segments === null ? data.root : data.field;
    case 'element':
      return segments === null ? scope.element : partOf(scope.element);
    default: {
      if (segments === null) return reduceScope(scope.current, scope.accumulator);
      const [first] = segments;
      const part = first === 'current' ? scope.current : first === 'accumulator' ? scope.accumulator : null;
      if (part === null) return SCALAR; // not a property of {current, accumulator}: null
      return segments.length === 1 ? part : partOf(part);
    }
  }
}

/** What a `var` with a path computed at run time may read in `scope`. */
export function readAnyShape(scope: Scope, data: DataShapes): Shape {
  switch (scope.kind) {
    case 'data':
      return join(data.root, data.field);
    case 'element':
      return join(scope.element, partOf(scope.element));
    default:
      return joinAll(
        [scope.current, scope.accumulator, partOf(scope.current), partOf(scope.accumulator)],
        reduceScope(scope.current, scope.accumulator),
      );
  }
}
