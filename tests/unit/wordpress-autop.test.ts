import { describe, expect, test } from "vitest";
import { autop } from "@/lib/wordpress/autop";

/*
 * Input → output pairs of WordPress's own wpautop(), taken from the cases
 * WordPress's test suite asserts (tests/phpunit/tests/formatting/Autop.php)
 * and from classic posts as WordPress shows them.
 */
describe("autop gives the paragraphs WordPress shows", () => {
  test.each([
    ["a blank line starts a paragraph", "One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>"],
    ["a single line break is a <br />", "line 1\nline 2", "<p>line 1<br />\nline 2</p>"],
    ["three blank lines are still one break", "One.\n\n\n\nTwo.", "<p>One.</p>\n<p>Two.</p>"],
    ["Windows line endings", "One.\r\n\r\nTwo.\r\nthree", "<p>One.</p>\n<p>Two.<br />\nthree</p>"],
    ["text before a block is wrapped, the block is not", "a<div>b</div>", "<p>a</p>\n<div>b</div>"],
    ["hr is never wrapped", "paragraph1<hr>paragraph2", "<p>paragraph1</p>\n<hr>\n<p>paragraph2</p>"],
    ["a blockquote's contents are wrapped, not the blockquote", "<blockquote>foo</blockquote>", "<blockquote><p>foo</p></blockquote>"],
    ["inline elements are wrapped", "<strong>foo</strong>\n\n<em>bar</em>", "<p><strong>foo</strong></p>\n<p><em>bar</em></p>"],
    ["two <br>s make a paragraph break", "line 1<br>\n<br/>\nline 2<br/>\n<br />\n", "<p>line 1</p>\n<p>line 2</p>"],
    ["spaces between a <br /> and the newline keep WordPress's quirk", "x<br />  \ny", "<p>x<br /> <br />\ny</p>"],
    ["<p><li…</p> is unwrapped — WordPress's pattern also catches <link>", '<link rel="x"> text', '<link rel="x"> text<br />'],
    ["a newline after <br> is not doubled", "line 1<br>\nline 2<br/>\nline 3<br />\nline 4\nline 5\n", "<p>line 1<br />\nline 2<br />\nline 3<br />\nline 4<br />\nline 5</p>"],
    ["newlines inside a tag stay in the tag", "Hello <a\nhref='world'>", "<p>Hello <a\nhref='world'></p>"],
    ["newlines inside a comment stay in the comment", "Hello <!-- a\nhref='world' -->", "<p>Hello <!-- a\nhref='world' --></p>"],
    ["a figure's caption is not broken away from its image", '<figure>\n<img src="example.jpg" />\n<figcaption>Caption</figcaption>\n</figure>', '<figure>\n<img src="example.jpg" /><figcaption>Caption</figcaption></figure>'],
    ["pre is left exactly as written", "Look at this code\n\n<pre>Line1<br />Line2\nActual Line 2\n\nAfter a blank</pre>\n\nCool, huh?", "<p>Look at this code</p>\n<pre>Line1<br />Line2\nActual Line 2\n\nAfter a blank</pre>\n<p>Cool, huh?</p>"],
    ["an input's <br /> is kept", 'Username: <input type="text" /><br />Password: <input type="password" />', '<p>Username: <input type="text" /><br />Password: <input type="password" /></p>'],
    ["a list is not wrapped and gets no breaks", "First:\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nAfter", "<p>First:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>After</p>"],
    ["a script keeps its newlines", '<script type="text/javascript">\nvar dummy = 1;\n</script>', '<p><script type="text/javascript">\nvar dummy = 1;\n</script></p>'],
    ["a no-break space is text, not a blank line", "One.\n\u00a0\nTwo.", "<p>One.<br />\n\u00a0<br />\nTwo.</p>"],
    ["only whitespace gives nothing", " \n\n\t ", ""],
  ])("%s", (_label, input, expected) => {
    expect(autop(input).trim()).toBe(expected);
  });

  test("every block-level element WordPress knows stands alone, inline ones are wrapped", () => {
    const blocks = ["table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt", "ul", "ol", "li", "pre", "form", "map", "area", "address", "style", "p", "h1", "h2", "h3", "h4", "h5", "h6", "fieldset", "legend", "section", "article", "aside", "hgroup", "header", "footer", "nav", "figure", "details", "menu", "summary"];
    const content = blocks.map((block) => `<${block}>foo</${block}>`);
    expect(autop(content.join("\n\n")).trim()).toBe(content.join("\n"));
    expect(autop(content.join("")).trim()).toBe(content.join("\n"));
    const inlines = ["a", "em", "strong", "small", "s", "cite", "q", "abbr", "code", "sub", "sup", "i", "b", "u", "mark", "span", "del", "ins"];
    expect(autop(inlines.map((inline) => `<${inline}>foo</${inline}>`).join("\n\n")).trim()).toBe(inlines.map((inline) => `<p><${inline}>foo</${inline}></p>`).join("\n"));
  });

  test("WordPress's first post", () => {
    const input = `
Welcome to WordPress!  This post contains important information.

First things first:
<ul>
<li><a href="%1$s">Subscribe</a></li>
</ul>
As a subscriber, you will receive an email.
When a new version is released, <a href="%2$s">log in</a> and follow the instructions.
Upgrading is a couple of clicks!

Thank you for selecting WordPress.
`;
    expect(autop(input)).toBe(`<p>Welcome to WordPress!  This post contains important information.</p>
<p>First things first:</p>
<ul>
<li><a href="%1$s">Subscribe</a></li>
</ul>
<p>As a subscriber, you will receive an email.<br />
When a new version is released, <a href="%2$s">log in</a> and follow the instructions.<br />
Upgrading is a couple of clicks!</p>
<p>Thank you for selecting WordPress.</p>
`);
  });
});
