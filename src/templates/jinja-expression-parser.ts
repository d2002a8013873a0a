// nunjucks' parser taught Jinja2's expression grammar where they differ: operator precedence (`~`,
// `* / // %`, tests beside filters), tests with a bare argument (`is divisibleby 3`), `x.attr` told apart
// from `x["key"]`, slices, trailing commas and one-item tuples, float and adjacent string literals, and
// chained inline ifs.
import { type LookupNode, markOneTuple, SliceNode, StarArgsNode, StarKwargsNode } from "./jinja-nodes.js";
import {
  type AstNode,
  internals,
  type ListNode,
  type NodeClass,
  type Token,
  tokenType,
  type ValueNode,
} from "./nunjucks-internals.js";

const { nodes } = internals;

const STRING = tokenType("STRING");
const FLOAT = tokenType("FLOAT");
const INT = tokenType("INT");
const SYMBOL = tokenType("SYMBOL");
const BOOLEAN = tokenType("BOOLEAN");
const NONE = tokenType("NONE");
const OPERATOR = tokenType("OPERATOR");
const COMMA = tokenType("COMMA");
const COLON = tokenType("COLON");
const LEFT_PAREN = tokenType("LEFT_PAREN");
const RIGHT_PAREN = tokenType("RIGHT_PAREN");
const LEFT_BRACKET = tokenType("LEFT_BRACKET");
const RIGHT_BRACKET = tokenType("RIGHT_BRACKET");
const LEFT_CURLY = tokenType("LEFT_CURLY");
const RIGHT_CURLY = tokenType("RIGHT_CURLY");
const PIPE = tokenType("PIPE");
const TILDE = tokenType("TILDE");

const Parser = internals.parser.Parser;

// The Jinja2 dialect of nunjucks' parser, for expressions; jinja-parser.ts adds the statements.
export class JinjaExpressionParser extends Parser {
  // `(…)`, `[…]`, `{…}` literals, allowing a trailing comma (`(1,)` is a one-item tuple).
  override parseAggregate(): AstNode | null {
    const open = this.nextToken();
    const kinds: Record<string, [NodeClass<ListNode>, string]> = {
      [LEFT_PAREN]: [nodes.Group, RIGHT_PAREN],
      [LEFT_BRACKET]: [nodes.Array, RIGHT_BRACKET],
      [LEFT_CURLY]: [nodes.Dict, RIGHT_CURLY],
    };
    const kind = open ? kinds[open.type] : undefined;
    if (!open || !kind) return null;
    const [NodeType, close] = kind;
    const node = new NodeType(open.lineno, open.colno);
    let trailingComma = false;
    for (;;) {
      const token = this.peekToken();
      if (!token) this.fail("unexpected end of template", open.lineno, open.colno);
      if (token.type === close) {
        this.nextToken();
        break;
      }
      if (node.children.length > 0 && !trailingComma) {
        if (!this.skip(COMMA)) this.fail("expected a comma", token.lineno, token.colno);
        trailingComma = true;
        continue;
      }
      trailingComma = false;
      if (NodeType === nodes.Dict) {
        const key = this.parseExpression();
        if (!this.skip(COLON)) this.fail("expected a colon after a dict key", token.lineno, token.colno);
        node.addChild(new nodes.Pair(key.lineno, key.colno, key, this.parseExpression()));
      } else {
        node.addChild(this.parseExpression());
      }
    }
    return NodeType === nodes.Group && node.children.length === 1 && trailingComma ? markOneTuple(node) : node;
  }

  // Literals the way Jinja2 reads them: floats stay floats, adjacent strings join.
  override parsePrimary(noPostfix?: boolean): AstNode {
    const token = this.peekToken();
    let node: ValueNode;
    if (token?.type === FLOAT) {
      this.nextToken();
      node = new nodes.Literal(token.lineno, token.colno, Number.parseFloat(token.value));
      node.isFloat = true;
    } else if (token?.type === STRING) {
      this.nextToken();
      let value = token.value;
      while (this.peekToken()?.type === STRING) value += this.nextToken()?.value ?? "";
      node = new nodes.Literal(token.lineno, token.colno, value);
    } else {
      return super.parsePrimary(noPostfix);
    }
    return noPostfix ? node : this.parsePostfix(node);
  }

