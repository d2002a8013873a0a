// nunjucks' parser taught Jinja2's grammar where they differ: expressions as jinja-expression-parser.ts
// reads them; `for … if …`, loop targets in parentheses, `set` of tuples and namespace attributes,
// `include … without context`, `{% with %}`, `{% raw %}` with whitespace control, recursive loops, filters
// on `{% set %}` and `{% filter %}` blocks, scoped blocks, and an unclosed block named as Jinja2 names it.
import { JinjaExpressionParser } from "./jinja-expression-parser.js";
import type { JinjaTokenStream } from "./jinja-lexer.js";
import { type ForNode, markOneTuple, WithNode } from "./jinja-nodes.js";
import { consumeNewline, stripTagIndent } from "./jinja-whitespace.js";
import { type AstNode, internals, type ListNode, tokenType, type ValueNode } from "./nunjucks-internals.js";

const { nodes } = internals;

const SYMBOL = tokenType("SYMBOL");
const OPERATOR = tokenType("OPERATOR");
const COMMA = tokenType("COMMA");
const LEFT_PAREN = tokenType("LEFT_PAREN");
const RIGHT_PAREN = tokenType("RIGHT_PAREN");
const BLOCK_END = tokenType("BLOCK_END");
const PIPE = tokenType("PIPE");

// A filter of a `{% filter %}` or `{% set %}` block: its name and arguments after the value.
interface FilterCall {
  name: ValueNode;
  args: AstNode[];
}

// A value through filters, left to right.
function applyFilters(value: AstNode, filters: FilterCall[]): AstNode {
  return filters.reduce<AstNode>(
    (node, { name, args }) =>
      new nodes.Filter(name.lineno, name.colno, name, new nodes.NodeList(name.lineno, name.colno, [node, ...args])),
    value,
  );
}

// The Jinja2 dialect of nunjucks' parser.
export class JinjaParser extends JinjaExpressionParser {
  // The body of a block up to one of its closing tags; the template ending first is a syntax error.
  override parseUntilBlocks(...names: string[]): ListNode {
    const body = super.parseUntilBlocks(...names);
    if (!this.peekToken()) {
      const expected = names.filter((name) => name !== "elseif").map((name) => `{% ${name} %}`);
      this.fail(`unexpected end of template, expected ${expected.join(" or ")}`, this.tokens.lineno, this.tokens.colno);
    }
    return body;
  }

  override parseStatement(): AstNode | null {
    const token = this.peekToken();
    if (token?.type === SYMBOL && token.value === "with") return this.parseWith();
    if (token?.type === SYMBOL && token.value === "raw") return this.parseRawBlock();
    if (token?.type === SYMBOL && token.value === "filter") return this.parseFilterBlock();
    if (token?.type === SYMBOL && token.value === "block") return this.parseNamedBlock();
    return super.parseStatement();
  }

  // `for target in iterable [if condition] [recursive]` … `[else]` … `endfor`.
  override parseFor(): AstNode {
    const tag = this.peekToken();
    if (!this.skipSymbol("for")) this.fail("expected for", tag.lineno, tag.colno);
    const node = new nodes.For(tag.lineno, tag.colno) as ForNode;
    node.name = this.parseTargets();
    if (!this.skipSymbol("in")) this.fail('expected "in" in for loop', tag.lineno, tag.colno);
    node.arr = this.parseTuple(() => this.parseOr());
    if (this.skipSymbol("if")) node.test = this.parseExpression();
    node.recursive = this.skipSymbol("recursive");
    this.advanceAfterBlockEnd("for");
    node.body = this.parseUntilBlocks("endfor", "else");
    if (this.skipSymbol("else")) {
      this.advanceAfterBlockEnd("else");
      node.else_ = this.parseUntilBlocks("endfor");
    }
    this.advanceAfterBlockEnd();
    return node;
  }

