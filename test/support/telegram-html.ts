/**
 * A strict check of a text against the HTML that Telegram's `parse_mode: "HTML"` accepts: only
 * its tags, with only their attributes, balanced and properly nested, and no `<`, `>` or `&`
 * outside a tag or an entity. Stricter than Telegram, which lets a bare `>` or `&` through:
 * a text that passes here is read the same way by every client.
 */
export type HtmlCheck = { kind: "valid" } | { kind: "invalid"; reason: string };

type AttributeRule = (value: string | undefined, parent: string | undefined) => boolean;

interface TagRule {
  /** The attribute the tag means nothing without. */
  required?: string;
  attributes?: Record<string, AttributeRule>;
}

const TAGS: Record<string, TagRule> = {
  b: {},
  strong: {},
  i: {},
  em: {},
  u: {},
  ins: {},
  s: {},
  strike: {},
  del: {},
  "tg-spoiler": {},
  span: { required: "class", attributes: { class: (v) => v === "tg-spoiler" } },
  a: { required: "href", attributes: { href: (v) => !!v } },
  // The language of a code block: <pre><code class="language-ts">.
  code: { attributes: { class: (v, parent) => parent === "pre" && /^language-[\w+#-]+$/.test(v ?? "") } },
  pre: {},
  blockquote: { attributes: { expandable: (v) => v === undefined } },
  "tg-emoji": { required: "emoji-id", attributes: { "emoji-id": (v) => /^\d+$/.test(v ?? "") } },
};

/** The named entities Telegram knows, and numeric ones. */
const ENTITY = "&(?:lt|gt|amp|quot|#\\d+|#x[0-9a-f]+);";
const ENTITY_HERE = new RegExp(`^${ENTITY}`, "i");
const ENTITIES = new RegExp(ENTITY, "gi");
const TAG_HERE = /^<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/i;
const ATTRIBUTE = /([a-z-]+)(?:="([^"]*)")?/gi;

const VALID: HtmlCheck = { kind: "valid" };
const invalid = (reason: string): HtmlCheck => ({ kind: "invalid", reason });

export function checkTelegramHtml(html: string): HtmlCheck {
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "&") {
      const entity = ENTITY_HERE.exec(html.slice(i));
      if (!entity) return invalid(`bare "&" at ${i}`);
      i += entity[0].length;
      continue;
    }
    if (ch === ">") return invalid(`bare ">" at ${i}`);
    if (ch !== "<") {
      i++;
      continue;
    }
    const tag = TAG_HERE.exec(html.slice(i));
    if (!tag) return invalid(`bare "<" at ${i}`);
    const [whole, closing, rawName, attributes] = tag;
    const name = rawName!.toLowerCase();
    if (closing) {
      if (attributes!.trim() !== "") return invalid(`attributes on </${name}>`);
      const top = open.pop();
      if (top !== name) return invalid(top ? `</${name}> closes <${top}>` : `</${name}> closes nothing`);
    } else {
      const problem = startTagProblem(name, attributes!, open);
      if (problem) return invalid(problem);
      open.push(name);
    }
    i += whole.length;
  }
  return open.length > 0 ? invalid(`<${open.at(-1)}> is never closed`) : VALID;
}

/** Why a start tag is refused where it stands, or undefined when it is fine there. */
function startTagProblem(name: string, rawAttributes: string, open: readonly string[]): string | undefined {
  if (!Object.hasOwn(TAGS, name)) return `unsupported tag <${name}>`;
  const rule = TAGS[name]!;
  const parent = open.at(-1);
  // Code is shown as it is written: nothing formats inside it, but a block may name its language.
  if (open.some((t) => t === "code" || t === "pre") && !(name === "code" && parent === "pre")) return `<${name}> inside <${parent}>`;
  if ((name === "a" || name === "blockquote") && open.includes(name)) return `<${name}> inside <${name}>`;

  const attributes = new Map([...rawAttributes.matchAll(ATTRIBUTE)].map((m) => [m[1]!.toLowerCase(), m[2]]));
  if (rule.required && !attributes.has(rule.required)) return `<${name}> without ${rule.required}`;
  for (const [key, value] of attributes) {
    const allowed = rule.attributes && Object.hasOwn(rule.attributes, key) ? rule.attributes[key] : undefined;
    if (!allowed?.(value, parent)) return `<${name}> with ${key}${value === undefined ? "" : `="${value}"`}`;
    if (value?.replace(ENTITIES, "").includes("&")) return `bare "&" in the ${key} of <${name}>`;
  }
  return undefined;
}