  // A call's arguments as Jinja2 reads them: positional ones, then `*args` and `name=value` ones, then
  // `**kwargs`, with a trailing comma allowed. `*args` closes the args list, `**kwargs` the keyword list.
  override parseSignature(tolerant?: boolean, noParens?: boolean): ListNode | null {
    const open = this.peekToken();
    if (noParens || open?.type !== LEFT_PAREN) return super.parseSignature(tolerant, noParens);
    this.nextToken();
    const args = new nodes.NodeList(open.lineno, open.colno);
    const kwargs = new nodes.KeywordArgs(open.lineno, open.colno);
    let starArgs: AstNode | null = null;
    let starKwargs: AstNode | null = null;
    const ensure = (valid: boolean, token: Token) => {
      if (!valid) this.fail("invalid syntax for function call expression", token.lineno, token.colno);
    };
    for (let count = 0; ; count++) {
      let token = this.peekToken();
      if (!token) this.fail("unexpected end of template, expected )", open.lineno, open.colno);
      if (token.type === RIGHT_PAREN) break;
      if (count > 0) {
        if (!this.skip(COMMA)) this.fail("expected a comma or ) in the call", token.lineno, token.colno);
        token = this.peekToken();
        if (token?.type === RIGHT_PAREN) break;
        if (!token) this.fail("unexpected end of template, expected )", open.lineno, open.colno);
      }
      if (token.type === OPERATOR && token.value === "*") {
        ensure(!starArgs && !starKwargs, token);
        this.nextToken();
        starArgs = new StarArgsNode(token.lineno, token.colno, this.parseExpression());
      } else if (token.type === OPERATOR && token.value === "**") {
        ensure(!starKwargs, token);
        this.nextToken();
        starKwargs = new StarKwargsNode(token.lineno, token.colno, this.parseExpression());
      } else {
        const arg = this.parseExpression();
        if (this.skipValue(OPERATOR, "=")) {
          ensure(!starKwargs, token);
          kwargs.addChild(new nodes.Pair(arg.lineno, arg.colno, arg, this.parseExpression()));
        } else {
          ensure(!starArgs && !starKwargs && kwargs.children.length === 0, token);
          args.addChild(arg);
        }
      }
    }
    this.nextToken();
    if (starArgs) args.addChild(starArgs);
    if (starKwargs) kwargs.addChild(starKwargs);
    if (kwargs.children.length > 0) args.addChild(kwargs);
    return args;
  }

  // Calls, `x.name` (attribute first), `x[key]` (item first) and `x[a:b:c]` slices.
  override parsePostfix(start: AstNode): AstNode {
    let node = start;
    for (let token = this.peekToken(); token; token = this.peekToken()) {
      if (token.type === LEFT_PAREN) {
        node = new nodes.FunCall(token.lineno, token.colno, node, this.parseSignature());
      } else if (token.type === LEFT_BRACKET) {
        node = this.parseSubscript(node);
      } else if (token.type === OPERATOR && token.value === ".") {
        this.nextToken();
        node = this.parseDotted(node, token);
      } else {
        break;
      }
    }
    return node;
  }

  // What follows a dot: a name (getattr) or an integer (getitem, `x.0`).
  private parseDotted(target: AstNode, dot: Token): AstNode {
    const name = this.nextToken();
    if (name && (name.type === SYMBOL || name.type === BOOLEAN || name.type === NONE)) {
      const lookup = new nodes.LookupVal(
        dot.lineno,
        dot.colno,
        target,
        new nodes.Literal(name.lineno, name.colno, name.value),
      );
      (lookup as LookupNode).attribute = true;
      return lookup;
    }
    if (name?.type === INT) {
      return new nodes.LookupVal(
        dot.lineno,
        dot.colno,
        target,
        new nodes.Literal(name.lineno, name.colno, Number(name.value)),
      );
    }
    return this.fail(
      `expected a name after ".", got ${name?.value ?? "the end of the template"}`,
      name?.lineno,
      name?.colno,
    );
  }

  // `[key]` or `[start:stop:step]`.
  private parseSubscript(target: AstNode): AstNode {
    const open = this.nextToken() as Token;
    const parts: (AstNode | null)[] = [null, null, null];
    let index = 0;
    let slice = false;
    for (;;) {
      const token = this.peekToken();
      if (!token) this.fail("expected ]", open.lineno, open.colno);
      if (token.type === RIGHT_BRACKET) {
        this.nextToken();
        break;
      }
      if (token.type === COLON) {
        this.nextToken();
        slice = true;
        index += 1;
        if (index > 2) this.fail("too many colons in a slice", token.lineno, token.colno);
      } else {
        if (parts[index]) this.fail("expected ] or :", token.lineno, token.colno);
        parts[index] = this.parseExpression();
      }
    }
    const [startNode, stopNode, stepNode] = parts;
    if (!slice) {
      if (!startNode) this.fail("expected a subscript", open.lineno, open.colno);
      return new nodes.LookupVal(open.lineno, open.colno, target, startNode);
    }
    return new SliceNode(open.lineno, open.colno, target, startNode, stopNode, stepNode);
  }

  // Jinja2 parses tests with filters (see parseFilter), not above comparisons as nunjucks does.
  override parseIs(): AstNode {
    return this.parseCompare();
  }

