// The shapes of the AST nodes the Jinja2 dialect builds and compiles, and its two node types nunjucks
// lacks (slices, `{% with %}`). nunjucks' own node classes are typed in nunjucks-types.ts.
import { type AstNode, internals, type ListNode, type NodeClass, type ValueNode } from "./nunjucks-internals.js";

const { nodes } = internals;

// `value[start:stop:step]`.
export const SliceNode: NodeClass = nodes.Node.extend("JinjaSlice", { fields: ["target", "start", "stop", "step"] });
// `{% with a = 1 %}…{% endwith %}`.
export const WithNode: NodeClass = nodes.Node.extend("JinjaWith", { fields: ["targets", "values", "body"] });

// `*value` among a call's arguments.
export const StarArgsNode: NodeClass = nodes.Node.extend("JinjaStarArgs", { fields: ["value"] });
// `**value` among a call's keyword arguments.
export const StarKwargsNode: NodeClass = nodes.Node.extend("JinjaStarKwargs", { fields: ["value"] });

// A value lookup: `attribute` is true for `x.name` (Jinja2's getattr), false for `x[key]` (getitem).
export interface LookupNode extends AstNode {
  target: AstNode;
  val: AstNode;
  attribute?: boolean;
}

// A for loop, with Jinja2's optional filter condition and `recursive` marker.
export interface ForNode extends AstNode {
  name: AstNode;
  arr: AstNode;
  body: ListNode;
  else_: ListNode | null;
  test?: AstNode;
  recursive?: boolean;
}

// A node with two operands (`a + b`, `a in b`, `a is test`, `a or b`).
export interface BinaryNode extends AstNode {
  left: AstNode;
  right: AstNode;
}
// A node with one operand (`not a`, `-a`).
export interface UnaryNode extends AstNode {
  target: AstNode;
}
// A call or a filter: what is called and its arguments.
export interface CallNode extends AstNode {
  name: AstNode;
  args: ListNode;
}
// A dict entry or a keyword argument.
export interface PairNode extends AstNode {
  key: AstNode;
  value: AstNode;
}
// `{% set %}`: targets and a value, or a captured body.
export interface SetNode extends AstNode {
  targets: AstNode[];
  value: AstNode | null;
  body?: AstNode;
}
// `{% if %}`.
export interface IfNode extends AstNode {
  cond: AstNode;
  body: AstNode;
  else_: AstNode | null;
}
// `a if cond else b`.
export type InlineIfNode = IfNode;
// A comparison chain (`a < b <= c`).
export interface CompareNode extends AstNode {
  expr: AstNode;
  ops: (AstNode & { expr: AstNode; type: string })[];
}
// `{% include %}`, with Jinja2's `ignore missing` and `with`/`without context`.
export interface IncludeNode extends AstNode {
  template: AstNode;
  ignoreMissing: boolean;
  withContext?: boolean;
}
// A JinjaSlice node's fields.
export interface SliceValueNode extends AstNode {
  target: AstNode;
  start: AstNode | null;
  stop: AstNode | null;
  step: AstNode | null;
}
// A JinjaStarArgs or JinjaStarKwargs node's field.
export interface StarValueNode extends AstNode {
  value: AstNode;
}
// A JinjaWith node's fields.
export interface WithValueNode extends AstNode {
  targets: ValueNode[];
  values: AstNode[];
  body: AstNode;
}

// Marks a one-item Group as a tuple (`(x,)`), not parentheses.
export function markOneTuple(tuple: ListNode): ListNode {
  (tuple as ListNode & { tuple?: boolean }).tuple = true;
  return tuple;
}