  // Loop or with targets: `x`, `k, v`, `(k, v)`.
  private parseTargets(): AstNode {
    const parenthesised = this.skip(LEFT_PAREN);
    const first = this.parseName();
    let node: AstNode = first;
    if (this.peekToken().type === COMMA) {
      const list = new nodes.Array(first.lineno, first.colno);
      list.addChild(first);
      while (this.skip(COMMA)) {
        if (parenthesised && this.peekToken().type === RIGHT_PAREN) break;
        list.addChild(this.parseName());
      }
      node = list;
    }
    if (parenthesised) this.expect(RIGHT_PAREN);
    return node;
  }

  // A plain name (an assignment target).
  private parseName(): ValueNode {
    const token = this.nextToken();
    if (!token || token.type !== SYMBOL) this.fail("expected a name", token?.lineno, token?.colno);
    return new nodes.Symbol(token.lineno, token.colno, token.value);
  }

  // An expression, or several separated by commas (a tuple).
  private parseTuple(parseItem: () => AstNode): AstNode {
    const first = parseItem();
    if (this.peekToken()?.type !== COMMA) return first;
    const tuple = new nodes.Group(first.lineno, first.colno);
    tuple.addChild(first);
    while (this.skip(COMMA)) {
      if (this.peekToken().type === BLOCK_END) break;
      tuple.addChild(parseItem());
    }
    return tuple.children.length === 1 ? markOneTuple(tuple) : tuple;
  }

  // `set x = value`, `set a, b = pair`, `set ns.attr = value`, and the block form `set x [| filter…]` …
  // `endset`, whose body goes through the filters.
  override parseSet(): AstNode {
    const tag = this.peekToken();
    if (!this.skipSymbol("set")) this.fail("expected set", tag.lineno, tag.colno);
    const node = new nodes.Set(tag.lineno, tag.colno, []) as AstNode & {
      targets: AstNode[];
      value: AstNode | null;
      body?: AstNode;
    };
    do node.targets.push(this.parsePrimary());
    while (this.skip(COMMA));
    if (this.skipValue(OPERATOR, "=")) {
      node.value = this.parseTuple(() => this.parseExpression());
      this.advanceAfterBlockEnd(tag.value);
    } else {
      const filters = this.skip(PIPE) ? this.parseFilterChain() : [];
      if (this.peekToken().type !== BLOCK_END) this.fail("expected = or the end of the set tag", tag.lineno, tag.colno);
      this.advanceAfterBlockEnd(tag.value);
      const body = new nodes.Capture(tag.lineno, tag.colno, this.parseUntilBlocks("endset"));
      node.body = applyFilters(body, filters);
      node.value = null;
      this.advanceAfterBlockEnd();
    }
    return node;
  }

  // `block name [scoped] [required]` … `endblock [name]`. Blocks here always see the variables around them,
  // so `scoped` (Jinja2's way to let them) changes nothing; `required` (a child must override it) is read.
  private parseNamedBlock(): AstNode {
    const tag = this.peekToken();
    this.skipSymbol("block");
    const node = new nodes.Block(tag.lineno, tag.colno) as AstNode & { name: AstNode; body: ListNode };
    node.name = this.parsePrimary();
    if (!(node.name instanceof nodes.Symbol)) this.fail("expected a block name", tag.lineno, tag.colno);
    while (this.skipSymbol("scoped") || this.skipSymbol("required"));
    this.advanceAfterBlockEnd(tag.value);
    node.body = this.parseUntilBlocks("endblock");
    this.skipSymbol("endblock");
    this.skipSymbol(String((node.name as ValueNode).value));
    this.advanceAfterBlockEnd(tag.value);
    return node;
  }

  // `filter name(args) [| name(args)…]` … `endfilter`: the body through the filters, left to right.
  private parseFilterBlock(): AstNode {
    const tag = this.peekToken();
    this.skipSymbol("filter");
    const filters = this.parseFilterChain();
    this.advanceAfterBlockEnd(tag.value);
    const body = new nodes.Capture(tag.lineno, tag.colno, this.parseUntilBlocks("endfilter"));
    this.advanceAfterBlockEnd();
    return new nodes.Output(tag.lineno, tag.colno, [applyFilters(body, filters)]);
  }

