/**
 * Hostile text for the XSS sweep (e2e/hostile-input.spec.ts): markup that has
 * run script in real applications. Every payload that ever executed would
 * call `__xss(<its id>)` or open a dialog with its id, so the spec can say
 * which one got through. Each is one line with no leading or trailing
 * space, so the app stores it exactly as typed and the spec can look for it
 * verbatim in the page's text.
 */

export interface XssPayload {
  id: number;
  kind: string;
  text: string;
}

const raw: [kind: string, text: (id: number) => string][] = [
  // Script elements
  ["script tag", (id) => `<script>__xss(${id})</script>`],
  ["script tag, upper case", (id) => `<SCRIPT>alert(${id})</SCRIPT>`],
  ["script with src", (id) => `<script src="data:text/javascript,__xss(${id})"></script>`],
  ["script split by a null", (id) => `<scr\u0000ipt>__xss(${id})</scr\u0000ipt>`.replaceAll("\u0000", "")],
  ["nested script", (id) => `<scr<script>ipt>__xss(${id})</scr</script>ipt>`],
  // Event handlers
  ["img onerror", (id) => `<img src=x onerror=__xss(${id})>`],
  ["img onerror, quoted", (id) => `<img src="x" onerror="alert(${id})">`],
  ["svg onload", (id) => `<svg onload=__xss(${id})>`],
  ["body onload", (id) => `<body onload=__xss(${id})>`],
  ["details ontoggle", (id) => `<details open ontoggle=__xss(${id})>`],
  ["input autofocus onfocus", (id) => `<input autofocus onfocus=__xss(${id})>`],
  ["video source onerror", (id) => `<video><source onerror="__xss(${id})"></video>`],
  ["iframe srcdoc", (id) => `<iframe srcdoc="<script>parent.__xss(${id})</script>">`],
  ["marquee onstart", (id) => `<marquee onstart=__xss(${id})>x</marquee>`],
  // URLs that run script
  ["javascript: link", (id) => `<a href="javascript:__xss(${id})">click</a>`],
  ["javascript: with entities", (id) => `<a href="jav&#x09;ascript:__xss(${id})">x</a>`],
  ["data: html link", (id) => `<a href="data:text/html,<script>__xss(${id})</script>">x</a>`],
  ["javascript: bare", (id) => `javascript:__xss(${id})//`],
  ["iframe javascript: src", (id) => `<iframe src="javascript:__xss(${id})"></iframe>`],
  ["object data", (id) => `<object data="javascript:__xss(${id})"></object>`],
  ["embed src", (id) => `<embed src="data:image/svg+xml,<svg onload=__xss(${id})>">`],
  ["form action", (id) => `<form action="javascript:__xss(${id})"><button>go</button></form>`],
  ["meta refresh", (id) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${id})">`],
  // SVG
  ["svg script", (id) => `<svg><script>__xss(${id})</script></svg>`],
  ["svg animate href", (id) => `<svg><a><animate attributeName=href values=javascript:__xss(${id}) /><text y=20>x</text></a></svg>`],
  ["svg foreignObject", (id) => `<svg><foreignObject><img src=x onerror=__xss(${id})></foreignObject></svg>`],
  ["math href", (id) => `<math><mtext><a href="javascript:__xss(${id})">x</a></mtext></math>`],
  // Broken and unclosed markup
  ["unclosed img", (id) => `<img src=x onerror=__xss(${id})//`],
  ["unquoted attribute breakout", (id) => `x onmouseover=__xss(${id}) y`],
  ["comment breakout", (id) => `--><script>__xss(${id})</script><!--`],
  ["cdata breakout", (id) => `<![CDATA[<script>__xss(${id})</script>]]>`],
  // Attribute and element breakouts
  ["double-quote breakout", (id) => `"><script>__xss(${id})</script>`],
  ["single-quote breakout", (id) => `'><img src=x onerror=__xss(${id})>`],
  ["title breakout", (id) => `</title><script>__xss(${id})</script>`],
  ["textarea breakout", (id) => `</textarea><script>__xss(${id})</script>`],
  ["script breakout (JSON-LD)", (id) => `</script><script>__xss(${id})</script>`],
  ["style breakout", (id) => `</style><script>__xss(${id})</script>`],
  ["noscript breakout", (id) => `<noscript><p title="</noscript><img src=x onerror=__xss(${id})>">`],
  ["JSON string breakout", (id) => `","x":"</script><script>__xss(${id})</script>`],
  // Template and CSS tricks
  ["template expression", (id) => `{{constructor.constructor('__xss(${id})')()}}`],
  ["template literal", (id) => `\${__xss(${id})}`],
  ["style expression", (id) => `<div style="background:url(javascript:__xss(${id}))">x</div>`],
  ["style import", (id) => `<style>@import 'javascript:__xss(${id})';</style>`],
  ["base href", (id) => `<base href="javascript:__xss(${id})//">`],
  // Unicode tricks
  ["full-width brackets", (id) => `＜script＞__xss(${id})＜/script＞`],
  ["right-to-left override", (id) => `\u202E>tpircs/<)${id}(ssx__>tpircs<\u202C`],
  ["zero-width joiners", (id) => `<scr\u200Bipt>__xss(${id})</scr\u200Bipt>`],
  ["homoglyph scheme", (id) => `<a href="jаvascript:__xss(${id})">x</a>`],
  ["escaped less-than", (id) => `\\u003cscript\\u003e__xss(${id})\\u003c/script\\u003e`],
  ["entity-encoded script", (id) => `&lt;script&gt;__xss(${id})&lt;/script&gt;`],
  ["line separator in JSON", (id) => `a\u2028b\u2029</script><script>__xss(${id})</script>`],
];

export const xssPayloads: XssPayload[] = raw.map(([kind, text], index) => ({ id: index + 1, kind, text: text(index + 1) }));

/** Payloads packed into groups whose joined text fits a field of `maxLength` characters. */
export function packPayloads(payloads: XssPayload[], maxLength: number, separator = " "): XssPayload[][] {
  const groups: XssPayload[][] = [];
  let current: XssPayload[] = [];
  let length = 0;
  for (const payload of payloads) {
    const added = (current.length ? separator.length : 0) + payload.text.length;
    if (current.length && length + added > maxLength) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(payload);
    length += current.length === 1 ? payload.text.length : added;
  }
  if (current.length) groups.push(current);
  return groups;
}

export const joinPayloads = (payloads: XssPayload[], separator = " ") => payloads.map((payload) => payload.text).join(separator);
