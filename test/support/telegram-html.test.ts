import { describe, expect, it } from "vitest";
import { checkTelegramHtml } from "./telegram-html.js";

describe("checkTelegramHtml", () => {
  it.each([
    ["plain text", "Привет! Сәлем, 14–35 жас."],
    ["every formatting tag", "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>"],
    ["nested formatting", "<b>bold <i>and italic</i></b>"],
    ["spoilers", '<tg-spoiler>x</tg-spoiler> <span class="tg-spoiler">y</span>'],
    ["a link with an escaped query", '<a href="https://example.kz/?a=1&amp;b=2">site</a>'],
    ["code, and a block with its language", '<code>x</code> <pre><code class="language-ts">let a = 1 &lt; 2;</code></pre>'],
    ["quotes", "<blockquote>a</blockquote><blockquote expandable>b</blockquote>"],
    ["a custom emoji", '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'],
    ["entities", "a &lt; b &gt; c &amp; d &quot;e&quot; &#8212; &#x1F600;"],
    ["upper-case tags", "<B>x</B>"],
  ])("accepts %s", (_, html) => {
    expect(checkTelegramHtml(html)).toEqual({ kind: "valid" });
  });

  it.each([
    ["a tag Telegram does not know", "<div>x</div>", "unsupported tag <div>"],
    ["a tag left open", "<b>x", "<b> is never closed"],
    ["tags closed out of order", "<b><i>x</b></i>", "</b> closes <i>"],
    ["a closing tag with nothing open", "x</b>", "</b> closes nothing"],
    ["a bare less-than", "1 < 2", 'bare "<" at 2'],
    ["a bare greater-than", "2 > 1", 'bare ">" at 2'],
    ["a bare ampersand", "Tom & Jerry", 'bare "&" at 4'],
    ["an entity Telegram does not know", "a&nbsp;b", 'bare "&" at 1'],
    ["a span that is not a spoiler", '<span class="x">y</span>', '<span> with class="x"'],
    ["a span without its class", "<span>y</span>", "<span> without class"],
    ["a link without its address", "<a>x</a>", "<a> without href"],
    ["an attribute on a plain tag", '<b class="x">y</b>', '<b> with class="x"'],
    ["a bare ampersand in a link", '<a href="https://e.kz/?a=1&b=2">x</a>', 'bare "&" in the href of <a>'],
    ["formatting inside code", "<code><b>x</b></code>", "<b> inside <code>"],
    ["a link inside a link", '<a href="https://a.kz"><a href="https://b.kz">x</a></a>', "<a> inside <a>"],
    ["a quote inside a quote", "<blockquote><blockquote>x</blockquote></blockquote>", "<blockquote> inside <blockquote>"],
    ["a language outside a block", '<code class="language-ts">x</code>', '<code> with class="language-ts"'],
    ["a name that is an object's property", "<constructor>x</constructor>", "unsupported tag <constructor>"],
  ])("refuses %s", (_, html, reason) => {
    expect(checkTelegramHtml(html)).toEqual({ kind: "invalid", reason });
  });
});