  // `name(args) | name(args) …`: filters without the value they apply to.
  private parseFilterChain(): FilterCall[] {
    const filters: FilterCall[] = [];
    do {
      const name = this.parseFilterName();
      const args = this.peekToken()?.type === LEFT_PAREN ? (this.parseSignature() as ListNode).children : [];
      filters.push({ name, args });
    } while (this.skip(PIPE));
    return filters;
  }

  // `include name [ignore missing] [with context|without context]`.
  override parseInclude(): AstNode {
    const tag = this.peekToken();
    this.skipSymbol("include");
    const node = new nodes.Include(tag.lineno, tag.colno) as AstNode & {
      template: AstNode;
      ignoreMissing: boolean;
      withContext: boolean;
    };
    node.template = this.parseExpression();
    if (this.skipSymbol("ignore")) {
      if (!this.skipSymbol("missing")) this.fail('expected "missing" after "ignore"', tag.lineno, tag.colno);
      node.ignoreMissing = true;
    }
    node.withContext = true;
    if (this.skipSymbol("without")) node.withContext = false;
    else this.skipSymbol("with");
    if (node.withContext === false || this.peekToken().type === SYMBOL) {
      if (!this.skipSymbol("context")) this.fail('expected "context"', tag.lineno, tag.colno);
    }
    this.advanceAfterBlockEnd(tag.value);
    return node;
  }

  // `with a = 1, b = 2` … `endwith`.
  private parseWith(): AstNode {
    const tag = this.peekToken();
    this.skipSymbol("with");
    const targets: AstNode[] = [];
    const values: AstNode[] = [];
    while (this.peekToken().type !== BLOCK_END) {
      if (targets.length > 0 && !this.skip(COMMA)) this.fail("expected a comma in the with tag", tag.lineno, tag.colno);
      targets.push(this.parseName());
      if (!this.skipValue(OPERATOR, "=")) this.fail("expected = in the with tag", tag.lineno, tag.colno);
      values.push(this.parseExpression());
    }
    this.advanceAfterBlockEnd(tag.value);
    const body = this.parseUntilBlocks("endwith");
    this.advanceAfterBlockEnd();
    return new WithNode(tag.lineno, tag.colno, targets, values, body);
  }

  // `raw` … `endraw` as Jinja2 reads it: the first endraw ends it, `{%- endraw -%}` strips whitespace,
  // `{%+ endraw +%}` keeps it, and the lexer's lstrip_blocks and trim_blocks apply around endraw.
  private parseRawBlock(): AstNode {
    const begun = this.advanceAfterBlockEnd();
    const dropLeading = this.dropLeadingWhitespace;
    this.dropLeadingWhitespace = false;
    const tokens = this.tokens as JinjaTokenStream;
    const rest = tokens.str.slice(tokens.index);
    const end = /\{%([-+]?)\s*endraw\s*([-+]?)%\}/.exec(rest);
    if (!end) this.fail("missing endraw: the raw block is not closed", begun.lineno, begun.colno);
    let text = rest.slice(0, end.index);
    if (dropLeading) text = text.replace(/^\s+/, "");
    if (end[1] === "-") text = text.replace(/\s+$/, "");
    else if (end[1] === "" && tokens.whitespace.lstripBlocks) {
      // Jinja2 counts the raw text as starting a line when `-%}` ate whitespace up to a newline.
      const eaten = dropLeading ? (/^\s*/.exec(rest)?.[0] ?? "") : "";
      text = stripTagIndent(text, eaten.endsWith("\n"));
    }
    for (let i = 0; i < end.index + end[0].length; i++) tokens.forward();
    this.dropLeadingWhitespace = end[2] === "-";
    if (end[2] === "" && tokens.whitespace.trimBlocks) consumeNewline(tokens);
    return new nodes.Output(begun.lineno, begun.colno, [new nodes.TemplateData(begun.lineno, begun.colno, text)]);
  }
}