  // Jinja2's operator precedence below comparisons: `+ -`, then `~`, then `* / // %`, then `**`
  // (nunjucks puts `~` above `+` and nests `* / // %` one level per operator).
  override parseConcat(): AstNode {
    let node = this.parseStringConcat();
    for (;;) {
      if (this.skipValue(OPERATOR, "+")) node = new nodes.Add(node.lineno, node.colno, node, this.parseStringConcat());
      else if (this.skipValue(OPERATOR, "-"))
        node = new nodes.Sub(node.lineno, node.colno, node, this.parseStringConcat());
      else return node;
    }
  }

  // `a ~ b`.
  private parseStringConcat(): AstNode {
    let node = this.parseProduct();
    while (this.skip(TILDE)) node = new nodes.Concat(node.lineno, node.colno, node, this.parseProduct());
    return node;
  }

  // `a * b`, `a / b`, `a // b`, `a % b`, left to right.
  private parseProduct(): AstNode {
    const operators: Record<string, NodeClass> = {
      "*": nodes.Mul,
      "/": nodes.Div,
      "//": nodes.FloorDiv,
      "%": nodes.Mod,
    };
    let node = this.parsePow();
    for (let token = this.peekToken(); token?.type === OPERATOR && operators[token.value]; token = this.peekToken()) {
      this.nextToken();
      const NodeType = operators[token.value] as NodeClass;
      node = new NodeType(node.lineno, node.colno, node, this.parsePow());
    }
    return node;
  }

  // Filters (`| name(args)`), tests (`is [not] name [arg]`) and calls after them, left to right.
  override parseFilter(start: AstNode): AstNode {
    let node = start;
    for (let token = this.peekToken(); token; token = this.peekToken()) {
      if (token.type === PIPE) {
        this.nextToken();
        const name = this.parseFilterName();
        const args = this.peekToken()?.type === LEFT_PAREN ? (this.parseSignature() as ListNode).children : [];
        node = new nodes.Filter(
          name.lineno,
          name.colno,
          name,
          new nodes.NodeList(name.lineno, name.colno, [node, ...args]),
        );
      } else if (token.type === SYMBOL && token.value === "is") {
        node = this.parseTest(node);
      } else if (token.type === LEFT_PAREN) {
        node = new nodes.FunCall(token.lineno, token.colno, node, this.parseSignature());
      } else {
        break;
      }
    }
    return node;
  }

  // `is test`, `is not test`, `is test(args)`, `is test arg`.
  private parseTest(node: AstNode): AstNode {
    const is = this.nextToken() as Token;
    const negated = this.skipSymbol("not");
    const name = this.nextToken();
    if (!name || (name.type !== SYMBOL && name.type !== BOOLEAN && name.type !== NONE)) {
      this.fail("expected a test name after is", name?.lineno ?? is.lineno, name?.colno ?? is.colno);
    }
    let written = name.type === NONE ? "none" : name.value;
    // A dotted name is a collection's test: `is ansible.builtin.version(…)`.
    while (name.type === SYMBOL && this.skipValue(OPERATOR, ".")) written += `.${this.expect(SYMBOL).value}`;
    const testName = new nodes.Symbol(name.lineno, name.colno, written);
    let test: AstNode = testName;
    const next = this.peekToken();
    if (next?.type === LEFT_PAREN) {
      test = new nodes.FunCall(name.lineno, name.colno, testName, this.parseSignature());
    } else if (next && startsBareArgument(next)) {
      if (next.type === SYMBOL && next.value === "is")
        this.fail("You cannot chain multiple tests with is", next.lineno, next.colno);
      const args = new nodes.NodeList(next.lineno, next.colno);
      args.addChild(this.parsePrimary());
      test = new nodes.FunCall(name.lineno, name.colno, testName, args);
    }
    const result = new nodes.Is(is.lineno, is.colno, node, test);
    return negated ? new nodes.Not(is.lineno, is.colno, result) : result;
  }

  // `a if condition else b`, the else part itself conditional (`a if x else b if y else c`).
  override parseInlineIf(): AstNode {
    let node = this.parseOr();
    while (this.skipSymbol("if")) {
      const condition = this.parseOr();
      const otherwise = this.skipSymbol("else") ? this.parseInlineIf() : null;
      node = new nodes.InlineIf(node.lineno, node.colno, condition, node, otherwise);
    }
    return node;
  }
}

const bareArgumentTypes = new Set([SYMBOL, STRING, INT, FLOAT, BOOLEAN, NONE, LEFT_BRACKET, LEFT_CURLY]);

// Whether a token starts a test's argument given without parentheses (not a keyword that goes on).
function startsBareArgument(token: Token): boolean {
  if (!bareArgumentTypes.has(token.type)) return false;
  return !(token.type === SYMBOL && ["else", "or", "and"].includes(token.value));
}
